import { TIE_META_KEY, TieKindSchema, type TieKind } from '../../../board/items'
import { richTextToPlain } from '../text/rich-text'
import { apply, boxOf, clipToOutline, invert, round, type Box, type Point } from './geometry'
import { tldrawColor, TIE_STYLES } from './palette'
import { num, str, STROKE, type ArrowBinding, type Scene, type SceneShape } from './scene'
import { dashArray, polygon, rect } from './svg'
import { LINE_HEIGHT, measure, textBlock } from './text'

/**
 * Arrows, drawn in page space. An arrow bound to shapes (a tie between two people, or a person and
 * the family) runs from the edge of one to the edge of the other, wherever they were moved; its
 * look comes from `meta.kringTie` (strong, weak, strained) when it has one, else from its style.
 */

export interface DrawnArrow {
  svg: string
  bounds: Box
  tie: TieKind | null
}

const ROUND_SHAPES = new Set(['ellipse', 'oval'])

function isRound(shape: SceneShape): boolean {
  return shape.type === 'kring-scale-mark' || (shape.type === 'geo' && ROUND_SHAPES.has(str(shape.props.geo)))
}

interface Terminal {
  point: Point
  binding: ArrowBinding | null
  target: SceneShape | null
  /** The anchor in the target's own space. */
  anchor: Point | null
}

/** Areas that stand for the family in their centre: a tie to one ends at the centre circle. */
const FAMILY_AREAS = new Set(['network-rings', 'finding-circle'])
/** Where the canvas draws that circle (app/…/items/AreaDrawing.tsx, Rings), in the area's space. */
function familyCircle(area: SceneShape): Box {
  const { w, h } = area.local
  const top = 100
  const r = Math.max(60, Math.min(w, h - top) / 2 - 24) * 0.18
  return { x: w / 2 - r, y: top + (h - top) / 2 - r, w: 2 * r, h: 2 * r }
}

/** The outline an arrow stops at, in the target's own space. */
function outline(target: SceneShape): { box: Box; round: boolean; family: boolean } {
  if (target.type === 'kring-area' && FAMILY_AREAS.has(str(target.props.area))) return { box: familyCircle(target), round: true, family: true }
  return { box: target.local, round: isRound(target), family: false }
}

function terminal(arrow: SceneShape, which: 'start' | 'end', scene: Scene): Terminal {
  const raw = arrow.props[which]
  const local = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
  const unbound: Terminal = { point: apply(arrow.matrix, { x: num(local.x), y: num(local.y) }), binding: null, target: null, anchor: null }
  const binding = scene.bindings.find((b) => b.arrowId === arrow.id && b.terminal === which)
  const target = binding ? scene.byId.get(binding.targetId) : undefined
  if (!binding || !target || target.type === 'arrow') return unbound
  const { box, family } = outline(target)
  const anchor =
    binding.isPrecise && !family
      ? { x: box.x + binding.normalizedAnchor.x * box.w, y: box.y + binding.normalizedAnchor.y * box.h }
      : { x: box.x + box.w / 2, y: box.y + box.h / 2 }
  return { point: apply(target.matrix, anchor), binding, target, anchor }
}

/** Where a bound end meets its shape's outline, coming from `from` (page space). */
function clip(end: Terminal, from: Point): Point {
  if (!end.target || !end.anchor || end.binding?.isExact) return end.point
  const toLocal = invert(end.target.matrix)
  const { box, round } = outline(end.target)
  const hit = clipToOutline(apply(toLocal, from), end.anchor, box, round)
  return apply(end.target.matrix, hit)
}

function arrowhead(tip: Point, from: Point, size: number, color: string): string {
  const dx = tip.x - from.x
  const dy = tip.y - from.y
  const length = Math.hypot(dx, dy) || 1
  const ux = dx / length
  const uy = dy / length
  const back = { x: tip.x - ux * size, y: tip.y - uy * size }
  return polygon(
    [tip, { x: back.x - uy * size * 0.5, y: back.y + ux * size * 0.5 }, { x: back.x + uy * size * 0.5, y: back.y - ux * size * 0.5 }],
    { fill: color, stroke: color, strokeWidth: 1 },
  )
}

