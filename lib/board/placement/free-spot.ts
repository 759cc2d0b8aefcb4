import { overlaps, type Box } from './board-reading'

type Point = { x: number; y: number }
type Size = { w: number; h: number }

const STEP = 40
const RINGS = 40
const MARGIN = 80

/**
 * A spot that covers nothing, for an item no area holds: the nearest free one around `near` (what
 * the person looks at), else below everything on the board, at its left edge.
 */
export function freeSpot(taken: readonly Box[], size: Size, near?: Point): Point {
  const fits = (x: number, y: number) => taken.every((b) => !overlaps({ x, y, ...size }, b, 8))
  if (near) {
    const origin = { x: Math.round(near.x - size.w / 2), y: Math.round(near.y - size.h / 2) }
    for (let ring = 0; ring <= RINGS; ring++) {
      for (let dx = -ring; dx <= ring; dx++) {
        for (let dy = -ring; dy <= ring; dy++) {
          if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue
          const x = origin.x + dx * STEP
          const y = origin.y + dy * STEP
          if (fits(x, y)) return { x, y }
        }
      }
    }
  }
  if (taken.length === 0) return { x: MARGIN, y: MARGIN }
  const left = Math.min(...taken.map((b) => b.x))
  const bottom = Math.max(...taken.map((b) => b.y + b.h))
  return { x: Math.round(left), y: Math.round(bottom + MARGIN) }
}
