import { areaGeometry, type ColumnKind } from '../area-geometry'
import { houses, personGroups, rings, type AreaKind, type House, type PersonGroup, type Ring } from '../item-kinds'
import { AREA_PADDING, AREA_TITLE_HEIGHT, ITEM_GAP, SAFETY_MAP_COLUMNS_HEIGHT } from '../templates/area-sizes'
import type { Box } from './board-reading'

/**
 * Where on an area an item belongs: a person in a ring band and their group's sector, a card in
 * its column, a house card in its house, a danger statement or scale below the safety map's
 * columns, everything else anywhere under the area's title. Each part is a region in the area's
 * own coordinates, worked out from lib/board/area-geometry.ts, the geometry the canvas and the
 * exports draw: what is "in the worries column" here is what people see as that column.
 */
export type SlotPart =
  | { kind: 'band'; ring: Ring; group: PersonGroup }
  | { kind: 'column'; column: ColumnKind }
  | { kind: 'house'; house: House }
  | { kind: 'lower' }
  | { kind: 'whole' }

export interface Slot {
  /** The areas that hold it, in order of preference. */
  areas: readonly AreaKind[]
  part: SlotPart
}

type Point = { x: number; y: number }

export interface SlotRegion {
  /** The rectangle items of this part are laid out in (area coordinates). */
  rect: Box
  /**
   * Whether an item centred here is in the part. A band is the whole ring: people fill their
   * group's sector first (nearest the anchor) and only when it is full the ring next to it, so a
   * ring grows only when it is full all round (growing it pushes it over its neighbours).
   */
  accepts(center: Point): boolean
  /** Where a band fills from (the middle of the group's sector); none: reading order. */
  anchor?: Point
  /** What items must not cover: the rings' labels and the centre. */
  obstacles: Box[]
}

const COLUMN_KINDS: readonly string[] = ['going-well', 'worry', 'next-step']
/** Space between items laid out next to each other by the placement. */
export const LAYOUT_GAP = 16

const str = (value: unknown): string => (typeof value === 'string' ? value : '')
const oneOf = <T extends string>(list: readonly T[], value: unknown, fallback: T): T =>
  (list as readonly string[]).includes(str(value)) ? (value as T) : fallback

/** The part of the board an item of this type and these props belongs to, or null when no area holds it. */
export function slotOf(type: string, props: Record<string, unknown>): Slot | null {
  switch (type) {
    case 'kring-person':
      return {
        areas: ['network-rings'],
        part: { kind: 'band', ring: oneOf(rings, props.ring, 'middle'), group: oneOf(personGroups, props.group, 'network') },
      }
    case 'kring-card': {
      const kind = str(props.kind)
      if (COLUMN_KINDS.includes(kind)) return { areas: ['three-columns', 'safety-map'], part: { kind: 'column', column: kind as ColumnKind } }
      if (kind === 'central-question') return { areas: ['central-question'], part: { kind: 'whole' } }
      return null
    }
    case 'kring-agreement':
      return { areas: ['agreements', 'evaluation'], part: { kind: 'whole' } }
    case 'kring-safety-item':
      return { areas: ['safety-plan'], part: { kind: 'whole' } }
    case 'kring-house-card':
      return { areas: ['three-houses'], part: { kind: 'house', house: oneOf(houses, props.house, 'good-things') } }
    case 'kring-danger':
    case 'kring-scale':
      return { areas: ['safety-map'], part: { kind: 'lower' } }
    case 'kring-bottom-line':
      return { areas: ['bottom-lines'], part: { kind: 'whole' } }
    default:
      return null
  }
}

