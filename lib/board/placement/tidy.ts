import { readBoard, type Box } from './board-reading'
import { followGrowth, spotGrowing } from './layout'
import { itemsOn, movesForRoom, type Placement } from './place-new-item'
import { slotOf } from './slots'

export interface Tidying {
  /**
   * New places (page coordinates of the top-left) of the items that move, and, when the area grew,
   * of the areas beside and below it that make room, with their items (make-room.ts).
   */
  moves: { id: string; x: number; y: number }[]
  /** The area's new size when it had to grow to hold everything, else null. */
  grow: Placement['grow']
}

/**
 * Tidy an area (the facilitator's "opruimen", issue 11): every item on it that belongs to it is
 * laid out again as the placement would add it, one after another in reading order (so the order
 * people see stays), each in its part, without overlap, growing the area when needed. Items that
 * do not belong there (a need card on the columns, a drawing) stay where they are, and nothing is
 * laid over them. Pure, like placeNewItem: nothing is changed, the moves are returned.
 */
export function tidyArea(records: readonly unknown[], areaId: string): Tidying {
  const board = readBoard(records)
  const area = board.areas.find((a) => a.id === areaId)
  if (!area) return { moves: [], grow: null }
  const own = itemsOn(board, area)
  const belongs = own.filter(({ item }) => slotOf(item.type, item.props)?.areas.includes(area.kind))
  const belongIds = new Set(belongs.map(({ item }) => item.id))
  // Whatever else lies there stays put: this area's other items and the neighbours' reaching in.
  const fixed: Box[] = board.items
    .filter((item) => !belongIds.has(item.id))
    .map((item) => ({ x: item.box.x - area.x, y: item.box.y - area.y, w: item.box.w, h: item.box.h }))

  const ordered = [...belongs].sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x)
  let size = { w: area.w, h: area.h }
  const placed: { id: string; box: Box }[] = []
  for (const { item, box } of ordered) {
    const part = slotOf(item.type, item.props)!.part
    const spot = spotGrowing(area.kind, area.variant, size, part, { w: box.w, h: box.h }, placed.map((p) => p.box), fixed)
    if (!spot) {
      // No room even at the largest size: it stays where it is, in the way of the rest.
      fixed.push(box)
      continue
    }
    if (spot.size.w !== size.w || spot.size.h !== size.h) {
      for (const p of placed) p.box = { ...p.box, ...followGrowth(area.kind, size, spot.size, p.box) }
      size = spot.size
    }
    placed.push({ id: item.id, box: { x: spot.at.x, y: spot.at.y, w: box.w, h: box.h } })
  }
  const before = new Map(own.map(({ item }) => [item.id, item.box]))
  const moves = placed.flatMap(({ id, box }) => {
    const x = Math.round(area.x + box.x)
    const y = Math.round(area.y + box.y)
    const was = before.get(id)!
    return Math.round(was.x) === x && Math.round(was.y) === y ? [] : [{ id, x, y }]
  })
  const grow = size.w !== area.w || size.h !== area.h ? { id: area.id, w: size.w, h: size.h } : null
  return { moves: grow ? [...moves, ...movesForRoom(board, area, size)] : moves, grow }
}
