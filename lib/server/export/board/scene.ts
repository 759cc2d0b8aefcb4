import { b64Vecs } from '@tldraw/tlschema'
import { richTextToPlain } from '../text/rich-text'
import { IDENTITY, multiply, shapeMatrix, type Box, type Matrix, type Point } from './geometry'
import { LINE_HEIGHT, measure, wrap } from './text'

/**
 * The board's records as a scene to draw: the shapes of the board's page in paint order (tldraw's
 * fractional `index` among siblings, parents before children), each with its local → page
 * transform and local bounds, plus the arrow bindings. Records are read defensively: anything that
 * is not a well-formed shape is skipped, never thrown on.
 */

export type Json = Record<string, unknown>

export interface SceneShape {
  id: string
  type: string
  props: Json
  meta: Json
  opacity: number
  /** Local → page. */
  matrix: Matrix
  /** Bounds in the shape's own space (usually 0,0,w,h). */
  local: Box
  parentId: string
}

export interface ArrowBinding {
  arrowId: string
  targetId: string
  terminal: 'start' | 'end'
  normalizedAnchor: Point
  isPrecise: boolean
  isExact: boolean
}

export interface Scene {
  shapes: SceneShape[]
  byId: Map<string, SceneShape>
  bindings: ArrowBinding[]
}

export function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function num(value: unknown, fallback = 0): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}

export function str(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback
}

/** tldraw's font sizes (px) per size style. */
export const FONT_SIZE: Record<string, number> = { s: 18, m: 24, l: 36, xl: 44 }
export const LABEL_SIZE: Record<string, number> = { s: 18, m: 22, l: 26, xl: 32 }
/** tldraw's stroke widths (px) per size style. */
export const STROKE: Record<string, number> = { s: 2, m: 3.5, l: 5, xl: 10 }

/** The points of a draw or highlight shape's segments, in its local space. */
export function drawSegments(props: Json): Point[][] {
  const segments = Array.isArray(props.segments) ? props.segments : []
  const scaleX = num(props.scaleX, 1)
  const scaleY = num(props.scaleY, 1)
  const result: Point[][] = []
  for (const segment of segments) {
    if (!isJson(segment)) continue
    let points: Point[] = []
    try {
      if (Array.isArray(segment.points)) points = segment.points.filter(isJson).map((p) => ({ x: num(p.x), y: num(p.y) }))
      else if (typeof segment.path === 'string') points = b64Vecs.decodePoints(segment.path, segment.dim === 2 ? 2 : 3)
    } catch {
      points = []
    }
    const finite = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
    if (finite.length > 0) result.push(finite.map((p) => ({ x: p.x * scaleX, y: p.y * scaleY })))
  }
  return result
}

/** The points of a line shape, in order. */
export function linePoints(props: Json): Point[] {
  if (!isJson(props.points)) return []
  return Object.values(props.points)
    .filter(isJson)
    .sort((a, b) => (str(a.index) < str(b.index) ? -1 : str(a.index) > str(b.index) ? 1 : 0))
    .map((p) => ({ x: num(p.x), y: num(p.y) }))
}

function boundsOf(points: Point[]): Box {
  if (points.length === 0) return { x: 0, y: 0, w: 0, h: 0 }
  const xs = points.map((p) => p.x)
  const ys = points.map((p) => p.y)
  const x = Math.min(...xs)
  const y = Math.min(...ys)
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y }
}

/** Width and height of a text shape as tldraw would lay it out (estimated). */
export function textShapeSize(props: Json): { w: number; h: number; size: number; lines: string[] } {
  const scale = num(props.scale, 1)
  const size = (FONT_SIZE[str(props.size, 'm')] ?? 24) * scale
  const text = richTextToPlain(props.richText)
  const autoSize = props.autoSize !== false
  const width = autoSize ? Math.max(...text.split('\n').map((line) => measure(line, size)), size) : Math.max(num(props.w, 8) * scale, size)
  const lines = wrap(text, width + 1, size)
  return { w: width, h: Math.max(1, lines.length) * size * LINE_HEIGHT, size, lines }
}

