import { describe, expect, it } from 'vitest'
import { bottomLineAccess } from '../../client/board/canvas/bottom-line-access'
import { bottomLineTicker } from '../../client/plan-view/bottom-line-ticker'
import { defaultBoardSettings } from '../../lib/board/settings'
import { conferencePhases, participantRoles } from '../../lib/conference/model'
import { mayTick, setBottomLineTick, tickProps } from '../../lib/plan/bottom-line-tick'
import { BottomLineProps, itemDefaults } from '../../lib/board/items'
import { checkPlan } from '../../lib/plan/checks'
import { derivePlan, derivePlanFromRecords } from '../../lib/plan/derive'
import { emptyPlan, Plan } from '../../lib/plan/schema'
import { PlanVersion } from '../../lib/plan/version'
import { boardDoc, item, page, recordsOf, shapeId as id } from './plan-fixtures'

/**
 * Bottom lines (ondergrenzen): the professionals' conditions any plan must meet. The plan says for
 * each whether an agreement answers it and whether a professional ticked it off; a check points
 * at the ones no agreement answers; plans frozen before bottom lines existed still read.
 */

const TICKED_AT = '2026-03-03T12:55:00.000Z'

/** Two written bottom lines (one ticked off), an empty one, and two agreements answering the second. */
function boardItems(): Record<string, unknown>[] {
  return [
    page(),
    item('kring-bottom-line', 'never-alone', { text: 'Noor is nooit alleen met papa als hij gedronken heeft.' }, { y: 0 }),
    item('kring-bottom-line', 'school', { text: 'Noor gaat elke dag naar school.', tickedBy: 'p-jeroen', tickedByName: 'Jeroen Smit', tickedAt: TICKED_AT }, { y: 200 }),
    item('kring-bottom-line', 'empty', { text: '   ' }, { y: 400 }),
    item('kring-person', 'amira', { name: 'Tante Amira' }),
    item('kring-agreement', 'pick-up', { what: 'Amira haalt Noor op', ownerIds: [id('amira')], when: 'elke dag', backupId: id('amira'), answers: [id('school')] }, { y: 600 }),
    item('kring-agreement', 'bus', { what: 'Oom brengt Noor met de bus', ownerIds: [id('amira')], when: 'elke dag', backupId: id('amira'), answers: [id('school'), id('gone')] }, { y: 800 }),
  ]
}

const board = () => recordsOf(boardItems())

describe('bottom lines in the plan', () => {
  it('lists each written bottom line in reading order, with the agreements that answer it and its tick', () => {
    expect(derivePlanFromRecords(board()).bottomLines).toEqual([
      { id: id('never-alone'), text: 'Noor is nooit alleen met papa als hij gedronken heeft.', ticked: false, tickedBy: null, tickedAt: null, answeredBy: [] },
      {
        id: id('school'),
        text: 'Noor gaat elke dag naar school.',
        ticked: true,
        tickedBy: { participantId: 'p-jeroen', name: 'Jeroen Smit' },
        tickedAt: TICKED_AT,
        answeredBy: [id('pick-up'), id('bus')],
      },
    ])
  })

  it('keeps a tick whose time the board holds in another form, without its time', () => {
    const records = recordsOf(page(), item('kring-bottom-line', 'odd', { text: 'Veilig slapen', tickedBy: 'p-jeroen', tickedByName: 'Jeroen', tickedAt: 'gisteren' }))
    expect(derivePlanFromRecords(records).bottomLines[0]).toMatchObject({ ticked: true, tickedBy: { participantId: 'p-jeroen', name: 'Jeroen' }, tickedAt: null })
  })

  it('reads a plan frozen before bottom lines existed as one without them', () => {
    const { bottomLines: _none, ...before } = emptyPlan()
    expect(Plan.parse(before).bottomLines).toEqual([])
    const version = { id: 'v1', conferenceId: 'c1', version: 1, plan: before, agreedBy: [], frozenBy: 'p1', frozenAt: TICKED_AT }
    expect(PlanVersion.parse(version).plan.bottomLines).toEqual([])
  })
})

