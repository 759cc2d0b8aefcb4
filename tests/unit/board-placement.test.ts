import type { TLShape } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { itemDefaults, type ItemType } from '../../lib/board/items'
import { AREA_GROWTH_LIMIT, classifyByPosition, isAreaGrowthOnly, placeNewItem, readBoard, slotOf, slotRegion, tidyArea, phaseFocusArea, boardOverviewArea } from '../../lib/board/placement'
import { areaRecords, TEMPLATE_PAGE_ID, templateRecords } from '../../lib/board/templates'
import { kringShape } from '../../lib/board/templates/shape-records'
import { derivePlanFromRecords } from '../../lib/plan/derive'
import type { ConferenceKind } from '../../lib/conference/model'

type Rec = Record<string, unknown> & { id: string }
type Box = { x: number; y: number; w: number; h: number }

function counter(prefix: string): () => string {
  let n = 0
  return () => `${prefix}${++n}`
}

/** A template board, with the areas no template has (houses, safety plan) added below it. */
function board(kind: ConferenceKind, extra: ('three-houses' | 'safety-plan')[] = []): Rec[] {
  const createId = counter(kind)
  const records = templateRecords(kind, { locale: 'nl', createId }) as unknown as Rec[]
  let y = 6000
  for (const area of extra) {
    records.push(...(areaRecords(area, { x: 40, y }, { pageId: TEMPLATE_PAGE_ID, createId: counter(area) }) as unknown as Rec[]))
    y += 2000
  }
  return records
}

const ids = counter('new')

/** Place an item as the palette does: the record at the placement, the area grown when asked. */
function add(records: Rec[], type: ItemType, props: Record<string, unknown> = {}, size?: { w: number; h: number }) {
  const { w, h } = size ?? { w: itemDefaults[type].w, h: itemDefaults[type].h }
  const placement = placeNewItem(records, { type, props, w, h })
  const shape = kringShape(type, placement, { ...props, w, h } as never, { pageId: placement.parentId as never, createId: ids }) as TLShape
  const moves = new Map(placement.moved.map((m) => [m.id, m]))
  const next = records.map((r) => {
    if (placement.grow && r.id === placement.grow.id) return { ...r, props: { ...(r.props as object), w: placement.grow.w, h: placement.grow.h } }
    const move = moves.get(r.id)
    return move ? { ...r, x: move.x, y: move.y } : r
  })
  next.push(shape as unknown as Rec)
  return { records: next, placement, id: shape.id as string }
}

const areaBox = (records: Rec[], id: string): Box => {
  const area = readBoard(records).areas.find((a) => a.id === id)!
  return { x: area.x, y: area.y, w: area.w, h: area.h }
}
const itemBox = (records: Rec[], id: string): Box => readBoard(records).items.find((i) => i.id === id)!.box
const inside = (inner: Box, outer: Box) => inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h
const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

