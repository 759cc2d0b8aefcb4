import type { AreaKind } from '../items'
import { AREA_TITLE_HEIGHT, SAFETY_MAP_COLUMNS_HEIGHT } from '../templates/area-sizes'
import { overlaps, type Box } from './board-reading'
import { LAYOUT_GAP, slotRegion, type SlotPart, type SlotRegion } from './slots'

type Size = { w: number; h: number }
type Point = { x: number; y: number }

/** Step of the fine search when the tidy grid has no room (board units). */
const FINE_STEP = 20

/**
 * The first free spot for a box of `size` in a region (area coordinates), or null when it is full.
 * `taken`: the boxes already there (area coordinates). A band fills outwards from its anchor;
 * every other region fills a tidy grid in reading order first, then any gap the grid leaves.
 */
export function findSpot(region: SlotRegion, size: Size, taken: readonly Box[]): Point | null {
  const blocked = [...taken, ...region.obstacles]
  const fits = (x: number, y: number) => {
    const box = { x, y, ...size }
    const { rect } = region
    if (x < rect.x || y < rect.y || x + size.w > rect.x + rect.w || y + size.h > rect.y + rect.h) return false
    if (!region.accepts({ x: x + size.w / 2, y: y + size.h / 2 })) return false
    return blocked.every((b) => !overlaps(box, b, LAYOUT_GAP - 0.5))
  }
  if (!region.anchor) {
    for (const p of gridCandidates(region.rect, size)) if (fits(p.x, p.y)) return p
  }
  const fine = fineCandidates(region.rect, size)
  if (region.anchor) {
    const a = region.anchor
    const d = (p: Point) => Math.hypot(p.x + size.w / 2 - a.x, p.y + size.h / 2 - a.y)
    fine.sort((p, q) => d(p) - d(q))
  }
  for (const p of fine) if (fits(p.x, p.y)) return p
  return null
}

function gridCandidates(rect: Box, size: Size): Point[] {
  const columns = Math.max(1, Math.floor((rect.w + LAYOUT_GAP) / (size.w + LAYOUT_GAP)))
  const rows = Math.max(1, Math.floor((rect.h + LAYOUT_GAP) / (size.h + LAYOUT_GAP)))
  const points: Point[] = []
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) points.push({ x: rect.x + column * (size.w + LAYOUT_GAP), y: rect.y + row * (size.h + LAYOUT_GAP) })
  }
  return points
}

function fineCandidates(rect: Box, size: Size): Point[] {
  const points: Point[] = []
  for (let y = rect.y; y + size.h <= rect.y + rect.h; y += FINE_STEP) {
    for (let x = rect.x; x + size.w <= rect.x + rect.w; x += FINE_STEP) points.push({ x, y })
  }
  return points
}

/**
 * The next larger size of an area that has no room left for an item of `size` in `part`: the
 * rings grow all round (their bands widen), the safety map's columns widen (its lower part keeps
 * its place), everything else grows downwards by a row.
 */
export function grownSize(area: AreaKind, part: SlotPart, current: Size, size: Size): Size {
  if (area === 'network-rings' || area === 'finding-circle') {
    const step = Math.max(size.w, size.h) + LAYOUT_GAP
    return { w: current.w + step, h: current.h + step }
  }
  if (area === 'safety-map' && part.kind === 'column') return { w: current.w + 3 * (size.w + LAYOUT_GAP), h: current.h }
  return { w: current.w, h: current.h + size.h + LAYOUT_GAP }
}

/** The most an area grows to by itself (board units); beyond it the item goes on a free spot. */
export const AREA_GROWTH_LIMIT = 12_000

/**
 * A spot for an item of `size` in `part` of an area, growing the area while it is full: the spot
 * (area coordinates) and the area's size then. Null when even the largest area has no room.
 * `own`: the area's items; `others`: anything else in reach (all in area coordinates), or what
 * lies there when the area has grown to a size (its neighbours make room, make-room.ts).
 */
export function spotGrowing(
  area: AreaKind,
  variant: number,
  start: Size,
  part: SlotPart,
  size: Size,
  own: readonly Box[],
  others: readonly Box[] | ((size: Size) => readonly Box[]) = [],
): { at: Point; size: Size } | null {
  let current = start
  while (current.w <= AREA_GROWTH_LIMIT && current.h <= AREA_GROWTH_LIMIT) {
    // The area's own items move with it (followGrowth); what lies there from elsewhere stays put.
    const moved = own.map((box) => ({ ...box, ...followGrowth(area, start, current, box) }))
    const there = typeof others === 'function' ? others(current) : others
    // A size at which the area's items, moving with it, would land on something else is skipped.
    const clear = moved.every((box, i) => there.every((other) => !overlaps(box, other) || overlaps(own[i]!, other)))
    const at = clear ? findSpot(slotRegion(area, variant, current.w, current.h, part), size, [...moved, ...there]) : null
    if (at) return { at, size: current }
    current = grownSize(area, part, current, size)
  }
  return null
}

/**
 * Where an item lying on an area (area coordinates, its top-left) goes when the area grows from
 * `from` to `to`, so that it stays in the part it was in: on the rings everything moves out with
 * the rings (scaled about the centre, so a person stays in their ring and sector); on the safety
 * map's columns, sideways with its column. Elsewhere the area grows downwards and nothing moves.
 */
export function followGrowth(area: AreaKind, from: Size, to: Size, box: Box): Point {
  const T = AREA_TITLE_HEIGHT
  const center = { x: box.x + box.w / 2, y: box.y + box.h / 2 }
  if (area === 'network-rings' || area === 'finding-circle') {
    const radius = (s: Size) => Math.max(60, Math.min(s.w, s.h - T) / 2 - 24)
    const k = radius(to) / radius(from)
    const c0 = { x: from.w / 2, y: T + (from.h - T) / 2 }
    const c1 = { x: to.w / 2, y: T + (to.h - T) / 2 }
    return { x: c1.x + (center.x - c0.x) * k - box.w / 2, y: c1.y + (center.y - c0.y) * k - box.h / 2 }
  }
  if (area === 'safety-map' && to.w !== from.w && center.y < Math.min(from.h - 40, SAFETY_MAP_COLUMNS_HEIGHT)) {
    return { x: center.x * (to.w / from.w) - box.w / 2, y: box.y }
  }
  return { x: box.x, y: box.y }
}
