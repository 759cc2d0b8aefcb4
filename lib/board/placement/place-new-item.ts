import type { ItemType } from '../items'
import { centerOf, containsPoint, overlaps, readBoard, type AreaOnPage, type BoardLayout, type Box, type ItemOnPage } from './board-reading'
import { freeSpot } from './free-spot'
import { findSpot, followGrowth, spotGrowing } from './layout'
import { makeRoom } from './make-room'
import { slotOf, slotRegion, type Slot } from './slots'

export interface NewItem {
  type: ItemType
  props: Record<string, unknown>
  w: number
  h: number
}

export interface Placement {
  /** Page coordinates of the item's top-left corner. */
  x: number
  y: number
  /** The page it goes on. */
  parentId: string
  /** The id of the kring-area it went into, or null when no area holds it (a free spot). */
  area: string | null
  /** The area's new size when it had to grow to make room, else null. */
  grow: { id: string; w: number; h: number } | null
  /**
   * When the area grew: the items on it that move with it (page coordinates of their top-left;
   * on the rings everyone moves out with the rings, so each stays in their ring), and the areas
   * beside and below it that make room, with their items (make-room.ts). Apply in the same change
   * as `grow`, after it. Empty otherwise.
   */
  moved: { id: string; x: number; y: number }[]
}

export interface PlacementHints {
  /** Where the person looks (page coordinates): the free spot for an item no area holds is near it. */
  near?: { x: number; y: number }
}

const local = (area: AreaOnPage, item: ItemOnPage): Box => ({ x: item.box.x - area.x, y: item.box.y - area.y, w: item.box.w, h: item.box.h })

/** Everything lying on an area, even partly (area coordinates): what a new item must not cover. */
const boxesOn = (board: BoardLayout, area: AreaOnPage): Box[] => board.items.filter((item) => overlaps(item.box, area)).map((item) => local(area, item))

/**
 * The area an item belongs to: of the areas under its centre, one that holds its kind (slots.ts),
 * else the smallest. Areas can overlap once one has grown over its neighbour; a worry lying
 * where the rings grew over the columns is still the columns'.
 */
export function homeArea(board: BoardLayout, item: ItemOnPage): AreaOnPage | null {
  const center = centerOf(item.box)
  const under = board.areas.filter((a) => containsPoint(a, center))
  const kinds = slotOf(item.type, item.props)?.areas ?? []
  return under.find((a) => kinds.includes(a.kind)) ?? under.sort((a, b) => a.w * a.h - b.w * b.h)[0] ?? null
}

/** The items that belong to an area (homeArea; on the page itself, not inside another shape), with their boxes in its coordinates. */
export function itemsOn(board: BoardLayout, area: AreaOnPage): { item: ItemOnPage; box: Box }[] {
  return board.items
    .filter((item) => item.parentId === area.pageId && homeArea(board, item)?.id === area.id)
    .map((item) => ({ item, box: local(area, item) }))
}

/** The items of an area that move when it grows to `to` (see followGrowth), in page coordinates. */
export function movesForGrowth(board: BoardLayout, area: AreaOnPage, to: { w: number; h: number }): Placement['moved'] {
  return itemsOn(board, area).flatMap(({ item, box }) => {
    const at = followGrowth(area.kind, area, to, box)
    const x = Math.round(area.x + at.x)
    const y = Math.round(area.y + at.y)
    return x === Math.round(item.box.x) && y === Math.round(item.box.y) ? [] : [{ id: item.id, x, y }]
  })
}

/**
 * The areas that make room when `area` grows to `to` (make-room.ts), and every item that belongs
 * to them (homeArea), moved as far as its area: new top-lefts in page coordinates.
 */
export function movesForRoom(board: BoardLayout, area: AreaOnPage, to: { w: number; h: number }): Placement['moved'] {
  const shifts = makeRoom(board, area.id, to)
  return shifts.flatMap((shift) => {
    const from = board.areas.find((a) => a.id === shift.id)!
    const dx = shift.x - from.x
    const dy = shift.y - from.y
    return [shift, ...itemsOn(board, from).map(({ item }) => ({ id: item.id, x: Math.round(item.box.x + dx), y: Math.round(item.box.y + dy) }))]
  })
}

/** The areas that hold this slot, the preferred kind first, each kind in reading order. */
export function areasFor(board: BoardLayout, slot: Slot): AreaOnPage[] {
  return slot.areas.flatMap((kind) => board.areas.filter((area) => area.kind === kind))
}

/**
 * Where a new item goes (issue 11): in its area, in the part of it its kind belongs to (see
 * slots.ts), next to what is there without covering it; when the area is full, the area grows
 * (`grow`: apply it to the area in the same change). An item no area of this board holds goes on
 * a free spot. Pure: `records` are the board's plain tldraw records, nothing is changed.
 */
export function placeNewItem(records: readonly unknown[], item: NewItem, hints: PlacementHints = {}): Placement {
  const board = readBoard(records)
  const size = { w: item.w, h: item.h }
  const slot = slotOf(item.type, item.props)
  const candidates = slot ? areasFor(board, slot) : []
  if (slot) {
    for (const area of candidates) {
      const at = findSpot(slotRegion(area.kind, area.variant, area.w, area.h, slot.part), size, boxesOn(board, area))
      if (at) return { x: Math.round(area.x + at.x), y: Math.round(area.y + at.y), parentId: board.pageId, area: area.id, grow: null, moved: [] }
    }
    const first = candidates[0]
    if (first) {
      const own = itemsOn(board, first)
      const ownIds = new Set(own.map(({ item }) => item.id))
      const others = board.items.filter((item) => !ownIds.has(item.id))
      // What lies around the area once it has grown: its neighbours' items moved with them.
      const othersAt = (to: { w: number; h: number }) => {
        const moves = new Map(movesForRoom(board, first, to).map((m) => [m.id, m]))
        return others.map((item) => {
          const moved = moves.get(item.id)
          return local(first, moved ? { ...item, box: { ...item.box, x: moved.x, y: moved.y } } : item)
        })
      }
      const grown = spotGrowing(first.kind, first.variant, first, slot.part, size, own.map(({ box }) => box), othersAt)
      if (grown) {
        const grew = grown.size.w !== first.w || grown.size.h !== first.h
        const grow = grew ? { id: first.id, w: grown.size.w, h: grown.size.h } : null
        const moved = grew ? [...movesForGrowth(board, first, grown.size), ...movesForRoom(board, first, grown.size)] : []
        return { x: Math.round(first.x + grown.at.x), y: Math.round(first.y + grown.at.y), parentId: board.pageId, area: first.id, grow, moved }
      }
    }
  }
  const taken = [...board.items.map((i) => i.box), ...board.areas]
  const at = freeSpot(taken, size, hints.near)
  return { x: Math.round(at.x), y: Math.round(at.y), parentId: board.pageId, area: null, grow: null, moved: [] }
}
