import { areaKinds, type AreaKind } from '../item-kinds'

/**
 * The board as the placement needs it, read from plain tldraw records (the values of the Yjs
 * `records` map, or an editor's store): the page, the areas and the boxes of the items, all in
 * page coordinates. Anything malformed is skipped, never trusted: records come from every device.
 */

export interface Box {
  x: number
  y: number
  w: number
  h: number
}

export interface AreaOnPage extends Box {
  id: string
  kind: AreaKind
  variant: number
  /** The page the area lies on (its top ancestor). */
  pageId: string
}

export interface ItemOnPage {
  id: string
  type: string
  parentId: string
  pageId: string
  /** Page coordinates (rotation ignored: Kring's items are not rotated). */
  box: Box
  props: Record<string, unknown>
}

export interface BoardLayout {
  /** The page new items go on: the page of the areas, else the first page. */
  pageId: string
  /** In reading order: top to bottom, then left to right. */
  areas: AreaOnPage[]
  items: ItemOnPage[]
}

type Rec = Record<string, unknown>

const isRec = (value: unknown): value is Rec => typeof value === 'object' && value !== null && !Array.isArray(value)
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null)
const MAX_DEPTH = 32

/** The default page id tldraw and the templates use. */
export const DEFAULT_PAGE_ID = 'page:page'

export function readBoard(records: readonly unknown[]): BoardLayout {
  const byId = new Map<string, Rec>()
  const pages: Rec[] = []
  for (const record of records) {
    if (!isRec(record) || typeof record.id !== 'string') continue
    byId.set(record.id, record)
    if (record.typeName === 'page') pages.push(record)
  }

  /** Page position and page of a shape, walking up its parents; null when it hangs nowhere. */
  const placeOf = (shape: Rec): { x: number; y: number; pageId: string } | null => {
    let x = 0
    let y = 0
    let current: Rec | undefined = shape
    for (let depth = 0; depth < MAX_DEPTH && current; depth++) {
      if (current.typeName === 'page') return { x, y, pageId: String(current.id) }
      if (current.typeName !== 'shape') return null
      const cx = num(current.x)
      const cy = num(current.y)
      if (cx === null || cy === null) return null
      x += cx
      y += cy
      current = typeof current.parentId === 'string' ? byId.get(current.parentId) : undefined
    }
    return null
  }

  const areas: AreaOnPage[] = []
  const items: ItemOnPage[] = []
  for (const record of byId.values()) {
    if (record.typeName !== 'shape' || typeof record.type !== 'string' || !isRec(record.props)) continue
    const props = record.props
    const size = sizeOf(record.type, props)
    if (!size) continue
    const place = placeOf(record)
    if (!place) continue
    const box = { x: place.x, y: place.y, ...size }
    if (record.type === 'kring-area') {
      const kind = props.area
      if (typeof kind !== 'string' || !(areaKinds as readonly string[]).includes(kind)) continue
      areas.push({ id: String(record.id), kind: kind as AreaKind, variant: num(props.variant) ?? 0, pageId: place.pageId, ...box })
    } else {
      items.push({ id: String(record.id), type: record.type, parentId: String(record.parentId), pageId: place.pageId, box, props })
    }
  }
  areas.sort((a, b) => a.y - b.y || a.x - b.x)
  const firstPage = pages.sort((a, b) => String(a.index ?? '').localeCompare(String(b.index ?? '')))[0]
  const pageId = areas[0]?.pageId ?? (firstPage ? String(firstPage.id) : DEFAULT_PAGE_ID)
  return { pageId, areas: areas.filter((a) => a.pageId === pageId), items: items.filter((i) => i.pageId === pageId) }
}

/**
 * A shape's size: its w and h, or, for tldraw's shapes that have none, a sticky note's square
 * (as tldraw draws it) and a point where any other one (a text, a drawing, an arrow) starts: so
 * that what people wrote or drew on an area moves with it when it grows or makes room
 * (make-room.ts), instead of staying behind half over the gap. Null for an area without a size.
 */
function sizeOf(type: string, props: Rec): { w: number; h: number } | null {
  const w = num(props.w)
  const h = num(props.h)
  if (w !== null && h !== null) return w > 0 && h > 0 ? { w, h } : null
  if (type === 'kring-area' || type.startsWith('kring-')) return null
  if (type === 'note') {
    const scale = num(props.scale) ?? 1
    return { w: 200 * scale, h: (200 + (num(props.growY) ?? 0)) * scale }
  }
  return { w: 1, h: 1 }
}

export function overlaps(a: Box, b: Box, gap = 0): boolean {
  return a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap
}

export function centerOf(box: Box): { x: number; y: number } {
  return { x: box.x + box.w / 2, y: box.y + box.h / 2 }
}

export function containsPoint(box: Box, p: { x: number; y: number }): boolean {
  return p.x >= box.x && p.x <= box.x + box.w && p.y >= box.y && p.y <= box.y + box.h
}
