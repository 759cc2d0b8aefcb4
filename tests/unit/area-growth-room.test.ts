import type { TLShape } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { itemDefaults, type ItemType } from '../../lib/board/items'
import { classifyByPosition, growthInOperation, growthWrites, makeRoom, placeNewItem, readBoard, tidyArea, type BoardLayout } from '../../lib/board/placement'
import { homeArea } from '../../lib/board/placement/place-new-item'
import { TEMPLATE_PAGE_ID, templateRecords } from '../../lib/board/templates'
import { kringShape } from '../../lib/board/templates/shape-records'

/**
 * A growing area does not spread over its neighbours (lib/board/placement/make-room.ts): the areas
 * beside and below it move aside with everything on them, free space between areas is used
 * first, and the rule the server and the devices share accepts exactly that from anyone who may
 * write: a growth, and in the same change neighbours moved right or down no further than it grew.
 */

type Rec = Record<string, unknown> & { id: string }
type Box = { x: number; y: number; w: number; h: number }

let n = 0
const createId = () => `room${++n}`
const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
const inside = (inner: Box, outer: Box) => inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h

function familyBoard(): Rec[] {
  return templateRecords('familiegroepsplan', { locale: 'nl', createId }) as unknown as Rec[]
}

/** Apply changes of x, y, w, h by id (a placement's or a tidying's). */
function apply(records: Rec[], moves: { id: string; x: number; y: number }[], grow: { id: string; w: number; h: number } | null): Rec[] {
  const by = new Map(moves.map((m) => [m.id, m]))
  return records.map((r) => {
    let next = r
    if (grow && r.id === grow.id) next = { ...next, props: { ...(next.props as object), w: grow.w, h: grow.h } }
    const move = by.get(r.id)
    return move ? { ...next, x: move.x, y: move.y } : next
  })
}

function add(records: Rec[], type: ItemType, props: Record<string, unknown>, size: { w: number; h: number }) {
  const placement = placeNewItem(records, { type, props, w: size.w, h: size.h })
  const shape = kringShape(type, placement, { ...itemDefaults[type], ...props, ...size } as never, { pageId: placement.parentId as never, createId }) as TLShape
  return { records: [...apply(records, placement.moved, placement.grow), shape as unknown as Rec], placement, id: shape.id as string }
}

const areasOf = (records: Rec[]) => readBoard(records).areas
const byKind = (records: Rec[], kind: string) => areasOf(records).find((a) => a.kind === kind)!
const noAreasOverlap = (records: Rec[]) => {
  const areas = areasOf(records)
  return areas.every((a, i) => areas.every((b, j) => j <= i || !overlap(a, b)))
}