describe('placeNewItem: each kind in its area and its part of it', () => {
  const cases: { name: string; kind: ConferenceKind; extra?: ('three-houses' | 'safety-plan')[]; type: ItemType; props: Record<string, unknown>; area: string }[] = [
    { name: 'a family member in the inner ring', kind: 'familiegroepsplan', type: 'kring-person', props: { group: 'family', ring: 'inner' }, area: 'network-rings' },
    { name: 'a friend in the middle ring', kind: 'familiegroepsplan', type: 'kring-person', props: { group: 'network', ring: 'middle' }, area: 'network-rings' },
    { name: 'a professional in the outer ring', kind: 'familiegroepsplan', type: 'kring-person', props: { group: 'professional', ring: 'outer' }, area: 'network-rings' },
    { name: 'an institution in the outer ring', kind: 'netwerkkaart', type: 'kring-person', props: { group: 'institution', ring: 'outer' }, area: 'network-rings' },
    { name: 'a going-well card', kind: 'familiegroepsplan', type: 'kring-card', props: { kind: 'going-well' }, area: 'three-columns' },
    { name: 'a worry', kind: 'familiegroepsplan', type: 'kring-card', props: { kind: 'worry' }, area: 'three-columns' },
    { name: 'a next step', kind: 'familiegroepsplan', type: 'kring-card', props: { kind: 'next-step' }, area: 'three-columns' },
    { name: 'a worry on a safety map', kind: 'veiligheidsplan', type: 'kring-card', props: { kind: 'worry' }, area: 'safety-map' },
    { name: 'an agreement', kind: 'familiegroepsplan', type: 'kring-agreement', props: {}, area: 'agreements' },
    { name: 'an agreement at a review', kind: 'evaluatie', type: 'kring-agreement', props: {}, area: 'evaluation' },
    { name: 'a safety line', kind: 'veiligheidsplan', type: 'kring-safety-item', props: {}, area: 'safety-plan' },
    { name: 'a house card (dreams)', kind: 'familiegroepsplan', extra: ['three-houses'], type: 'kring-house-card', props: { house: 'dreams' }, area: 'three-houses' },
    { name: 'a house card (worries)', kind: 'familiegroepsplan', extra: ['three-houses'], type: 'kring-house-card', props: { house: 'worries' }, area: 'three-houses' },
    { name: 'a danger statement', kind: 'veiligheidsplan', type: 'kring-danger', props: {}, area: 'safety-map' },
    { name: 'a scale', kind: 'veiligheidsplan', type: 'kring-scale', props: {}, area: 'safety-map' },
    { name: 'a bottom line', kind: 'familiegroepsplan', type: 'kring-bottom-line', props: {}, area: 'bottom-lines' },
  ]
  it.each(cases)('$name goes in $area', ({ kind, extra, type, props, area }) => {
    const start = board(kind, extra)
    const { records, placement, id } = add(start, type, props)
    expect(placement.area).not.toBeNull()
    expect(placement.parentId).toBe(TEMPLATE_PAGE_ID)
    const target = readBoard(records).areas.find((a) => a.id === placement.area)!
    expect(target.kind).toBe(area)
    const box = itemBox(records, id)
    expect(inside(box, areaBox(records, target.id))).toBe(true)
    // In its part: the slot's region says the centre is there, and moving it there again changes nothing.
    const region = slotRegion(target.kind, target.variant, target.w, target.h, slotOf(type, props)!.part)
    expect(region.accepts({ x: box.x + box.w / 2 - target.x, y: box.y + box.h / 2 - target.y })).toBe(true)
    expect(classifyByPosition(records, id)).toBeNull()
    // It covers nothing that was there.
    for (const other of readBoard(start).items) expect(overlap(box, other.box), other.id).toBe(false)
  })

  it('puts the three groups of people in different sectors of the rings', () => {
    let records = board('familiegroepsplan')
    const centres: Record<string, { x: number; y: number }> = {}
    for (const group of ['family', 'network', 'professional', 'institution']) {
      const added = add(records, 'kring-person', { group, ring: 'outer' })
      records = added.records
      const b = itemBox(records, added.id)
      centres[group] = { x: b.x + b.w / 2, y: b.y + b.h / 2 }
    }
    const rings = readBoard(records).areas.find((a) => a.kind === 'network-rings')!
    const cx = rings.x + rings.w / 2
    const cy = rings.y + 100 + (rings.h - 100) / 2
    expect(centres.family!.x < cx && centres.family!.y < cy).toBe(true)
    expect(centres.network!.x > cx && centres.network!.y < cy).toBe(true)
    expect(centres.professional!.x > cx && centres.professional!.y > cy).toBe(true)
    expect(centres.institution!.x < cx && centres.institution!.y > cy).toBe(true)
  })

  it('falls back to a free spot when the board has no area for it', () => {
    const bare = board('veiligheidsplan')
    const { placement, records, id } = add(bare, 'kring-person', { group: 'family', ring: 'inner' })
    expect(placement.area).toBeNull()
    expect(placement.grow).toBeNull()
    const box = itemBox(records, id)
    for (const area of readBoard(bare).areas) expect(overlap(box, area)).toBe(false)
    // A need card has no area on any template: near where the person looks, covering nothing.
    const need = placeNewItem(bare, { type: 'kring-card', props: { kind: 'need' }, w: 240, h: 120 }, { near: { x: -3000, y: -3000 } })
    expect(need.area).toBeNull()
    expect(Math.hypot(need.x + 120 + 3000, need.y + 60 + 3000)).toBeLessThan(200)
  })

  it('places on an empty board without areas', () => {
    const empty = [{ id: 'document:document', typeName: 'document' }, { id: 'page:other', typeName: 'page', index: 'a1' }]
    const placement = placeNewItem(empty, { type: 'kring-agreement', props: {}, w: 320, h: 200 })
    expect(placement).toMatchObject({ parentId: 'page:other', area: null, grow: null })
  })
})

