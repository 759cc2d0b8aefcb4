import { round } from './geometry'

/** Small SVG element helpers; every number is rounded, every attribute value comes from code, not users. */

export function rect(x: number, y: number, w: number, h: number, attrs: { fill?: string; stroke?: string; strokeWidth?: number; radius?: number; dash?: string | null } = {}): string {
  const { fill = 'none', stroke, strokeWidth = 1.5, radius = 0, dash } = attrs
  return `<rect x="${round(x)}" y="${round(y)}" width="${round(Math.max(0, w))}" height="${round(Math.max(0, h))}"${radius ? ` rx="${round(radius)}"` : ''} fill="${fill}"${stroke ? ` stroke="${stroke}" stroke-width="${round(strokeWidth)}"` : ''}${dash ? ` stroke-dasharray="${dash}"` : ''}/>`
}

export function ellipse(cx: number, cy: number, rx: number, ry: number, attrs: { fill?: string; stroke?: string; strokeWidth?: number; dash?: string | null } = {}): string {
  const { fill = 'none', stroke, strokeWidth = 1.5, dash } = attrs
  return `<ellipse cx="${round(cx)}" cy="${round(cy)}" rx="${round(Math.max(0, rx))}" ry="${round(Math.max(0, ry))}" fill="${fill}"${stroke ? ` stroke="${stroke}" stroke-width="${round(strokeWidth)}"` : ''}${dash ? ` stroke-dasharray="${dash}"` : ''}/>`
}

export function line(x1: number, y1: number, x2: number, y2: number, stroke: string, strokeWidth = 1.5): string {
  return `<line x1="${round(x1)}" y1="${round(y1)}" x2="${round(x2)}" y2="${round(y2)}" stroke="${stroke}" stroke-width="${round(strokeWidth)}"/>`
}

export function polygon(points: { x: number; y: number }[], attrs: { fill?: string; stroke?: string; strokeWidth?: number; dash?: string | null } = {}): string {
  const { fill = 'none', stroke, strokeWidth = 1.5, dash } = attrs
  const list = points.map((p) => `${round(p.x)},${round(p.y)}`).join(' ')
  return `<polygon points="${list}" fill="${fill}"${stroke ? ` stroke="${stroke}" stroke-width="${round(strokeWidth)}" stroke-linejoin="round"` : ''}${dash ? ` stroke-dasharray="${dash}"` : ''}/>`
}

export function group(content: string, attrs: { transform?: string; opacity?: number } = {}): string {
  if (content === '') return ''
  const transform = attrs.transform ? ` transform="${attrs.transform}"` : ''
  const opacity = attrs.opacity !== undefined && attrs.opacity < 1 ? ` opacity="${round(attrs.opacity)}"` : ''
  return `<g${transform}${opacity}>${content}</g>`
}

/** A stroke pattern for tldraw's dash styles at a stroke width. */
export function dashArray(dash: unknown, width: number): string | null {
  if (dash === 'dashed') return `${round(width * 4)} ${round(width * 4)}`
  if (dash === 'dotted') return `${round(width * 0.5)} ${round(width * 2.5)}`
  return null
}
