import { Store } from '@tldraw/store'
import type { TLRecord, TLStoreProps } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createKringTLSchema } from '../../lib/board/tldraw-schema'
import { deriveBoard, derivePlan, derivePlanFromRecords } from '../../lib/plan/derive'
import { emptyPlan, Plan } from '../../lib/plan/schema'
import { binding, boardDoc, item, page, recordsOf, shape, shapeId, tie } from './plan-fixtures'

/**
 * The plan is read off the board: what people put on it, in the order they read it, with
 * references resolved. Whatever is half-written, deleted or broken on the board is left out or
 * marked, and never breaks the plan.
 */

const id = shapeId

describe('derivePlan', () => {
  it('gives the empty plan for an empty board, and for a document without records', () => {
    expect(derivePlan(new Y.Doc())).toEqual(emptyPlan())
    expect(derivePlan(boardDoc(recordsOf(page())))).toEqual(emptyPlan())
    expect(derivePlanFromRecords({})).toEqual(emptyPlan())
  })

  it('reads every kind of item into its section', () => {
    const records = recordsOf(
      page(),
      item('kring-card', 'question', { kind: 'central-question', text: 'Hoe blijft Sam veilig thuis wonen?' }),
      item('kring-card', 'well', { kind: 'going-well', text: 'Sam gaat graag naar school' }, { y: 100 }),
      item('kring-card', 'worry', { kind: 'worry', text: 'Mama is vaak moe' }, { y: 200 }),
      item('kring-card', 'step', { kind: 'next-step', text: 'Oma helpt met koken', answers: [id('worry')] }, { y: 300 }),
      item('kring-card', 'need', { kind: 'need', text: 'Sam heeft rust nodig' }, { y: 400 }),
      item('kring-card', 'prompt', { kind: 'prompt', text: 'Wie bel je als eerste?' }, { y: 500 }),
      item('kring-danger', 'danger', { danger: 'Ruzie thuis', goal: 'Sam voelt zich veilig' }),
      item('kring-person', 'oma', { name: 'Oma Fatima', relation: 'oma', ring: 'inner', group: 'family', support: ['practical', 'emotional'], note: 'woont dichtbij' }),
      item('kring-safety-item', 'safety', { signal: 'Mama drinkt', action: 'Sam gaat naar oma', contactName: 'Oma Fatima', contactPhone: '06 12345678', safePlace: 'Bij oma' }),
      item('kring-house-card', 'dream', { house: 'dreams', text: 'Voetballer worden', emoji: '⚽' }),
      item('kring-house-card', 'good', { house: 'good-things', text: '', emoji: '🐶' }),
      item('kring-house-card', 'child-worry', { house: 'worries', text: 'Schreeuwen', emoji: '' }),
      item('kring-agreement', 'deal', { what: 'Koken op woensdag', ownerIds: [id('oma')], when: 'elke woensdag', backupId: '', howWeKnow: 'Er is eten', answers: [id('worry')] }),
    )
    const plan = derivePlanFromRecords(records)

    expect(Plan.safeParse(plan).success).toBe(true)
    expect(plan.centralQuestion).toEqual([{ id: id('question'), text: 'Hoe blijft Sam veilig thuis wonen?' }])
    expect(plan.goingWell.map((card) => card.text)).toEqual(['Sam gaat graag naar school'])
    expect(plan.worries.map((card) => card.text)).toEqual(['Mama is vaak moe'])
    expect(plan.nextSteps).toEqual([{ id: id('step'), text: 'Oma helpt met koken', answers: [id('worry')] }])
    expect(plan.needs.map((card) => card.text)).toEqual(['Sam heeft rust nodig'])
    expect(JSON.stringify(plan)).not.toContain('Wie bel je als eerste?')
    expect(plan.dangers).toEqual([{ id: id('danger'), danger: 'Ruzie thuis', goal: 'Sam voelt zich veilig' }])
    expect(plan.people).toEqual([
      { id: id('oma'), name: 'Oma Fatima', relation: 'oma', ring: 'inner', group: 'family', support: ['practical', 'emotional'], note: 'woont dichtbij', ties: [] },
    ])
    expect(plan.safetyPlan).toEqual([
      { id: id('safety'), signal: 'Mama drinkt', action: 'Sam gaat naar oma', contactName: 'Oma Fatima', contactPhone: '06 12345678', safePlace: 'Bij oma' },
    ])
    expect(plan.childVoice).toEqual({
      worries: [{ id: id('child-worry'), text: 'Schreeuwen', emoji: '' }],
      goodThings: [{ id: id('good'), text: '', emoji: '🐶' }],
      dreams: [{ id: id('dream'), text: 'Voetballer worden', emoji: '⚽' }],
      drawings: 0,
    })
    expect(plan.agreements).toEqual([
      {
        id: id('deal'),
        what: 'Koken op woensdag',
        owners: [{ id: id('oma'), name: 'Oma Fatima' }],
        when: 'elke woensdag',
        backup: null,
        howWeKnow: 'Er is eten',
        answers: [id('worry')],
        status: 'open',
      },
    ])
  })

  it('reads the same plan from the Y.Doc as from its records', () => {
    const records = recordsOf(page(), item('kring-card', 'worry', { kind: 'worry', text: 'Geen geld voor eten' }))
    expect(derivePlan(boardDoc(records))).toEqual(derivePlanFromRecords(records))
  })

  it('lists items top to bottom, then left to right', () => {
    const records = recordsOf(
      page(),
      item('kring-card', 'c', { kind: 'worry', text: 'derde' }, { x: 0, y: 300 }),
      item('kring-card', 'b', { kind: 'worry', text: 'tweede' }, { x: 500, y: 0 }),
      item('kring-card', 'a', { kind: 'worry', text: 'eerste' }, { x: 100, y: 0 }),
      item('kring-card', 'd', { kind: 'worry', text: 'vierde' }, { x: -50, y: 301 }),
    )
    expect(derivePlanFromRecords(records).worries.map((card) => card.text)).toEqual(['eerste', 'tweede', 'derde', 'vierde'])
  })

  it('places items inside areas (nested at any depth) by their position on the page', () => {
    // The lower area starts at y 1000; its card at y 10 inside it is on the page at y 1010,
    // below the card that is on the page at y 500, although its own y is smaller.
    const records = recordsOf(
      page(),
      item('kring-area', 'top', { area: 'three-columns' }, { x: 0, y: 0 }),
      item('kring-area', 'bottom', { area: 'three-columns' }, { x: 0, y: 1000 }),
      item('kring-area', 'inner', { area: 'agreements' }, { x: 0, y: 0, parentId: id('bottom') }),
      item('kring-card', 'in-bottom', { kind: 'going-well', text: 'onder' }, { x: 0, y: 10, parentId: id('inner') }),
      item('kring-card', 'in-top', { kind: 'going-well', text: 'boven' }, { x: 0, y: 500, parentId: id('top') }),
      item('kring-card', 'on-page', { kind: 'going-well', text: 'midden' }, { x: 0, y: 800 }),
    )
    expect(derivePlanFromRecords(records).goingWell.map((card) => card.text)).toEqual(['boven', 'midden', 'onder'])
  })

  it('leaves out blank cards and items with invalid props, and keeps the rest', () => {
    const records = recordsOf(
      page(),
      item('kring-card', 'blank', { kind: 'worry', text: '   ' }),
      item('kring-danger', 'blank-danger', { danger: '', goal: '' }),
      item('kring-safety-item', 'blank-safety', {}),
      item('kring-house-card', 'blank-house', { house: 'dreams' }),
      shape('kring-card', 'bad-kind', { w: 240, h: 120, kind: 'rumour', text: 'onbekend soort kaart', answers: [] }),
      shape('kring-person', 'bad-ring', { ...item('kring-person', 'x', {}).props as object, name: 'Buiten de ringen', ring: 'far' }),
      shape('kring-safety-item', 'bad-phone', { w: 320, h: 200, signal: 's', action: 'a', contactName: 'n', contactPhone: 'bel me', safePlace: '' }),
      shape('kring-card', 'no-props', undefined),
      { id: 'shape:broken', typeName: 'shape', type: 'kring-card', x: 'left', y: 0 },
      { id: 'binding:broken', typeName: 'binding', type: 'arrow', fromId: 7 },
      item('kring-card', 'kept', { kind: 'worry', text: 'Deze blijft' }),
    )
    // Values no tldraw client writes, under keys of their own.
    Object.assign(records, { 'shape:null': null, 'shape:text': 'text', 'shape:list': [1, 2], other: { not: 'a record' } })
    const plan = derivePlanFromRecords(records)
    expect(plan.worries.map((card) => card.text)).toEqual(['Deze blijft'])
    expect(plan.people).toEqual([])
    expect(plan.dangers).toEqual([])
    expect(plan.safetyPlan).toEqual([])
    expect(plan.childVoice.dreams).toEqual([])
  })

  it('keeps people and agreements that are still empty', () => {
    const records = recordsOf(page(), item('kring-person', 'nobody', {}), item('kring-agreement', 'empty', {}))
    const plan = derivePlanFromRecords(records)
    expect(plan.people.map((person) => person.id)).toEqual([id('nobody')])
    expect(plan.agreements).toEqual([
      { id: id('empty'), what: '', owners: [], when: '', backup: null, howWeKnow: '', answers: [], status: 'open' },
    ])
  })

  describe('agreements', () => {
    it('names the owners and the backup, and marks a deleted one with a null name', () => {
      const records = recordsOf(
        page(),
        item('kring-person', 'oma', { name: 'Oma Fatima' }),
        item('kring-person', 'karim', { name: 'Oom Karim' }),
        item('kring-agreement', 'deal', { what: 'Sam naar voetbal brengen', ownerIds: [id('oma'), id('gone'), id('oma')], backupId: id('karim') }),
        item('kring-agreement', 'other', { what: 'Bellen met school', ownerIds: [id('karim')], backupId: id('left') }),
      )
      const [deal, other] = derivePlanFromRecords(records).agreements
      expect(deal?.owners).toEqual([
        { id: id('oma'), name: 'Oma Fatima' },
        { id: id('gone'), name: null },
      ])
      expect(deal?.backup).toEqual({ id: id('karim'), name: 'Oom Karim' })
      expect(other?.backup).toEqual({ id: id('left'), name: null })
    })

    it('does not take a non-person (or a person with invalid props) for an owner', () => {
      const records = recordsOf(
        page(),
        item('kring-card', 'card', { kind: 'worry', text: 'een zorg' }),
        shape('kring-person', 'broken', { name: 42 }),
        item('kring-agreement', 'deal', { ownerIds: [id('card'), id('broken')] }),
      )
      expect(derivePlanFromRecords(records).agreements[0]?.owners).toEqual([
        { id: id('card'), name: null },
        { id: id('broken'), name: null },
      ])
    })
  })

  describe('ties', () => {
    const people = [
      page(),
      item('kring-area', 'rings', { area: 'network-rings' }, { x: -400, y: -400 }),
      item('kring-area', 'columns', { area: 'three-columns' }, { x: 2000 }),
      item('kring-person', 'oma', { name: 'Oma' }, { x: 0, y: 0 }),
      item('kring-person', 'karim', { name: 'Karim' }, { x: 300, y: 0 }),
    ]

    it('ties people to each other and to the family in the centre, on both sides', () => {
      const records = recordsOf(people, tie('t1', 'strong', 'oma', 'rings'), tie('t2', 'strained', 'oma', 'karim'))
      const plan = derivePlanFromRecords(records)
      const ties = Object.fromEntries(plan.people.map((person) => [person.name, person.ties]))
      expect(ties).toEqual({
        Oma: [
          { to: 'family', kind: 'strong' },
          { to: id('karim'), kind: 'strained' },
        ],
        Karim: [{ to: id('oma'), kind: 'strained' }],
      })
    })

    it('ignores arrows without a tie kind, with a loose end, or bound to a deleted shape or to something else', () => {
      const records = recordsOf(
        people,
        shape('arrow', 'plain', {}, {}),
        binding('plain-start', 'plain', 'oma', 'start'),
        binding('plain-end', 'plain', 'karim', 'end'),
        tie('unknown-kind', 'best-friends', 'oma', 'karim'),
        tie('loose', 'weak', 'oma', null),
        tie('dangling', 'weak', 'oma', 'deleted-person'),
        tie('to-columns', 'weak', 'karim', 'columns'),
        tie('to-self', 'strong', 'karim', 'karim'),
      )
      expect(derivePlanFromRecords(records).people.map((person) => person.ties)).toEqual([[], []])
    })
  })

  describe('scales', () => {
    it('groups marks under their scale, from low to high, one per participant', () => {
      const records = recordsOf(
        page(),
        item('kring-scale', 'safety', { question: 'Hoe veilig is het nu thuis?' }, { y: 0 }),
        item('kring-scale', 'school', { question: 'Hoe gaat het op school?' }, { y: 200 }),
        item('kring-scale-mark', 'm1', { participantId: 'p-oma', name: 'Oma', value: 7 }, { parentId: id('safety'), x: 300 }),
        item('kring-scale-mark', 'm2', { participantId: 'p-mama', name: 'Mama', value: 4 }, { parentId: id('safety'), x: 100 }),
        item('kring-scale-mark', 'm3', { participantId: 'p-mama', name: 'Mama', value: 9 }, { parentId: id('safety'), x: 500 }),
        // A participant who left the conference: the mark stays.
        item('kring-scale-mark', 'm4', { participantId: 'p-left', name: 'Buurman Henk', value: 6 }, { parentId: id('safety') }),
      )
      expect(derivePlanFromRecords(records).scales).toEqual([
        {
          id: id('safety'),
          question: 'Hoe veilig is het nu thuis?',
          marks: [
            { participantId: 'p-mama', name: 'Mama', value: 4 },
            { participantId: 'p-left', name: 'Buurman Henk', value: 6 },
            { participantId: 'p-oma', name: 'Oma', value: 7 },
          ],
        },
        { id: id('school'), question: 'Hoe gaat het op school?', marks: [] },
      ])
    })

    it('drops a mark whose scale was deleted from the plan and reports it', () => {
      const records = recordsOf(
        page(),
        item('kring-scale-mark', 'lost', { participantId: 'p-oma', name: 'Oma', value: 3 }, { parentId: id('deleted-scale') }),
        item('kring-scale-mark', 'loose', { participantId: 'p-mama', name: 'Mama', value: 5 }, { y: 100 }),
      )
      const { plan, findings } = deriveBoard(records)
      expect(plan.scales).toEqual([])
      expect(findings.orphanMarks).toEqual([
        { id: id('lost'), participantId: 'p-oma', name: 'Oma', value: 3 },
        { id: id('loose'), participantId: 'p-mama', name: 'Mama', value: 5 },
      ])
    })
  })

  it('counts free drawings inside the three houses, as children or drawn on top', () => {
    const draw = (name: string, at: { x: number; y: number; parentId?: string }) => shape('draw', name, { segments: [] }, at)
    const records = recordsOf(
      page(),
      item('kring-area', 'houses', { area: 'three-houses', w: 800, h: 600 }, { x: 1000, y: 1000 }),
      item('kring-area', 'frame', { area: 'three-columns', w: 300, h: 300 }, { x: 10, y: 10, parentId: id('houses') }),
      draw('child-of-houses', { x: 5, y: 5, parentId: id('houses') }),
      draw('grandchild-of-houses', { x: 5, y: 5, parentId: id('frame') }),
      draw('on-top', { x: 1200, y: 1300 }),
      draw('elsewhere', { x: 0, y: 0 }),
      shape('geo', 'a-rectangle', {}, { x: 1200, y: 1200 }),
    )
    expect(derivePlanFromRecords(records).childVoice.drawings).toBe(3)
  })

  it('reads records exactly as tldraw (with the Kring schema) stores them', () => {
    const store = new Store({ schema: createKringTLSchema(), props: { defaultName: '' } as TLStoreProps })
    const records = recordsOf(
      page(),
      item('kring-area', 'rings', { area: 'network-rings' }),
      item('kring-person', 'oma', { name: 'Oma', ring: 'inner', group: 'family' }, { x: 100, y: 100 }),
      item('kring-agreement', 'deal', { what: 'Koken', ownerIds: [id('oma')], when: 'elke dag' }, { y: 500 }),
      tie('t', 'strong', 'oma', 'rings'),
    )
    // put() validates every record against tldraw's and Kring's schemas: the fixtures are real records.
    store.put(Object.values(records) as TLRecord[])
    const stored = JSON.parse(JSON.stringify(store.serialize('document'))) as Record<string, unknown>
    const plan = derivePlanFromRecords(stored)
    expect(plan.people[0]?.ties).toEqual([{ to: 'family', kind: 'strong' }])
    expect(plan.agreements[0]?.owners).toEqual([{ id: id('oma'), name: 'Oma' }])
  })
})