describe('placeNewItem: many items', () => {
  it('lays 60 mixed additions out without overlap, each inside its area', () => {
    let records = board('familiegroepsplan', ['three-houses'])
    const added: { id: string; area: string }[] = []
    const kinds: [ItemType, Record<string, unknown>][] = [
      ['kring-person', { group: 'family', ring: 'inner' }],
      ['kring-person', { group: 'network', ring: 'middle' }],
      ['kring-person', { group: 'professional', ring: 'outer' }],
      ['kring-card', { kind: 'going-well' }],
      ['kring-card', { kind: 'worry' }],
      ['kring-card', { kind: 'next-step' }],
      ['kring-agreement', {}],
      ['kring-house-card', { house: 'good-things' }],
      ['kring-bottom-line', {}],
      ['kring-card', { kind: 'central-question' }],
    ]
    for (let i = 0; i < 60; i++) {
      const [type, props] = kinds[i % kinds.length]!
      const result = add(records, type, props)
      records = result.records
      expect(result.placement.area, `${type} ${i}`).not.toBeNull()
      added.push({ id: result.id, area: result.placement.area! })
    }
    const items = readBoard(records).items
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) expect(overlap(items[i]!.box, items[j]!.box), `${items[i]!.type} ${JSON.stringify(items[i]!.box)} / ${items[j]!.type} ${JSON.stringify(items[j]!.box)}`).toBe(false)
    }
    for (const { id, area } of added) {
      expect(inside(itemBox(records, id), areaBox(records, area))).toBe(true)
      expect(classifyByPosition(records, id), id).toBeNull()
    }
  })

  it('grows a full column downwards and returns the new size', () => {
    let records = board('familiegroepsplan')
    const columns = readBoard(records).areas.find((a) => a.kind === 'three-columns')!
    const grows: { w: number; h: number }[] = []
    for (let i = 0; i < 16; i++) {
      const result = add(records, 'kring-card', { kind: 'worry' }, { w: 240, h: 140 })
      records = result.records
      expect(result.placement.area).toBe(columns.id)
      if (result.placement.grow) grows.push(result.placement.grow)
      expect(inside(itemBox(records, result.id), areaBox(records, columns.id))).toBe(true)
    }
    expect(grows.length).toBeGreaterThan(0)
    expect(grows.every((g) => g.w === columns.w && g.h > columns.h)).toBe(true)
    // Only the area grew; its place stayed.
    expect(areaBox(records, columns.id)).toMatchObject({ x: columns.x, y: columns.y, w: columns.w })
  })

  it('grows the rings all round when a band is full, within the limit', () => {
    let records = board('familiegroepsplan')
    const rings = readBoard(records).areas.find((a) => a.kind === 'network-rings')!
    let grown = false
    for (let i = 0; i < 8; i++) {
      const result = add(records, 'kring-person', { group: 'family', ring: 'inner' }, { w: 220, h: 128 })
      records = result.records
      expect(result.placement.area).toBe(rings.id)
      if (result.placement.grow) {
        grown = true
        expect(result.placement.grow.w).toBeGreaterThan(rings.w)
        expect(result.placement.grow.h).toBeGreaterThan(rings.h)
        expect(result.placement.grow.w).toBeLessThanOrEqual(AREA_GROWTH_LIMIT)
      }
    }
    expect(grown).toBe(true)
  })
})

