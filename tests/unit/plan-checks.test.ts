import { describe, expect, it } from 'vitest'
import { defaultBoardSettings, type BoardSettings } from '../../lib/board/settings'
import { BACKUP_SHARE, checkPlan, checkRecords, type CheckIssue } from '../../lib/plan/checks'
import { derivePlanFromRecords } from '../../lib/plan/derive'
import { emptyPlan } from '../../lib/plan/schema'
import { item, page, recordsOf, shapeId as id, tie } from './plan-fixtures'

/**
 * The live checks: what a facilitator would want pointed out before the group agrees on the
 * plan. Built from board records, so the tests read like a board.
 */

const settings: BoardSettings = { ...defaultBoardSettings, loadThreshold: 3 }

function checksOf(records: Record<string, unknown>, withSettings = settings) {
  return checkPlan(derivePlanFromRecords(records), withSettings)
}

const codes = (issues: CheckIssue[]) => issues.map((issue) => issue.code)

describe('checkPlan', () => {
  it('finds nothing to report on an empty plan', () => {
    expect(checkPlan(emptyPlan(), settings)).toEqual({ issues: [], load: [], byItem: {} })
  })

  it('reports an agreement without an owner, a when or a backup, beside that agreement', () => {
    const records = recordsOf(page(), item('kring-agreement', 'empty', { what: 'Iets regelen' }))
    const checks = checksOf(records)
    expect(checks.issues).toEqual([
      { code: 'agreement-no-owner', itemId: id('empty') },
      { code: 'agreement-no-when', itemId: id('empty') },
      { code: 'agreement-no-backup', itemId: id('empty') },
    ])
    expect(checks.byItem[id('empty')]).toEqual(checks.issues)
  })

  it('has nothing to say about a complete agreement', () => {
    const records = recordsOf(
      page(),
      item('kring-person', 'oma', { name: 'Oma', group: 'family' }),
      item('kring-person', 'karim', { name: 'Karim', group: 'network' }),
      item('kring-agreement', 'deal', { what: 'Koken', ownerIds: [id('oma')], when: 'elke woensdag', backupId: id('karim') }),
    )
    expect(checksOf(records).issues).toEqual([])
  })

  it('reports an owner who was deleted, and a deleted backup as no backup', () => {
    const records = recordsOf(
      page(),
      item('kring-person', 'oma', { name: 'Oma' }),
      item('kring-agreement', 'deal', { what: 'Koken', ownerIds: [id('oma'), id('gone')], when: 'elke dag', backupId: id('left') }),
      item('kring-agreement', 'orphan', { what: 'Boodschappen', ownerIds: [id('gone')], when: 'elke week', backupId: id('oma') }, { y: 300 }),
    )
    expect(checksOf(records, { ...settings, loadThreshold: 50 }).issues).toEqual([
      { code: 'agreement-owner-missing', itemId: id('deal'), personId: id('gone') },
      { code: 'agreement-no-backup', itemId: id('deal'), personId: id('left') },
      // All owners deleted: the missing owner is reported, not also "no owner".
      { code: 'agreement-owner-missing', itemId: id('orphan'), personId: id('gone') },
    ])
  })

  it('reports worries and danger statements that no next step or agreement answers', () => {
    const records = recordsOf(
      page(),
      item('kring-card', 'w1', { kind: 'worry', text: 'beantwoord door een stap' }, { y: 0 }),
      item('kring-card', 'w2', { kind: 'worry', text: 'beantwoord door een afspraak' }, { y: 100 }),
      item('kring-card', 'w3', { kind: 'worry', text: 'nog open' }, { y: 200 }),
      item('kring-danger', 'd1', { danger: 'nog open gevaar', goal: 'veilig' }),
      item('kring-danger', 'd2', { danger: 'beantwoord gevaar', goal: 'veilig' }, { y: 100 }),
      item('kring-card', 'step', { kind: 'next-step', text: 'stap', answers: [id('w1'), id('deleted')] }, { y: 500 }),
      item('kring-person', 'oma', { name: 'Oma' }),
      item('kring-agreement', 'deal', { what: 'x', ownerIds: [id('oma')], when: 'elke week', backupId: id('oma'), answers: [id('w2'), id('d2')] }),
    )
    const checks = checksOf(records)
    expect(checks.issues.filter((issue) => issue.code === 'worry-unanswered')).toEqual([
      { code: 'worry-unanswered', itemId: id('w3') },
      { code: 'worry-unanswered', itemId: id('d1') },
    ])
  })

  describe('load per person', () => {
    const board = recordsOf(
      page(),
      item('kring-person', 'aunt', { name: 'Tante Amira', group: 'family' }),
      item('kring-person', 'neighbour', { name: 'Buurman Henk', group: 'network' }),
      item('kring-person', 'guardian', { name: 'Jeugdbeschermer', group: 'professional' }),
      item('kring-person', 'idle', { name: 'Neef Youssef', group: 'network' }),
      item('kring-agreement', 'a1', { what: 'Ophalen van school', ownerIds: [id('aunt')], when: 'maandag en donderdag', backupId: id('neighbour') }),
      item('kring-agreement', 'a2', { what: 'Bellen', ownerIds: [id('aunt'), id('guardian')], when: 'elke week', backupId: id('aunt') }, { y: 100 }),
      item('kring-agreement', 'a3', { what: 'Huiswerk', ownerIds: [id('guardian')], when: 'elke dag', backupId: id('neighbour') }, { y: 200 }),
    )

    it('counts the agreements each family or network member carries out or stands in for, and how often', () => {
      const { load } = checksOf(board)
      expect(load).toEqual([
        // Buurman Henk: backup of a1 (2 a week) and a3 (7 a week), each counted for half.
        { personId: id('neighbour'), name: 'Buurman Henk', agreements: 2, perWeek: (2 + 7) * BACKUP_SHARE, unknownFrequency: 0, overloaded: true },
        // Tante Amira owns a1 (2) and a2 (1); backing up her own agreement adds nothing.
        { personId: id('aunt'), name: 'Tante Amira', agreements: 2, perWeek: 3, unknownFrequency: 0, overloaded: false },
      ])
    })

    it('sums only what it can read: "Elke schooldag 7:30" is 5 times, "als het nodig is" is unknown, not once a week', () => {
      const records = recordsOf(
        page(),
        item('kring-person', 'mum', { name: 'Mama', group: 'family' }),
        item('kring-agreement', 'school', { what: 'Naar school brengen', ownerIds: [id('mum')], when: 'Elke schooldag 7:30' }),
        item('kring-agreement', 'call', { what: 'De juf bellen', ownerIds: [id('mum')], when: 'als het nodig is' }, { y: 100 }),
      )
      expect(checksOf(records, { ...settings, loadThreshold: 10 }).load).toEqual([
        { personId: id('mum'), name: 'Mama', agreements: 2, perWeek: 5, unknownFrequency: 1, overloaded: false },
      ])
    })

    it('flags whoever is above the threshold the facilitator set', () => {
      expect(codes(checksOf(board).issues)).toEqual(['person-overloaded'])
      expect(checksOf(board).byItem[id('neighbour')]).toEqual([{ code: 'person-overloaded', itemId: id('neighbour'), personId: id('neighbour') }])

      const strict = checksOf(board, { ...settings, loadThreshold: 2 })
      expect(strict.load.filter((person) => person.overloaded).map((person) => person.name)).toEqual(['Buurman Henk', 'Tante Amira'])
      const relaxed = checksOf(board, { ...settings, loadThreshold: 10 })
      expect(relaxed.issues).toEqual([])
    })
  })

  it('reports a scale mark whose scale was deleted, when given the board records', () => {
    const records = recordsOf(
      page(),
      item('kring-scale', 'scale', { question: 'Hoe veilig?' }),
      item('kring-scale-mark', 'kept', { participantId: 'p-left', name: 'Buurman Henk', value: 6 }, { parentId: id('scale') }),
      item('kring-scale-mark', 'orphan', { participantId: 'p-oma', name: 'Oma', value: 3 }, { parentId: id('deleted-scale') }),
    )
    const checks = checkRecords(records, settings)
    expect(checks.issues).toEqual([{ code: 'scale-mark-orphan', itemId: id('orphan') }])
    expect(checks.plan.scales[0]?.marks.map((mark) => mark.name)).toEqual(['Buurman Henk'])
    // Without the records there is no way to know: checkPlan alone does not report it.
    expect(checkPlan(checks.plan, settings).issues).toEqual([])
  })

  it('checks a contradictory board without throwing: deleted owner, a mark of someone who left, a dangling tie, invalid props', () => {
    const records = recordsOf(
      page(),
      item('kring-person', 'oma', { name: 'Oma', group: 'family' }),
      { ...item('kring-person', 'broken', {}), props: { name: 12 } },
      item('kring-agreement', 'deal', { what: 'Koken', ownerIds: [id('deleted'), id('broken')], when: 'elke dag', backupId: id('oma') }),
      item('kring-scale', 'scale', { question: 'Hoe veilig?' }),
      item('kring-scale-mark', 'left', { participantId: 'p-left', name: 'Buurman Henk', value: 2 }, { parentId: id('scale') }),
      tie('dangling', 'strong', 'oma', 'deleted'),
    )
    const checks = checkRecords(records, settings)
    expect(checks.issues).toEqual([
      { code: 'agreement-owner-missing', itemId: id('deal'), personId: id('deleted') },
      { code: 'agreement-owner-missing', itemId: id('deal'), personId: id('broken') },
      { code: 'person-overloaded', itemId: id('oma'), personId: id('oma') },
    ])
    expect(checks.plan.people.map((person) => person.ties)).toEqual([[]])
    expect(checks.load).toEqual([{ personId: id('oma'), name: 'Oma', agreements: 1, perWeek: 3.5, unknownFrequency: 0, overloaded: true }])
    expect(checks.plan.scales[0]?.marks).toEqual([{ participantId: 'p-left', name: 'Buurman Henk', value: 2 }])
  })
})
