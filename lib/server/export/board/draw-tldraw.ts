import { richTextToPlain } from '../text/rich-text'
import type { DrawContext } from './context'
import { round, type Point } from './geometry'
import { INK, MUTED, tldrawColor } from './palette'
import { drawSegments, FONT_SIZE, LABEL_SIZE, linePoints, num, str, STROKE, textShapeSize, type SceneShape } from './scene'
import { dashArray, ellipse, polygon, rect } from './svg'
import { escapeXml, textBlock } from './text'

/** tldraw's own shapes (geo, text, note, draw, highlight, line, frame), drawn in their own space. */

function fillOf(fill: unknown, color: { solid: string; semi: string }): string {
  switch (fill) {
    case 'semi':
      return '#fcfffe'
    case 'solid':
    case 'pattern':
    case 'lined-fill':
      return color.semi
    case 'fill':
      return color.solid
    default:
      return 'none'
  }
}

function regularPolygon(w: number, h: number, sides: number, star = false): Point[] {
  const points: Point[] = []
  const count = star ? sides * 2 : sides
  for (let i = 0; i < count; i++) {
    const angle = -Math.PI / 2 + (i * 2 * Math.PI) / count
    const r = star && i % 2 === 1 ? 0.45 : 1
    points.push({ x: w / 2 + (Math.cos(angle) * r * w) / 2, y: h / 2 + (Math.sin(angle) * r * h) / 2 })
  }
  return points
}

function geoOutline(geo: string, w: number, h: number, attrs: { fill: string; stroke: string; strokeWidth: number; dash: string | null }): string {
  switch (geo) {
    case 'ellipse':
    case 'oval':
      return ellipse(w / 2, h / 2, w / 2, h / 2, attrs)
    case 'triangle':
      return polygon([{ x: w / 2, y: 0 }, { x: w, y: h }, { x: 0, y: h }], attrs)
    case 'diamond':
      return polygon([{ x: w / 2, y: 0 }, { x: w, y: h / 2 }, { x: w / 2, y: h }, { x: 0, y: h / 2 }], attrs)
    case 'pentagon':
      return polygon(regularPolygon(w, h, 5), attrs)
    case 'hexagon':
      return polygon(regularPolygon(w, h, 6), attrs)
    case 'octagon':
      return polygon(regularPolygon(w, h, 8), attrs)
    case 'star':
      return polygon(regularPolygon(w, h, 5, true), attrs)
    case 'rhombus':
      return polygon([{ x: w * 0.25, y: 0 }, { x: w, y: 0 }, { x: w * 0.75, y: h }, { x: 0, y: h }], attrs)
    case 'rhombus-2':
      return polygon([{ x: 0, y: 0 }, { x: w * 0.75, y: 0 }, { x: w, y: h }, { x: w * 0.25, y: h }], attrs)
    case 'trapezoid':
      return polygon([{ x: w * 0.2, y: 0 }, { x: w * 0.8, y: 0 }, { x: w, y: h }, { x: 0, y: h }], attrs)
    case 'cloud':
      return rect(0, 0, w, h, { ...attrs, radius: Math.min(w, h) / 3 })
    default:
      return rect(0, 0, w, h, { ...attrs, radius: 4 })
  }
}

function drawGeo(shape: SceneShape): string {
  const p = shape.props
  const scale = num(p.scale, 1)
  const { w, h } = shape.local
  const color = tldrawColor(p.color)
  const strokeWidth = (STROKE[str(p.size, 'm')] ?? 3.5) * scale
  const outline = geoOutline(str(p.geo, 'rectangle'), w, h, { fill: fillOf(p.fill, color), stroke: color.solid, strokeWidth, dash: dashArray(p.dash, strokeWidth) })
  const size = (LABEL_SIZE[str(p.size, 'm')] ?? 22) * scale
  const align = p.align === 'start' || p.align === 'start-legacy' ? 'start' : p.align === 'end' || p.align === 'end-legacy' ? 'end' : 'middle'
  const text = textBlock(richTextToPlain(p.richText), {
    x: 12 * scale,
    y: 8 * scale,
    width: w - 24 * scale,
    height: h - 16 * scale,
    size,
    align,
    middle: p.verticalAlign !== 'start',
    color: p.fill === 'fill' ? '#ffffff' : tldrawColor(p.labelColor).solid,
  })
  return outline + text.svg
}