describe('classifyByPosition', () => {
  const moved = (records: Rec[], id: string, to: { x: number; y: number }) => records.map((r) => (r.id === id ? { ...r, x: to.x, y: to.y } : r))

  it('turns a card moved into another column into that kind', () => {
    const { records, id } = add(board('familiegroepsplan'), 'kring-card', { kind: 'going-well' })
    const columns = readBoard(records).areas.find((a) => a.kind === 'three-columns')!
    const worries = moved(records, id, { x: columns.x + columns.w / 2 - 120, y: columns.y + 400 })
    expect(classifyByPosition(worries, id)).toEqual({ kind: 'worry' })
    const steps = moved(records, id, { x: columns.x + columns.w - 300, y: columns.y + 400 })
    expect(classifyByPosition(steps, id)).toEqual({ kind: 'next-step' })
    // Dropped outside every area: it stays what it is.
    expect(classifyByPosition(moved(records, id, { x: -5000, y: -5000 }), id)).toBeNull()
  })

  it('keeps a central question or a need card what it is on a column', () => {
    const start = board('familiegroepsplan')
    const columns = readBoard(start).areas.find((a) => a.kind === 'three-columns')!
    const need = { ...kringShape('kring-card', { x: columns.x + 700, y: columns.y + 300 }, { kind: 'need' }, { pageId: TEMPLATE_PAGE_ID, createId: ids }) }
    expect(classifyByPosition([...start, need as unknown as Rec], need.id)).toBeNull()
  })

  it('moves a person to the ring they are dragged into, keeping the group', () => {
    const { records, id } = add(board('familiegroepsplan'), 'kring-person', { group: 'family', ring: 'inner' })
    const rings = readBoard(records).areas.find((a) => a.kind === 'network-rings')!
    const outer = moved(records, id, { x: rings.x + 60, y: rings.y + rings.h / 2 + 50 - 48 })
    expect(classifyByPosition(outer, id)).toEqual({ ring: 'outer' })
  })

  it('moves a house card to the house it is dragged into', () => {
    const { records, id } = add(board('familiegroepsplan', ['three-houses']), 'kring-house-card', { house: 'worries' })
    const houses = readBoard(records).areas.find((a) => a.kind === 'three-houses')!
    expect(classifyByPosition(moved(records, id, { x: houses.x + houses.w - 300, y: houses.y + 400 }), id)).toEqual({ house: 'dreams' })
  })
})

describe('isAreaGrowthOnly', () => {
  const area = { id: 'shape:a', typeName: 'shape', type: 'kring-area', x: 40, y: 80, rotation: 0, index: 'a1', parentId: 'page:page', isLocked: false, opacity: 1, meta: {}, props: { w: 1600, h: 1000, area: 'three-columns', variant: 0 } }
  const withProps = (props: object, rest: object = {}) => ({ ...area, ...rest, props: { ...area.props, ...props } })
  it.each([
    ['taller', withProps({ h: 1200 }), true],
    ['wider and taller', withProps({ w: 1800, h: 1200 }), true],
    ['unchanged', withProps({}), false],
    ['smaller', withProps({ h: 900 }), false],
    ['wider but lower', withProps({ w: 1800, h: 900 }), false],
    ['moved while growing', withProps({ h: 1200 }, { x: 0 }), false],
    ['another kind of area', withProps({ h: 1200, area: 'agreements' }), false],
    ['past the limit', withProps({ h: AREA_GROWTH_LIMIT + 1 }), false],
    ['locked while growing', withProps({ h: 1200 }, { isLocked: true }), false],
    ['a card', { ...area, type: 'kring-card' }, false],
  ])('%s → %s', (_name, next, expected) => {
    expect(isAreaGrowthOnly(area, next)).toBe(expected)
  })
})

