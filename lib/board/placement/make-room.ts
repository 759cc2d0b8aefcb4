import { AREA_GAP } from '../templates/layouts'
import type { BoardLayout, Box } from './board-reading'

type Size = { w: number; h: number }
type Point = { x: number; y: number }

/**
 * When an area grows, the areas beside and below it make room: they move right or down, with
 * everything on them, as far as needed to keep the space that lay between them (at most the
 * template's gap), and push the areas beyond them in turn.
 *
 * Why this and not something else: at a table of twelve people a worry added to a full column
 * must land in that column, at once, without anyone having to stop and ask the facilitator to
 * make room; and an area grown over its neighbour hides that neighbour's cards under its own
 * (whose worry is that?) and cuts them in the PDF. Growing only into free space is not always
 * possible (the rings grow in both directions; an area keeps its top-left corner, the place
 * people know it by). So the board behaves like a document in which a paragraph grows: what lies
 * after it moves along, in the same change, and nothing ends up covered. Free space between areas
 * is used first: a neighbour moves only once the grown area comes closer than the gap.
 *
 * An area grows to the right and down only (it keeps its top-left), so only areas that lay wholly
 * to the right of or below the growing one are moved; one that already overlapped it, or lies
 * to its left or above, stays where it is.
 */

export interface AreaShift {
  /** The area that moves, its new top-left (page coordinates). */
  id: string
  x: number
  y: number
}

const right = (b: Box) => b.x + b.w
const bottom = (b: Box) => b.y + b.h
const rangesMeet = (a0: number, a1: number, b0: number, b1: number) => a0 < b1 && b0 < a1

/**
 * The areas that move when `areaId` grows to `to`: their new top-left corners. Pure. At most one
 * pass per area and pusher, so a board of any shape settles.
 */
export function makeRoom(board: BoardLayout, areaId: string, to: Size): AreaShift[] {
  const grown = board.areas.find((a) => a.id === areaId)
  if (!grown) return []
  const before = new Map<string, Box>(board.areas.map((a) => [a.id, { x: a.x, y: a.y, w: a.w, h: a.h }]))
  const now = new Map<string, Box>(before)
  now.set(areaId, { ...before.get(areaId)!, w: to.w, h: to.h })
  const queue = [areaId]
  for (let steps = 0; queue.length > 0 && steps < board.areas.length * board.areas.length + 1; steps++) {
    const pusherId = queue.shift()!
    const was = before.get(pusherId)!
    const is = now.get(pusherId)!
    for (const other of board.areas) {
      if (other.id === areaId || other.id === pusherId) continue
      const start = before.get(other.id)!
      const at = now.get(other.id)!
      const push = pushOf(was, is, start, at)
      if (!push) continue
      now.set(other.id, { ...at, ...push })
      queue.push(other.id)
    }
  }
  return board.areas.flatMap((a) => {
    const at = now.get(a.id)!
    return a.id !== areaId && (at.x !== a.x || at.y !== a.y) ? [{ id: a.id, x: at.x, y: at.y }] : []
  })
}

/**
 * Where `other` (at `at`, first at `start`) must go so that `pusher` (first `was`, now `is`)
 * does not come closer to it than the space they had (at most AREA_GAP), or null when it may stay.
 */
function pushOf(was: Box, is: Box, start: Box, at: Box): Point | null {
  const options: Point[] = []
  // Wholly to the right at first, and level with the pusher now.
  if (start.x >= right(was) && rangesMeet(is.y, bottom(is), at.y, bottom(at))) {
    const x = right(is) + Math.min(start.x - right(was), AREA_GAP)
    if (x > at.x) options.push({ x, y: at.y })
  }
  // Wholly below at first, and under the pusher now.
  if (start.y >= bottom(was) && rangesMeet(is.x, right(is), at.x, right(at))) {
    const y = bottom(is) + Math.min(start.y - bottom(was), AREA_GAP)
    if (y > at.y) options.push({ x: at.x, y })
  }
  // Both (it lies diagonally): the smaller move.
  options.sort((p, q) => p.x - at.x + (p.y - at.y) - (q.x - at.x + (q.y - at.y)))
  return options[0] ?? null
}
