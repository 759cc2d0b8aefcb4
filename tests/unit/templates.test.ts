import { createTLStore } from '@tldraw/editor'
import type { TLPage, TLRecord, TLShape } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { areaKinds, type AreaKind } from '../../lib/board/items'
import {
  areaRecords,
  areaSizes,
  TEMPLATE_PAGE_ID,
  templateDocUpdate,
  templateLayouts,
  templateRecords,
  templateShapes,
} from '../../lib/board/templates'
import { createKringTLSchema } from '../../lib/board/tldraw-schema'
import { conferenceKinds } from '../../lib/conference/model'
import { locales } from '../../lib/i18n'
import { createTranslator } from '../../lib/i18n/catalogs'
import { derivePlan } from '../../lib/plan/derive'
import { emptyPlan, Plan, type PlanAgreement, type PlanPerson } from '../../lib/plan/schema'
import { bindStoreToDoc } from '../../lib/sync/bind-store-to-doc'
import { metaMapOf, readDocSchema, recordsMapOf } from '../../lib/sync/document-format'
import type { RecordRejectedError } from '../../lib/sync/record-rejection'

const schema = createKringTLSchema()

/** Validate a record the way the store does when it is put: by its record type, props included. */
function validate(record: TLRecord): void {
  const type = (schema.types as Record<string, { validate(r: unknown): unknown }>)[record.typeName]
  expect(type, `record type ${record.typeName}`).toBeDefined()
  type!.validate(record)
}

function counter(prefix = 't'): () => string {
  let n = 0
  return () => `${prefix}${++n}`
}

type Box = { x: number; y: number; w: number; h: number }
const boxOf = (shape: TLShape): Box => {
  const { w, h } = shape.props as { w: number; h: number }
  return { x: shape.x, y: shape.y, w, h }
}
const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
const inside = (item: Box, area: Box) => item.x >= area.x && item.y >= area.y && item.x + item.w <= area.x + area.w && item.y + item.h <= area.y + area.h

const areasOf = (shapes: TLShape[]) => shapes.filter((s): s is TLShape<'kring-area'> => s.type === 'kring-area')
const itemsOf = (shapes: TLShape[]) => shapes.filter((s) => s.type !== 'kring-area')
const ofType = <K extends TLShape['type']>(shapes: TLShape[], type: K) => shapes.filter((s): s is TLShape<K> => s.type === type)

function personAt(id: string, name: string, extra: Partial<PlanPerson> = {}): PlanPerson {
  return { id, name, relation: 'tante', ring: 'inner', group: 'family', support: ['practical'], note: '', ties: [], ...extra }
}

function agreementOf(id: string, what: string, extra: Partial<PlanAgreement> = {}): PlanAgreement {
  return { id, what, owners: [], when: '', backup: null, howWeKnow: '', answers: [], status: 'held', ...extra }
}

/** The plan of a frozen version: three agreements naming four people, one of whom was deleted. */
function reviewedPlan(): Plan {
  const plan = emptyPlan()
  plan.people = [
    personAt('shape:amira', 'Tante Amira', { support: ['practical', 'emotional'], note: 'woont om de hoek' }),
    personAt('shape:henk', 'Opa Henk', { ring: 'middle' }),
    personAt('shape:sanne', 'Mama Sanne'),
    personAt('shape:unused', 'Buurman Piet'),
  ]
  plan.agreements = [
    agreementOf('shape:a1', 'Amira brengt Sem elke maandag naar school', {
      owners: [{ id: 'shape:amira', name: 'Tante Amira' }],
      when: 'elke maandag',
      backup: { id: 'shape:henk', name: 'Opa Henk' },
      howWeKnow: 'Sem is op tijd',
      answers: ['shape:worry-1'],
      status: 'held',
    }),
    agreementOf('shape:a2', 'Opa en mama koken samen op vrijdag', {
      owners: [
        { id: 'shape:henk', name: 'Opa Henk' },
        { id: 'shape:sanne', name: 'Mama Sanne' },
        { id: 'shape:gone', name: null },
      ],
      when: 'vrijdag',
      status: 'not-held',
    }),
    agreementOf('shape:a3', 'Iemand belt de school', { owners: [{ id: 'shape:gone', name: null }], backup: { id: 'shape:gone', name: null } }),
  ]
  return Plan.parse(plan)
}