export function drawArrow(arrow: SceneShape, scene: Scene): DrawnArrow | null {
  const p = arrow.props
  const start = terminal(arrow, 'start', scene)
  const end = terminal(arrow, 'end', scene)
  const a0 = start.point
  const b0 = end.point
  const length = Math.hypot(b0.x - a0.x, b0.y - a0.y)
  if (!Number.isFinite(length)) return null
  // tldraw: the arc passes through the midpoint pushed sideways by `bend`.
  const ux = length > 0 ? (b0.x - a0.x) / length : 0
  const uy = length > 0 ? (b0.y - a0.y) / length : 0
  const bend = num(p.bend)
  const middle = { x: (a0.x + b0.x) / 2 - uy * bend, y: (a0.y + b0.y) / 2 + ux * bend }
  const curved = Math.abs(bend) > 0.5 && p.kind !== 'elbow'
  const a = clip(start, curved ? middle : b0)
  const b = clip(end, curved ? middle : a0)

  const tie = TieKindSchema.safeParse(arrow.meta[TIE_META_KEY])
  const tieKind = tie.success ? tie.data : null
  const scale = num(p.scale, 1)
  const style = tieKind
    ? TIE_STYLES[tieKind]
    : (() => {
        const width = (STROKE[str(p.size, 'm')] ?? 3.5) * scale
        return { color: tldrawColor(p.color).solid, width, dash: dashArray(p.dash, width) }
      })()

  // A quadratic curve through `middle` at its halfway point.
  const control = curved ? { x: 2 * middle.x - (a.x + b.x) / 2, y: 2 * middle.y - (a.y + b.y) / 2 } : null
  const d = control
    ? `M${round(a.x)} ${round(a.y)}Q${round(control.x)} ${round(control.y)} ${round(b.x)} ${round(b.y)}`
    : `M${round(a.x)} ${round(a.y)}L${round(b.x)} ${round(b.y)}`
  let svg = `<path d="${d}" fill="none" stroke="${style.color}" stroke-width="${round(style.width)}" stroke-linecap="round"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>`
  const headSize = Math.max(10, style.width * 3.5)
  if (p.arrowheadEnd !== undefined && p.arrowheadEnd !== 'none') svg += arrowhead(b, control ?? a, headSize, style.color)
  if (p.arrowheadStart !== undefined && p.arrowheadStart !== 'none') svg += arrowhead(a, control ?? b, headSize, style.color)

  const labelPoints: Point[] = []
  const text = richTextToPlain(p.richText)
  if (text !== '') {
    const at = curved ? middle : { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }
    const size = 18 * scale
    const width = Math.min(260 * scale, Math.max(...text.split('\n').map((l) => measure(l, size))) + 4)
    const block = textBlock(text, { x: at.x - width / 2, y: at.y - size * LINE_HEIGHT * 0.5, width, height: size * LINE_HEIGHT * 3, size, align: 'middle' })
    const box = { x: at.x - width / 2 - 6, y: at.y - size * LINE_HEIGHT * 0.5 - 4, w: width + 12, h: block.height + 8 }
    svg += rect(box.x, box.y, box.w, box.h, { fill: '#ffffff', radius: 4 }) + block.svg
    labelPoints.push({ x: box.x, y: box.y }, { x: box.x + box.w, y: box.y + box.h })
  }
  const bounds = boxOf([a, b, ...(curved ? [middle] : []), ...labelPoints])
  const pad = style.width + headSize / 2
  return { svg, bounds: { x: bounds.x - pad, y: bounds.y - pad, w: bounds.w + 2 * pad, h: bounds.h + 2 * pad }, tie: tieKind }
}