/** The region of one part in an area of this kind and size (area coordinates). */
export function slotRegion(area: AreaKind, variant: number, w: number, h: number, part: SlotPart): SlotRegion {
  const g = areaGeometry(area, variant, w, h)
  const inRect = (rect: Box) => (p: Point) => p.x >= rect.x && p.x <= rect.x + rect.w && p.y >= rect.y && p.y <= rect.y + rect.h
  const content: Box = { x: AREA_PADDING, y: AREA_TITLE_HEIGHT + ITEM_GAP, w: w - 2 * AREA_PADDING, h: h - AREA_TITLE_HEIGHT - ITEM_GAP - AREA_PADDING }

  if (part.kind === 'band' && g.core && g.rings.length === 3) {
    const { cx, cy } = g.core
    const [outer, middle, inner] = g.rings.map((c) => c.r) as [number, number, number]
    const limits: Record<Ring, [number, number]> = { inner: [g.core.r, inner], middle: [inner, middle], outer: [middle, outer] }
    const [from, to] = limits[part.ring]
    const sector = sectorOf(part.group)
    const mid = (from + to) / 2
    const rect: Box = { x: 16, y: AREA_TITLE_HEIGHT + 8, w: w - 32, h: h - AREA_TITLE_HEIGHT - 24 }
    return {
      rect,
      accepts: (p) => {
        const r = Math.hypot(p.x - cx, p.y - cy)
        return r >= from + 8 && r <= to - 8 && inRect(rect)(p)
      },
      anchor: { x: cx + mid * Math.cos(sector.middle), y: cy + mid * Math.sin(sector.middle) },
      obstacles: [
        { x: cx - g.core.r, y: cy - g.core.r, w: 2 * g.core.r, h: 2 * g.core.r },
        ...g.labels.filter((l) => l.kind === 'ring').map((l) => ({ x: l.x - 150, y: l.baseline - l.size * 1.1, w: 300, h: l.size * 1.5 })),
      ],
    }
  }
  if (part.kind === 'column') {
    const band = g.columnBands.find((b) => b.kind === part.column)
    if (band) {
      const bottom = area === 'safety-map' ? Math.min(h - 40, SAFETY_MAP_COLUMNS_HEIGHT) : h
      const rect: Box = { x: band.x + 4, y: band.y + band.h + LAYOUT_GAP, w: band.w - 8, h: bottom - band.y - band.h - 2 * LAYOUT_GAP }
      return { rect, accepts: inRect(rect), obstacles: [] }
    }
  }
  if (part.kind === 'house') {
    const i = Math.max(0, houses.indexOf(part.house))
    const slot = w / 3
    const top = AREA_TITLE_HEIGHT + 24
    const roof = Math.min(140, (h - top) * 0.3)
    const rect: Box = { x: i * slot + 24 + LAYOUT_GAP, y: top + roof + LAYOUT_GAP, w: slot - 48 - 2 * LAYOUT_GAP, h: h - 24 - top - roof - 2 * LAYOUT_GAP }
    return { rect, accepts: inRect(rect), obstacles: [] }
  }
  if (part.kind === 'lower' && area === 'safety-map') {
    const split = Math.min(h - 40, SAFETY_MAP_COLUMNS_HEIGHT)
    const rect: Box = { x: AREA_PADDING, y: split + AREA_PADDING, w: w - 2 * AREA_PADDING, h: h - split - 2 * AREA_PADDING }
    return { rect, accepts: inRect(rect), obstacles: [] }
  }
  return { rect: content, accepts: inRect(content), obstacles: [] }
}

/** The four groups' sectors of the rings, as angles (radians, y down): family top left, network top right, professionals bottom right, institutions bottom left. */
interface Sector {
  from: number
  to: number
  middle: number
}

const QUARTER = Math.PI / 2
const sectorStart: Record<PersonGroup, number> = { family: -Math.PI, network: -QUARTER, professional: 0, institution: QUARTER }

export function sectorOf(group: PersonGroup): Sector {
  const from = sectorStart[group]
  return { from, to: from + QUARTER, middle: from + QUARTER / 2 }
}

/** Which ring a point of a rings area is in (area coordinates), or null in the centre or outside the rings. */
export function ringAt(area: AreaKind, variant: number, w: number, h: number, p: Point): Ring | null {
  const g = areaGeometry(area, variant, w, h)
  if (!g.core || g.rings.length !== 3) return null
  const r = Math.hypot(p.x - g.core.cx, p.y - g.core.cy)
  const [outer, middle, inner] = g.rings.map((c) => c.r) as [number, number, number]
  if (r < g.core.r || r > outer) return null
  return r <= inner ? 'inner' : r <= middle ? 'middle' : 'outer'
}

/** Which column a point of a columns area is in (area coordinates), or null outside the columns. */
export function columnAt(area: AreaKind, w: number, h: number, p: Point): ColumnKind | null {
  if (area !== 'three-columns' && area !== 'safety-map') return null
  const bottom = area === 'safety-map' ? Math.min(h - 40, SAFETY_MAP_COLUMNS_HEIGHT) : h
  if (p.y < AREA_TITLE_HEIGHT || p.y > bottom || p.x < 0 || p.x > w) return null
  return (['going-well', 'worry', 'next-step'] as const)[Math.min(2, Math.floor(p.x / (w / 3)))]!
}

/** Which house a point of the houses area is in (area coordinates), or null outside them. */
export function houseAt(area: AreaKind, w: number, h: number, p: Point): House | null {
  if (area !== 'three-houses' || p.y < AREA_TITLE_HEIGHT || p.y > h || p.x < 0 || p.x > w) return null
  return houses[Math.min(2, Math.floor(p.x / (w / 3)))]!
}