describe('an area that grows makes room instead of spreading over its neighbour', () => {
  it('the rings grow over the columns and the agreements no more: both move aside, with their cards', () => {
    let records = familyBoard()
    const start = { rings: byKind(records, 'network-rings'), columns: byKind(records, 'three-columns'), agreements: byKind(records, 'agreements'), question: byKind(records, 'central-question'), bottom: byKind(records, 'bottom-lines') }
    const worry = add(records, 'kring-card', { kind: 'worry', text: 'Sem slaapt slecht' }, { w: 240, h: 140 })
    records = worry.records
    const agreement = add(records, 'kring-agreement', { what: 'Oma haalt Sem op' }, { w: 340, h: 220 })
    records = agreement.records
    // A sticky note someone stuck on the columns (tldraw's own, without w and h).
    const note = { id: 'shape:note', typeName: 'shape', type: 'note', parentId: TEMPLATE_PAGE_ID, index: 'a9', x: start.columns.x + 1100, y: start.columns.y + 600, rotation: 0, isLocked: false, opacity: 1, meta: {}, props: { scale: 1, growY: 0 } }
    records.push(note)
    let growths = 0
    for (let i = 0; i < 24; i++) {
      const person = add(records, 'kring-person', { group: 'family', ring: 'inner', name: `Persoon ${i}` }, { w: 220, h: 128 })
      records = person.records
      expect(person.placement.area).toBe(start.rings.id)
      if (person.placement.grow) growths++
      expect(noAreasOverlap(records), `after person ${i}`).toBe(true)
    }
    expect(growths).toBeGreaterThanOrEqual(2)
    const rings = byKind(records, 'network-rings')
    const columns = byKind(records, 'three-columns')
    const agreements = byKind(records, 'agreements')
    // The rings kept their corner; the columns moved right and the agreements down, each by as much as needed to keep the template's gap.
    expect({ x: rings.x, y: rings.y }).toEqual({ x: start.rings.x, y: start.rings.y })
    expect(columns.x - (rings.x + rings.w)).toBe(start.columns.x - (start.rings.x + start.rings.w))
    expect(columns.y).toBe(start.columns.y)
    expect(agreements.y - (rings.y + rings.h)).toBe(start.agreements.y - (start.rings.y + start.rings.h))
    expect(agreements.x).toBe(start.agreements.x)
    // What lies above stays.
    expect(byKind(records, 'central-question')).toMatchObject({ x: start.question.x, y: start.question.y })
    expect(byKind(records, 'bottom-lines')).toMatchObject({ x: start.bottom.x, y: start.bottom.y })
    // The cards went along: still in their area and their column, the worry still a worry.
    const board = readBoard(records)
    for (const [id, area] of [[worry.id, columns], [agreement.id, agreements]] as const) {
      const item = board.items.find((i) => i.id === id)!
      expect(inside(item.box, area), id).toBe(true)
      expect(homeArea(board, item)?.id).toBe(area.id)
      expect(classifyByPosition(records, id)).toBeNull()
    }
    const movedNote = records.find((r) => r.id === 'shape:note')!
    expect({ x: movedNote.x, y: movedNote.y }).toEqual({ x: note.x + columns.x - start.columns.x, y: note.y })
  })

  it('uses the free space below the columns first; the agreements move only once the columns come near', () => {
    let records = familyBoard()
    const start = { columns: byKind(records, 'three-columns'), agreements: byKind(records, 'agreements') }
    const firstGap = start.agreements.y - (start.columns.y + start.columns.h)
    let movedAt: number | null = null
    for (let i = 0; i < 40 && movedAt === null; i++) {
      const result = add(records, 'kring-card', { kind: 'worry', text: `Zorg ${i}` }, { w: 240, h: 140 })
      records = result.records
      const columns = byKind(records, 'three-columns')
      const agreements = byKind(records, 'agreements')
      if (agreements.y !== start.agreements.y) movedAt = columns.y + columns.h
      else expect(agreements.y - (columns.y + columns.h)).toBeGreaterThanOrEqual(0)
      expect(noAreasOverlap(records)).toBe(true)
    }
    // The columns came down past the old gap minus the template's gap before the agreements moved.
    expect(movedAt).not.toBeNull()
    expect(movedAt!).toBeGreaterThan(start.columns.y + start.columns.h + firstGap - 160)
    const columns = byKind(records, 'three-columns')
    expect(byKind(records, 'agreements').y - (columns.y + columns.h)).toBe(160)
  })

  it('pushes along a row: an area moved aside moves the one beyond it, gaps kept', () => {
    const area = (id: string, x: number, y: number, w = 400, h = 400) => ({ id, kind: 'agreements' as const, variant: 0, pageId: 'page:page', x, y, w, h })
    const board: BoardLayout = { pageId: 'page:page', items: [], areas: [area('a', 0, 0), area('b', 500, 0), area('c', 1000, 100), area('above', 500, -600), area('far', 3000, 0), area('left', -600, 0)] }
    expect(makeRoom(board, 'a', { w: 700, h: 400 })).toEqual([
      { id: 'b', x: 800, y: 0 },
      { id: 'c', x: 1300, y: 100 },
    ])
    // Growing into the free space only: nobody moves.
    expect(makeRoom(board, 'a', { w: 400, h: 450 })).toEqual([])
  })

  it("the facilitator's tidying that grows an area moves the neighbours aside too", () => {
    let records = familyBoard()
    const columns = byKind(records, 'three-columns')
    // A heap of worries dropped in one corner, more than the column holds.
    for (let i = 0; i < 18; i++) {
      records.push(kringShape('kring-card', { x: columns.x + 560 + (i % 3) * 10, y: columns.y + 200 + i * 5 }, { ...itemDefaults['kring-card'], kind: 'worry', text: `Zorg ${i}`, w: 240, h: 140 } as never, { pageId: TEMPLATE_PAGE_ID, createId }) as unknown as Rec)
    }
    const { moves, grow } = tidyArea(records, columns.id)
    expect(grow).not.toBeNull()
    records = apply(records, moves, grow)
    expect(noAreasOverlap(records)).toBe(true)
  })
})

describe('the rule for who may grow an area and move its neighbours aside', () => {
  const area = (id: string, x: number, y: number, w: number, h: number) => ({ id, typeName: 'shape', type: 'kring-area', x, y, rotation: 0, index: 'a1', parentId: 'page:page', isLocked: false, opacity: 1, meta: {}, props: { w, h, area: 'agreements', variant: 0 } })
  const rings = area('shape:rings', 40, 560, 1400, 1400)
  const columns = area('shape:columns', 1600, 560, 1600, 1000)
  const grow = { previous: rings, value: { ...rings, props: { ...rings.props, w: 1636, h: 1636 } } }
  const shift = (dx: number, dy: number, extra: object = {}) => ({ previous: columns, value: { ...columns, x: columns.x + dx, y: columns.y + dy, ...extra } })

  it.each([
    ['a neighbour moved right by the growth', [grow, shift(236, 0)], true],
    ['a neighbour moved down by less than the growth', [grow, shift(0, 100)], true],
    ['a neighbour moved further than the area grew', [grow, shift(300, 0)], false],
    ['a neighbour moved left', [grow, shift(-100, 0)], false],
    ['a neighbour moved and resized', [grow, { previous: columns, value: { ...columns, x: columns.x + 100, props: { ...columns.props, w: 1700 } } }], false],
    ['a neighbour moved and locked', [grow, shift(100, 0, { isLocked: true })], false],
    ['an area moved with no growth', [shift(100, 0)], false],
  ] as const)('%s', (_name, writes, allowed) => {
    const ok = growthWrites(writes as readonly { previous: unknown; value: unknown }[])
    expect(writes.every((w) => ok.has(w))).toBe(allowed)
    // The device's guard, one change at a time in the placement's order, decides the same.
    const guard = growthInOperation()
    expect(writes.every((w) => guard.allows(w.previous, w.value))).toBe(allowed)
  })

  it("the device's guard forgets the growth once reset", () => {
    const guard = growthInOperation()
    expect(guard.allows(grow.previous, grow.value)).toBe(true)
    guard.reset()
    expect(guard.allows(columns, { ...columns, x: columns.x + 100 })).toBe(false)
  })
})