function drawNote(shape: SceneShape): string {
  const p = shape.props
  const scale = num(p.scale, 1)
  const { w, h } = shape.local
  const size = (FONT_SIZE[str(p.size, 'm')] ?? 24) * scale * Math.min(1, num(p.fontSizeAdjustment, 1) || 1)
  return (
    rect(2, 3, w, h, { fill: '#d9d4c7', radius: 6 }) +
    rect(0, 0, w, h, { fill: tldrawColor(p.color).note, radius: 6 }) +
    textBlock(richTextToPlain(p.richText), { x: 14 * scale, y: 14 * scale, width: w - 28 * scale, height: h - 28 * scale, size, align: 'middle', middle: p.verticalAlign !== 'start', color: INK }).svg
  )
}

function drawText(shape: SceneShape): string {
  const p = shape.props
  const { w, size } = textShapeSize(p)
  const align = p.textAlign === 'middle' ? 'middle' : p.textAlign === 'end' ? 'end' : 'start'
  return textBlock(richTextToPlain(p.richText), { x: 0, y: 0, width: w + 1, size, align, color: tldrawColor(p.color).solid }).svg
}

function pathOf(points: Point[], closed: boolean): string {
  if (points.length === 0) return ''
  const [first, ...rest] = points
  // A tap leaves one point: draw it as a dot.
  if (rest.length === 0) return `M${round(first!.x)} ${round(first!.y)}h0.01`
  return `M${round(first!.x)} ${round(first!.y)}${rest.map((p) => `L${round(p.x)} ${round(p.y)}`).join('')}${closed ? 'Z' : ''}`
}

function drawFreehand(shape: SceneShape, highlight: boolean): string {
  const p = shape.props
  const scale = num(p.scale, 1)
  const color = tldrawColor(p.color)
  const width = (STROKE[str(p.size, 'm')] ?? 3.5) * scale * (highlight ? 5 : 1.2)
  const closed = p.isClosed === true
  const fill = closed && !highlight ? fillOf(p.fill, color) : 'none'
  const d = drawSegments(p)
    .map((points) => pathOf(points, closed))
    .join('')
  if (d === '') return ''
  const stroke = highlight ? '#fddd00' : color.solid
  const dash = highlight ? null : dashArray(p.dash, width)
  return `<path d="${d}" fill="${fill}" stroke="${stroke}" stroke-width="${round(width)}" stroke-linecap="round" stroke-linejoin="round"${highlight ? ' stroke-opacity="0.5"' : ''}${dash ? ` stroke-dasharray="${dash}"` : ''}/>`
}

function drawLine(shape: SceneShape): string {
  const p = shape.props
  const scale = num(p.scale, 1)
  const width = (STROKE[str(p.size, 'm')] ?? 3.5) * scale
  const d = pathOf(linePoints(p), false)
  if (d === '') return ''
  const dash = dashArray(p.dash, width)
  return `<path d="${d}" fill="none" stroke="${tldrawColor(p.color).solid}" stroke-width="${round(width)}" stroke-linecap="round" stroke-linejoin="round"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`
}

function drawFrame(shape: SceneShape): string {
  const { w, h } = shape.local
  const name = str(shape.props.name)
  return (
    rect(0, 0, w, h, { fill: '#ffffff', stroke: '#717171', strokeWidth: 1.5 }) +
    (name.trim() === '' ? '' : `<text x="0" y="-8" font-size="14" fill="${MUTED}">${escapeXml(name.replace(/\s+/g, ' '))}</text>`)
  )
}

/** An image, video, bookmark or embed: a box saying what was there, never the content itself. */
function drawPlaceholder(shape: SceneShape, ctx: DrawContext): string {
  const { w, h } = shape.local
  if (w <= 0 || h <= 0) return ''
  return (
    rect(0, 0, w, h, { fill: '#eceef0', stroke: '#9fa8b2', strokeWidth: 2, dash: '8 6', radius: 6 }) +
    textBlock(ctx.t('exports.board.image'), { x: 8, y: 8, width: w - 16, height: h - 16, size: Math.min(18, Math.max(10, h / 6)), align: 'middle', middle: true, color: MUTED }).svg
  )
}

/** One of tldraw's shapes in its own space; '' for shapes with nothing to draw (groups, unknown types). */
export function drawTldrawShape(shape: SceneShape, ctx: DrawContext): string {
  switch (shape.type) {
    case 'geo':
      return drawGeo(shape)
    case 'note':
      return drawNote(shape)
    case 'text':
      return drawText(shape)
    case 'draw':
      return drawFreehand(shape, false)
    case 'highlight':
      return drawFreehand(shape, true)
    case 'line':
      return drawLine(shape)
    case 'frame':
      return drawFrame(shape)
    case 'image':
    case 'video':
    case 'bookmark':
    case 'embed':
      return drawPlaceholder(shape, ctx)
    default:
      return ''
  }
}