describe('the plan follows an item moved into another part', () => {
  const asMap = (records: Rec[]) => Object.fromEntries(records.map((r) => [r.id, r]))
  const moveAndClassify = (records: Rec[], id: string, to: { x: number; y: number }) => {
    const moved = records.map((r) => (r.id === id ? { ...r, x: to.x, y: to.y } : r))
    const patch = classifyByPosition(moved, id)
    return moved.map((r) => (r.id === id && patch ? { ...r, props: { ...(r.props as object), ...patch } } : r))
  }

  it('a going-well card dragged to the worries column is a worry in the plan', () => {
    const { records, id } = add(board('familiegroepsplan'), 'kring-card', { kind: 'going-well', text: 'Oma haalt Sam op' })
    expect(derivePlanFromRecords(asMap(records)).goingWell.map((c) => c.text)).toEqual(['Oma haalt Sam op'])
    const columns = readBoard(records).areas.find((a) => a.kind === 'three-columns')!
    const after = moveAndClassify(records, id, { x: columns.x + columns.w / 2 - 100, y: columns.y + 500 })
    const plan = derivePlanFromRecords(asMap(after))
    expect(plan.goingWell).toEqual([])
    expect(plan.worries.map((c) => c.text)).toEqual(['Oma haalt Sam op'])
  })

  it('a person dragged to the outer ring is in the outer ring in the plan', () => {
    const { records, id } = add(board('familiegroepsplan'), 'kring-person', { group: 'network', ring: 'inner', name: 'Buurvrouw Els' })
    expect(derivePlanFromRecords(asMap(records)).people.find((p) => p.name === 'Buurvrouw Els')?.ring).toBe('inner')
    const rings = readBoard(records).areas.find((a) => a.kind === 'network-rings')!
    const after = moveAndClassify(records, id, { x: rings.x + rings.w - 260, y: rings.y + rings.h / 2 + 50 - 48 })
    expect(derivePlanFromRecords(asMap(after)).people.find((p) => p.name === 'Buurvrouw Els')?.ring).toBe('outer')
  })
})

describe('tidyArea', () => {
  it('lays a heap of cards out again: each in its column, none over another, the area grown to hold them', () => {
    const start = board('familiegroepsplan')
    const columns = readBoard(start).areas.find((a) => a.kind === 'three-columns')!
    const kinds = ['worry', 'going-well', 'next-step'] as const
    // 30 cards in a heap in the middle of the area, as everything landed before issue 11.
    const heap = Array.from({ length: 30 }, (_, i) =>
      kringShape('kring-card', { x: columns.x + 600 + (i % 5) * 7, y: columns.y + 300 + i * 3 }, { kind: kinds[i % 3], text: `kaart ${i}`, w: 240, h: 140 }, { pageId: TEMPLATE_PAGE_ID, createId: ids }),
    ) as unknown as Rec[]
    // Something that does not belong to the columns stays where it is.
    const need = kringShape('kring-card', { x: columns.x + 60, y: columns.y + 200 }, { kind: 'need', text: 'rust' }, { pageId: TEMPLATE_PAGE_ID, createId: ids }) as unknown as Rec
    const records = [...start, ...heap, need]
    const { moves, grow } = tidyArea(records, columns.id)
    expect(moves.length).toBe(30)
    expect(moves.some((m) => m.id === need.id)).toBe(false)
    expect(grow).not.toBeNull()
    expect(grow!.w).toBe(columns.w)
    const byId = new Map(moves.map((m) => [m.id, m]))
    const after = records.map((r) => {
      if (r.id === columns.id) return { ...r, props: { ...(r.props as object), w: grow!.w, h: grow!.h } }
      const m = byId.get(r.id)
      return m ? { ...r, x: m.x, y: m.y } : r
    })
    const items = readBoard(after).items
    for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) expect(overlap(items[i]!.box, items[j]!.box)).toBe(false)
    for (const card of heap) {
      expect(inside(itemBox(after, card.id), areaBox(after, columns.id))).toBe(true)
      expect(classifyByPosition(after, card.id)).toBeNull()
    }
    // Tidy twice is tidy once.
    expect(tidyArea(after, columns.id)).toEqual({ moves: [], grow: null })
  })

  it('tidies the rings: every person in their own ring, none over another', () => {
    const start = board('familiegroepsplan')
    const rings = readBoard(start).areas.find((a) => a.kind === 'network-rings')!
    const ringsOf = ['inner', 'middle', 'outer'] as const
    const people = Array.from({ length: 12 }, (_, i) =>
      kringShape('kring-person', { x: rings.x + 200 + i * 20, y: rings.y + 200 + i * 10 }, { ring: ringsOf[i % 3], group: 'family', name: `P${i}` }, { pageId: TEMPLATE_PAGE_ID, createId: ids }),
    ) as unknown as Rec[]
    const records = [...start, ...people]
    const { moves, grow } = tidyArea(records, rings.id)
    const byId = new Map(moves.map((m) => [m.id, m]))
    const after = records.map((r) => {
      if (grow && r.id === rings.id) return { ...r, props: { ...(r.props as object), w: grow.w, h: grow.h } }
      const m = byId.get(r.id)
      return m ? { ...r, x: m.x, y: m.y } : r
    })
    for (const person of people) expect(classifyByPosition(after, person.id), person.id).toBeNull()
    const boxes = people.map((p) => itemBox(after, p.id))
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i]!, boxes[j]!)).toBe(false)
  })

  it('an unknown area is nothing to tidy', () => {
    expect(tidyArea(board('familiegroepsplan'), 'shape:nope')).toEqual({ moves: [], grow: null })
  })
})