describe('board templates', () => {
  for (const kind of conferenceKinds) {
    for (const locale of locales) {
      it(`${kind} (${locale}): every record is valid for the Kring schema`, () => {
        const records = templateRecords(kind, { locale, reviewed: kind === 'evaluatie' ? reviewedPlan() : undefined })
        for (const record of records) validate(record)
        const page = records.find((r): r is TLPage => r.typeName === 'page')
        expect(page?.name).toBe(createTranslator(locale)('items.page.name'))
        expect(records.filter((r) => r.typeName === 'page')).toHaveLength(1)
        expect(records.some((r) => r.id === 'document:document')).toBe(true)
      })
    }
  }

  it('lays out the areas each kind of conference needs, in reading order', () => {
    const areas = (kind: (typeof conferenceKinds)[number]) => areasOf(templateShapes(kind, { locale: 'nl' })).map((a) => a.props.area)
    expect(areas('familiegroepsplan')).toEqual(['central-question', 'bottom-lines', 'network-rings', 'three-columns', 'agreements'])
    expect(areas('veiligheidsplan')).toEqual(['bottom-lines', 'safety-map', 'safety-plan'])
    expect(areas('netwerkkaart')).toEqual(['network-rings', 'oil-stain', 'finding-circle', 'finding-circle', 'finding-circle', 'finding-circle', 'finding-circle'])
    expect(areasOf(templateShapes('netwerkkaart', { locale: 'nl' })).filter((a) => a.props.area === 'finding-circle').map((a) => a.props.variant)).toEqual([0, 1, 2, 3, 4])
    expect(areas('evaluatie')).toEqual(['evaluation', 'three-columns'])
  })

  for (const kind of conferenceKinds) {
    it(`${kind}: areas do not overlap, read top-left to bottom-right, lie under their items and hold them`, () => {
      const shapes = templateShapes(kind, { locale: 'nl', reviewed: kind === 'evaluatie' ? reviewedPlan() : undefined })
      const areas = areasOf(shapes)
      for (const [i, a] of areas.entries()) for (const b of areas.slice(i + 1)) expect(overlap(boxOf(a), boxOf(b)), `${a.props.area} / ${b.props.area}`).toBe(false)

      // Reading order: each next area is further right on the same row, or on a lower row.
      for (const [i, area] of areas.slice(1).entries()) {
        const before = areas[i]!
        expect(area.y > before.y || (area.y === before.y && area.x > before.x), `${before.props.area} before ${area.props.area}`).toBe(true)
      }

      // Every item starts inside an area; every area is below (drawn under) every item.
      for (const item of itemsOf(shapes)) expect(areas.some((a) => inside(boxOf(item), boxOf(a))), `${item.type} inside an area`).toBe(true)
      const indices = shapes.map((s) => s.index)
      expect(new Set(indices).size).toBe(indices.length)
      const highestArea = areas.map((a) => a.index).sort().at(-1)!
      for (const item of itemsOf(shapes)) expect(item.index > highestArea).toBe(true)
      for (const shape of shapes) expect(shape.parentId).toBe(TEMPLATE_PAGE_ID)
    })
  }

  it('starts the central question and the safety map with their items, each inside its area', () => {
    const question = areaRecords('central-question', { x: 100, y: 50 }, { pageId: TEMPLATE_PAGE_ID, createId: counter() })
    expect(question.map((s) => s.type)).toEqual(['kring-area', 'kring-card'])
    const [card] = ofType(question, 'kring-card')
    expect(card!.props).toMatchObject({ kind: 'central-question', text: '' })
    expect(inside(boxOf(card!), boxOf(question[0]!))).toBe(true)

    const map = areaRecords('safety-map', { x: 0, y: 0 }, { pageId: TEMPLATE_PAGE_ID })
    expect(map.map((s) => s.type)).toEqual(['kring-area', 'kring-danger', 'kring-scale'])
    for (const item of itemsOf(map)) expect(inside(boxOf(item), boxOf(map[0]!))).toBe(true)
    expect(overlap(boxOf(map[1]!), boxOf(map[2]!))).toBe(false)
  })

  it('makes any area on its own, at the place asked, with valid records and fresh ids', () => {
    for (const area of areaKinds) {
      for (const variant of area === 'finding-circle' ? [0, 1, 2, 3, 4] : [0]) {
        const shapes = areaRecords(area, { x: 300, y: -200 }, { pageId: TEMPLATE_PAGE_ID, variant })
        for (const shape of shapes) validate(shape)
        const [first] = shapes
        expect(first).toMatchObject({ type: 'kring-area', x: 300, y: -200, props: { area, variant, ...areaSizes[area as AreaKind] } })
        expect(new Set(shapes.map((s) => s.id)).size).toBe(shapes.length)
      }
    }
    // The facilitator's own ids, with or without the prefix.
    expect(areaRecords('agreements', { x: 0, y: 0 }, { pageId: TEMPLATE_PAGE_ID, createId: () => 'mine' })[0]!.id).toBe('shape:mine')
    expect(areaRecords('agreements', { x: 0, y: 0 }, { pageId: TEMPLATE_PAGE_ID, createId: () => 'shape:own' })[0]!.id).toBe('shape:own')
    // A variant outside 0–4 is kept in range instead of making an invalid record.
    expect(areaRecords('finding-circle', { x: 0, y: 0 }, { pageId: TEMPLATE_PAGE_ID, variant: 9 })[0]!.props).toMatchObject({ variant: 4 })
  })
})

