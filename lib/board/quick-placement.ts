import type { AreaKind, CardKind, House, PersonGroup } from './items'

/**
 * Where an item added without the canvas (the phone's short forms) goes on the board: into the
 * area it belongs to, on a free spot, as a person would have put it there. Pure and without
 * tldraw: it reads the board's records (the `records` map as JSON) and returns page coordinates.
 *
 * Same contract as the board's general placement (`placeNewItem` in lib/board/placement once it
 * exists): `{ type, props, w, h }` in, `{ x, y, parentId, area, grow }` out; `grow` is true when
 * the area was full and the item sits just below it.
 */
export interface PlacementRequest {
  type: string
  props: Record<string, unknown>
  w: number
  h: number
}

export interface Placement {
  x: number
  y: number
  parentId: string
  /** The area it was placed in (`kring-area` shape id), or null when the board has none for it. */
  area: string | null
  grow: boolean
}

interface Box {
  x: number
  y: number
  w: number
  h: number
}

interface ShapeJson {
  id: string
  typeName: string
  type: string
  parentId: string
  x: number
  y: number
  props: Record<string, unknown>
}

// The title band of every area (lib/board/templates/area-sizes.ts AREA_TITLE_HEIGHT), the column
// header band under it (area-geometry.ts), and the room kept between items.
const TITLE = 100
const COLUMN_HEADER = 88
const GAP = 16
const COLUMN_OF: Partial<Record<CardKind, number>> = { 'going-well': 0, worry: 1, 'next-step': 2 }
const HOUSE_OF: Record<House, number> = { worries: 0, 'good-things': 1, dreams: 2 }
const RING_OF: Record<PersonGroup, number> = { family: 0, network: 1, professional: 2, institution: 2 }

function shapesOf(records: Record<string, unknown>): ShapeJson[] {
  const shapes: ShapeJson[] = []
  for (const value of Object.values(records)) {
    if (typeof value !== 'object' || value === null) continue
    const shape = value as Partial<ShapeJson>
    if (shape.typeName !== 'shape' || typeof shape.id !== 'string' || typeof shape.type !== 'string') continue
    if (typeof shape.x !== 'number' || typeof shape.y !== 'number' || typeof shape.parentId !== 'string') continue
    shapes.push({ ...shape, props: (shape.props ?? {}) as Record<string, unknown> } as ShapeJson)
  }
  return shapes
}

function pageIdOf(records: Record<string, unknown>): string {
  const pages = Object.values(records).filter(
    (value): value is { id: string; index: string } => typeof value === 'object' && value !== null && (value as { typeName?: unknown }).typeName === 'page',
  )
  pages.sort((a, b) => (a.index < b.index ? -1 : a.index > b.index ? 1 : 0))
  return pages[0]?.id ?? 'page:page'
}

function sizeOf(shape: ShapeJson): { w: number; h: number } {
  const w = typeof shape.props.w === 'number' ? shape.props.w : 100
  const h = typeof shape.props.h === 'number' ? shape.props.h : 100
  return { w, h }
}