describe('phaseFocusArea: the area a phone opens on', () => {
  it.each([
    ['familiegroepsplan', 'voorbereiding', 'network-rings'],
    ['familiegroepsplan', 'informatie', 'central-question'],
    ['familiegroepsplan', 'besloten_deel', 'three-columns'],
    ['familiegroepsplan', 'plan_en_afspraken', 'agreements'],
    ['veiligheidsplan', 'informatie', 'bottom-lines'],
    ['veiligheidsplan', 'besloten_deel', 'safety-map'],
    ['veiligheidsplan', 'plan_en_afspraken', 'safety-plan'],
    ['netwerkkaart', 'voorbereiding', 'network-rings'],
    ['evaluatie', 'plan_en_afspraken', 'evaluation'],
  ] as const)('%s in %s: %s', (kind, phase, area) => {
    expect(phaseFocusArea(board(kind), phase)?.kind).toBe(area)
  })

  it('is none on a board without areas', () => {
    expect(phaseFocusArea([{ id: 'page:page', typeName: 'page' }], 'informatie')).toBeNull()
  })
})

describe('boardOverviewArea: what a desktop opens fitted to', () => {
  it('holds every area of the template, and nothing wider than the areas reach', () => {
    const records = board('familiegroepsplan', ['safety-plan'])
    const overview = boardOverviewArea(records)!
    const { areas } = readBoard(records)
    expect(areas.length).toBeGreaterThan(3)
    for (const area of areas) {
      expect(area.x).toBeGreaterThanOrEqual(overview.x)
      expect(area.y).toBeGreaterThanOrEqual(overview.y)
      expect(area.x + area.w).toBeLessThanOrEqual(overview.x + overview.w)
      expect(area.y + area.h).toBeLessThanOrEqual(overview.y + overview.h)
    }
    // Its edges are areas' edges: the safety plan added far below is its bottom.
    const lowest = Math.max(...areas.map((a) => a.y + a.h))
    expect(overview.y + overview.h).toBe(lowest)
    expect(overview.x).toBe(Math.min(...areas.map((a) => a.x)))
  })

  it('is none on a board without areas', () => {
    expect(boardOverviewArea([{ id: 'page:page', typeName: 'page' }])).toBeNull()
  })
})