describe('the evaluatie template', () => {
  it('copies the reviewed agreements, each open again, with the people they name as persons', () => {
    const shapes = templateShapes('evaluatie', { locale: 'nl', reviewed: reviewedPlan() })
    const people = ofType(shapes, 'kring-person')
    const agreements = ofType(shapes, 'kring-agreement')
    const nameOf = (id: string) => people.find((p) => p.id === id)?.props.name

    // Amira, Henk and Sanne once each; the deleted person and the one no agreement names are not copied.
    expect(people.map((p) => p.props.name)).toEqual(['Tante Amira', 'Opa Henk', 'Mama Sanne'])
    expect(people[0]!.props).toMatchObject({ relation: 'tante', ring: 'inner', group: 'family', support: ['practical', 'emotional'], note: 'woont om de hoek' })
    for (const p of people) expect(p.id).not.toMatch(/amira|henk|sanne/)

    expect(agreements.map((a) => a.props.what)).toEqual(['Amira brengt Sem elke maandag naar school', 'Opa en mama koken samen op vrijdag', 'Iemand belt de school'])
    for (const a of agreements) expect(a.props.status).toBe('open')
    const [school, cooking, call] = agreements
    expect(school!.props).toMatchObject({ when: 'elke maandag', howWeKnow: 'Sem is op tijd', answers: [] })
    expect(school!.props.ownerIds.map(nameOf)).toEqual(['Tante Amira'])
    expect(nameOf(school!.props.backupId)).toBe('Opa Henk')
    expect(cooking!.props.ownerIds.map(nameOf)).toEqual(['Opa Henk', 'Mama Sanne'])
    expect(call!.props).toMatchObject({ ownerIds: [], backupId: '' })

    // All of it inside the evaluation area, nothing on top of anything else.
    const [evaluation] = areasOf(shapes)
    expect(evaluation!.props.area).toBe('evaluation')
    const items = [...people, ...agreements]
    for (const item of items) expect(inside(boxOf(item), boxOf(evaluation!))).toBe(true)
    for (const [i, a] of items.entries()) for (const b of items.slice(i + 1)) expect(overlap(boxOf(a), boxOf(b))).toBe(false)
  })

  it('reads back, through the plan derivation, as the reviewed agreements with their owners named', () => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, templateDocUpdate('evaluatie', { locale: 'nl', reviewed: reviewedPlan() }))
    const plan = derivePlan(doc)
    doc.destroy()
    expect(plan.agreements.map((a) => [a.what, a.owners.map((o) => o.name), a.backup?.name ?? null, a.status])).toEqual([
      ['Amira brengt Sem elke maandag naar school', ['Tante Amira'], 'Opa Henk', 'open'],
      ['Opa en mama koken samen op vrijdag', ['Opa Henk', 'Mama Sanne'], null, 'open'],
      ['Iemand belt de school', [], null, 'open'],
    ])
  })

  it('grows its area to hold a long list of agreements, still above the three columns', () => {
    const plan = reviewedPlan()
    plan.agreements = Array.from({ length: 60 }, (_, i) => agreementOf(`shape:many${i}`, `Afspraak ${i + 1}`, { owners: [{ id: 'shape:amira', name: 'Tante Amira' }] }))
    const shapes = templateShapes('evaluatie', { locale: 'en', reviewed: plan })
    for (const shape of shapes) validate(shape)
    const [evaluation, columns] = areasOf(shapes)
    expect(ofType(shapes, 'kring-agreement')).toHaveLength(60)
    expect(ofType(shapes, 'kring-person')).toHaveLength(1)
    for (const item of itemsOf(shapes)) expect(inside(boxOf(item), boxOf(evaluation!))).toBe(true)
    expect(columns!.y).toBeGreaterThan(evaluation!.y + evaluation!.props.h)
  })

  it('without a reviewed conference starts with an empty evaluation area', () => {
    const shapes = templateShapes('evaluatie', { locale: 'nl' })
    expect(shapes.map((s) => s.type)).toEqual(['kring-area', 'kring-area'])
  })
})