function localBox(type: string, props: Json): Box {
  const scale = num(props.scale, 1)
  switch (type) {
    case 'geo':
      return { x: 0, y: 0, w: num(props.w, 100), h: num(props.h, 100) + num(props.growY) }
    case 'note':
      return { x: 0, y: 0, w: 200 * scale, h: (200 + num(props.growY)) * scale }
    case 'text': {
      const { w, h } = textShapeSize(props)
      return { x: 0, y: 0, w, h }
    }
    case 'draw':
    case 'highlight':
      return boundsOf(drawSegments(props).flat())
    case 'line':
      return boundsOf(linePoints(props))
    case 'arrow': {
      const start = isJson(props.start) ? props.start : {}
      const end = isJson(props.end) ? props.end : {}
      return boundsOf([
        { x: num(start.x), y: num(start.y) },
        { x: num(end.x), y: num(end.y) },
      ])
    }
    default:
      return { x: 0, y: 0, w: Math.max(0, num(props.w)), h: Math.max(0, num(props.h)) }
  }
}

function byIndex(a: Json, b: Json): number {
  const ia = str(a.index)
  const ib = str(b.index)
  if (ia !== ib) return ia < ib ? -1 : 1
  return str(a.id) < str(b.id) ? -1 : 1
}

export function buildScene(records: Record<string, unknown>): Scene {
  const all = Object.values(records).filter(isJson)
  const pages = all.filter((r) => r.typeName === 'page' && typeof r.id === 'string').sort(byIndex)
  const shapes = all.filter((r) => r.typeName === 'shape' && typeof r.id === 'string' && typeof r.type === 'string' && typeof r.parentId === 'string')
  const children = new Map<string, Json[]>()
  for (const shape of shapes) {
    const list = children.get(shape.parentId as string) ?? []
    list.push(shape)
    children.set(shape.parentId as string, list)
  }
  // The board has one page; if there are several, the first (or, with no page record, every root).
  const roots = pages.length > 0 ? [pages[0]!.id as string] : [...children.keys()].filter((id) => id.startsWith('page:'))

  const ordered: SceneShape[] = []
  const visit = (parentId: string, parentMatrix: Matrix, parentOpacity: number, depth: number) => {
    if (depth > 32) return
    for (const record of (children.get(parentId) ?? []).sort(byIndex)) {
      const props = isJson(record.props) ? record.props : {}
      const matrix = multiply(parentMatrix, shapeMatrix(num(record.x), num(record.y), num(record.rotation)))
      const opacity = Math.min(1, Math.max(0, num(record.opacity, 1))) * parentOpacity
      const shape: SceneShape = {
        id: record.id as string,
        type: record.type as string,
        props,
        meta: isJson(record.meta) ? record.meta : {},
        opacity,
        matrix,
        local: localBox(record.type as string, props),
        parentId,
      }
      ordered.push(shape)
      visit(shape.id, matrix, opacity, depth + 1)
    }
  }
  for (const root of roots) visit(root, IDENTITY, 1, 0)

  const bindings: ArrowBinding[] = []
  for (const record of all) {
    if (record.typeName !== 'binding' || record.type !== 'arrow' || !isJson(record.props)) continue
    const { terminal, normalizedAnchor, isPrecise, isExact } = record.props
    if ((terminal !== 'start' && terminal !== 'end') || typeof record.fromId !== 'string' || typeof record.toId !== 'string') continue
    const anchor = isJson(normalizedAnchor) ? normalizedAnchor : {}
    bindings.push({
      arrowId: record.fromId,
      targetId: record.toId,
      terminal,
      normalizedAnchor: { x: num(anchor.x, 0.5), y: num(anchor.y, 0.5) },
      isPrecise: isPrecise === true,
      isExact: isExact === true,
    })
  }
  return { shapes: ordered, byId: new Map(ordered.map((s) => [s.id, s])), bindings }
}