describe('the bottom-line check', () => {
  it('points at every bottom line no agreement answers, ticked off or not', () => {
    const records = recordsOf(
      boardItems(),
      item('kring-bottom-line', 'ticked-alone', { text: 'Er is een vast aanspreekpunt.', tickedBy: 'p-jeroen', tickedByName: 'Jeroen Smit', tickedAt: TICKED_AT }, { y: 300 }),
      // A next step is no promise: it does not answer a bottom line.
      item('kring-card', 'step', { kind: 'next-step', text: 'Iemand zoeken', answers: [id('never-alone')] }, { y: 900 }),
    )
    const checks = checkPlan(derivePlanFromRecords(records), defaultBoardSettings)
    const found = checks.issues.filter((issue) => issue.code === 'bottom-line-unanswered')
    expect(found).toEqual([
      { code: 'bottom-line-unanswered', itemId: id('never-alone') },
      { code: 'bottom-line-unanswered', itemId: id('ticked-alone') },
    ])
    expect(checks.byItem[id('school')]).toBeUndefined()
    expect(checks.byItem[id('empty')]).toBeUndefined()
  })

  it('is quiet once an agreement answers it', () => {
    const records = recordsOf(
      page(),
      item('kring-bottom-line', 'line', { text: 'Noor slaapt thuis.' }),
      item('kring-person', 'oma', { name: 'Oma', group: 'family' }),
      item('kring-agreement', 'deal', { what: 'Oma slaapt bij Noor', ownerIds: [id('oma')], when: 'elke nacht', backupId: id('oma'), answers: [id('line')] }),
    )
    const checks = checkPlan(derivePlanFromRecords(records), { ...defaultBoardSettings, loadThreshold: 50 })
    expect(checks.issues).toEqual([])
  })
})