describe('a template document', () => {
  it('is in the board format and loads into a fresh tldraw store without a rejected record', () => {
    for (const kind of conferenceKinds) {
      const doc = new Y.Doc()
      Y.applyUpdate(doc, templateDocUpdate(kind, { locale: 'nl', reviewed: kind === 'evaluatie' ? reviewedPlan() : undefined }))
      expect(readDocSchema(metaMapOf(doc))).toEqual(schema.serialize())
      const stored = recordsMapOf(doc).toJSON() as Record<string, TLRecord>

      const store = createTLStore({ schema: createKringTLSchema() })
      const rejected: { id: string; error: RecordRejectedError }[] = []
      const binding = bindStoreToDoc(store, doc, { onRejected: (id, error) => rejected.push({ id, error }) })
      try {
        expect(rejected).toEqual([])
        const pages = store.allRecords().filter((r): r is TLPage => r.typeName === 'page')
        expect(pages.map((p) => p.name)).toEqual(['Bord'])
        const shapeIds = Object.keys(stored).filter((id) => id.startsWith('shape:'))
        expect(shapeIds.length).toBeGreaterThan(0)
        for (const id of shapeIds) expect(store.get(id as TLShape['id']), `${kind} ${id}`).toEqual(stored[id])
        // Loading it did not make the store write anything back: the template is already complete.
        expect(Object.keys(recordsMapOf(doc).toJSON()).sort()).toEqual(Object.keys(stored).sort())
      } finally {
        binding.dispose()
        doc.destroy()
      }
    }
  })

  it('names the page in English for an English-speaking facilitator', () => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, templateDocUpdate('netwerkkaart', { locale: 'en' }))
    expect(recordsMapOf(doc).get(TEMPLATE_PAGE_ID)).toMatchObject({ name: 'Board' })
  })

  it('has a layout for every kind of conference', () => {
    expect(Object.keys(templateLayouts).sort()).toEqual([...conferenceKinds].sort())
  })
})