/** The area an item of this type belongs in, and the zone inside it (area coordinates). */
function zoneFor(request: PlacementRequest, area: { w: number; h: number }): { kind: AreaKind; zone: Box } | null {
  const { type, props } = request
  const inner = { x: 24, y: TITLE + 24, w: area.w - 48, h: area.h - TITLE - 48 }
  if (type === 'kring-card') {
    const column = COLUMN_OF[props.kind as CardKind]
    if (column === undefined) return null
    const colW = area.w / 3
    return { kind: 'three-columns', zone: { x: column * colW + 20, y: TITLE + COLUMN_HEADER, w: colW - 40, h: area.h - TITLE - COLUMN_HEADER - 20 } }
  }
  if (type === 'kring-house-card') {
    const slot = area.w / 3
    const house = HOUSE_OF[props.house as House] ?? 1
    const top = TITLE + 24 + Math.min(140, (area.h - TITLE - 24) * 0.3)
    return { kind: 'three-houses', zone: { x: house * slot + 40, y: top + 16, w: slot - 80, h: area.h - top - 56 } }
  }
  if (type === 'kring-agreement') return { kind: 'agreements', zone: inner }
  if (type === 'kring-person') return { kind: 'network-rings', zone: inner }
  return null
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w + GAP && b.x < a.x + a.w + GAP && a.y < b.y + b.h + GAP && b.y < a.y + a.h + GAP

/** The first free spot for `size` in `zone`, row by row; null when the zone is full. */
function freeSpotIn(zone: Box, size: { w: number; h: number }, taken: Box[], step = 24): { x: number; y: number } | null {
  for (let y = zone.y; y + size.h <= zone.y + zone.h; y += step) {
    for (let x = zone.x; x + size.w <= zone.x + zone.w; x += step) {
      const box = { x, y, ...size }
      if (!taken.some((other) => overlaps(box, other))) return { x, y }
    }
  }
  return null
}

/** A person goes into their group's ring: a free spot on the ring's circle, nearest the top first. */
function personSpot(area: Box, group: PersonGroup, size: { w: number; h: number }, taken: Box[]): { x: number; y: number } | null {
  const cx = area.x + area.w / 2
  const cy = area.y + TITLE + (area.h - TITLE) / 2
  const r = Math.max(60, Math.min(area.w, area.h - TITLE) / 2 - 24)
  // Band midpoints between the rings drawn (r, 0.72 r, 0.45 r, core 0.18 r), inner first.
  const radius = [(0.45 + 0.18) / 2, (0.72 + 0.45) / 2, (1 + 0.72) / 2][RING_OF[group] ?? 1]! * r
  for (let step = 0; step < 36; step++) {
    const angle = -Math.PI / 2 + (step % 2 === 0 ? 1 : -1) * Math.ceil(step / 2) * (Math.PI / 18)
    const box = { x: Math.round(cx + radius * Math.cos(angle) - size.w / 2), y: Math.round(cy + radius * Math.sin(angle) - size.h / 2), ...size }
    if (!taken.some((other) => overlaps(box, other))) return box
  }
  return null
}

export function placeQuickItem(records: Record<string, unknown>, request: PlacementRequest): Placement {
  const shapes = shapesOf(records)
  const pageId = pageIdOf(records)
  const onPage = shapes.filter((shape) => shape.parentId === pageId)
  const taken = onPage.filter((shape) => shape.type !== 'kring-area').map((shape) => ({ x: shape.x, y: shape.y, ...sizeOf(shape) }))
  const size = { w: request.w, h: request.h }
  const areas = onPage.filter((shape) => shape.type === 'kring-area')
  const probe = zoneFor(request, { w: 1000, h: 1000 })
  const area = probe ? areas.find((shape) => shape.props.area === probe.kind) : undefined
  if (area) {
    const box = { x: area.x, y: area.y, ...sizeOf(area) }
    const spot =
      request.type === 'kring-person'
        ? personSpot(box, request.props.group as PersonGroup, size, taken)
        : (() => {
            const zone = zoneFor(request, box)!.zone
            return freeSpotIn({ ...zone, x: box.x + zone.x, y: box.y + zone.y }, size, taken)
          })()
    if (spot) return { x: spot.x, y: spot.y, parentId: pageId, area: area.id, grow: false }
    // Full: just below the area, where the facilitator can see it and make room.
    const below = freeSpotIn({ x: box.x + 24, y: box.y + box.h + GAP, w: box.w - 48, h: 2_000 }, size, taken)
    return { ...(below ?? { x: box.x + 24, y: box.y + box.h + GAP }), parentId: pageId, area: area.id, grow: true }
  }
  // No area for it on this board: below everything, on the left.
  const bottom = Math.max(0, ...onPage.map((shape) => shape.y + sizeOf(shape).h))
  const left = Math.min(0, ...onPage.map((shape) => shape.x))
  return { x: left, y: bottom + 40, parentId: pageId, area: null, grow: false }
}