describe('ticking a bottom line off in the board document', () => {
  it('writes who and when onto the bottom line, and the plan shows it ticked', () => {
    const doc = boardDoc(board())
    const at = new Date(TICKED_AT)
    expect(setBottomLineTick(doc, id('school'), null)).toBe(true)
    // "school" is answered by two agreements: no reason needed.
    expect(setBottomLineTick(doc, id('school'), { participantId: 'p-jeroen', name: 'Jeroen Smit' }, at)).toBe(true)
    const record = doc.getMap<{ props: Record<string, unknown>; x: number }>('records').get(id('school'))!
    expect(record.props).toMatchObject({ text: 'Noor gaat elke dag naar school.', tickedBy: 'p-jeroen', tickedByName: 'Jeroen Smit', tickedAt: TICKED_AT, tickReason: '' })
    expect(derivePlan(doc).bottomLines[1]).toMatchObject({ ticked: true, tickedBy: { participantId: 'p-jeroen', name: 'Jeroen Smit' }, tickedAt: TICKED_AT })
    expect(derivePlan(doc).bottomLines[1]).not.toHaveProperty('tickReason')
  })

  it('does not tick off a bottom line no agreement answers, unless the professional writes down why', () => {
    const doc = boardDoc(board())
    const jeroen = { participantId: 'p-jeroen', name: 'Jeroen Smit' }
    const before = JSON.stringify(doc.getMap('records').toJSON())
    expect(setBottomLineTick(doc, id('never-alone'), jeroen, new Date(TICKED_AT))).toBe(false)
    expect(setBottomLineTick(doc, id('never-alone'), jeroen, new Date(TICKED_AT), '   ')).toBe(false)
    expect(JSON.stringify(doc.getMap('records').toJSON())).toBe(before)
    expect(derivePlan(doc).bottomLines[0]).toMatchObject({ ticked: false, answeredBy: [] })

    const reason = '  Papa woont sinds januari niet meer thuis; de rechter heeft dat vastgelegd. '
    expect(setBottomLineTick(doc, id('never-alone'), jeroen, new Date(TICKED_AT), reason)).toBe(true)
    expect(derivePlan(doc).bottomLines[0]).toMatchObject({ ticked: true, tickReason: reason.trim() })
    // Opening it again clears the reason.
    expect(setBottomLineTick(doc, id('never-alone'), null)).toBe(true)
    expect(derivePlan(doc).bottomLines[0]).toMatchObject({ ticked: false })
    expect(derivePlan(doc).bottomLines[0]).not.toHaveProperty('tickReason')
  })

  it('accepts boards from before the reason existed, and only the reason a bottom line holds', () => {
    expect(BottomLineProps.safeParse({ ...itemDefaults['kring-bottom-line'] }).success).toBe(true)
    expect(BottomLineProps.safeParse({ ...itemDefaults['kring-bottom-line'], tickReason: 'x'.repeat(501) }).success).toBe(false)
    expect(mayTick(true)).toBe(true)
    expect(mayTick(false)).toBe(false)
    expect(mayTick(false, 'Geregeld via school')).toBe(true)
  })

  it('opens a ticked bottom line again', () => {
    const doc = boardDoc(board())
    expect(setBottomLineTick(doc, id('school'), null)).toBe(true)
    expect(derivePlan(doc).bottomLines[1]).toMatchObject({ id: id('school'), ticked: false, tickedBy: null, tickedAt: null })
  })

  it('changes nothing when the id is not a bottom line (deleted, or another item)', () => {
    const doc = boardDoc(board())
    const before = JSON.stringify(doc.getMap('records').toJSON())
    const ticker = { participantId: 'p-jeroen', name: 'Jeroen Smit' }
    expect(setBottomLineTick(doc, id('deleted'), ticker)).toBe(false)
    expect(setBottomLineTick(doc, id('pick-up'), ticker)).toBe(false)
    expect(JSON.stringify(doc.getMap('records').toJSON())).toBe(before)
  })

  it('keeps a long name within what a bottom line holds', () => {
    expect(tickProps({ participantId: 'p1', name: 'A'.repeat(200) }, new Date(TICKED_AT)).tickedByName).toHaveLength(80)
    expect(tickProps(null)).toEqual({ tickedBy: '', tickedByName: '', tickedAt: '', tickReason: '' })
  })
})

describe('who is offered writing and ticking bottom lines', () => {
  it('only professionals write them, not in private time nor once closed; they tick them off in plan en afspraken only', () => {
    for (const role of participantRoles) {
      for (const phase of conferencePhases) {
        const access = bottomLineAccess(role, phase)
        const professional = role === 'professional'
        expect(access.canWrite, `${role} ${phase}`).toBe(professional && phase !== 'besloten_deel' && phase !== 'afgesloten')
        expect(access.canTick, `${role} ${phase}`).toBe(professional && phase === 'plan_en_afspraken')
      }
    }
  })

  it('before the phase is known: a professional may write (the server decides) but is not offered the tick', () => {
    expect(bottomLineAccess('professional', null)).toEqual({ canWrite: true, canTick: false })
    expect(bottomLineAccess('facilitator', null)).toEqual({ canWrite: false, canTick: false })
  })

  it('on the plan view, ticks as the professional themselves, in plan en afspraken only', () => {
    const jeroen = { participantId: 'p-jeroen', displayName: 'Jeroen Smit', role: 'professional' as const }
    expect(bottomLineTicker(jeroen, 'plan_en_afspraken')).toEqual({ participantId: 'p-jeroen', name: 'Jeroen Smit' })
    expect(bottomLineTicker(jeroen, 'informatie')).toBeNull()
    expect(bottomLineTicker(jeroen, null)).toBeNull()
    expect(bottomLineTicker({ ...jeroen, role: 'facilitator' }, 'plan_en_afspraken')).toBeNull()
  })
})
