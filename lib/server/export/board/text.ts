import { cleanText } from '../text/clean'
import { coveredByExportFonts, isRightToLeft } from '../text/runs'
import { measure, wrap } from '../text/measure'
import { round } from './geometry'

export { measure, wrap }

/**
 * Text in the board SVG. SVG does not wrap text, so we wrap it ourselves with an estimate of each
 * character's width in Noto Sans (close enough to keep text inside its card; resvg does the real
 * shaping, right-to-left order and font fallback when it draws each line).
 */

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/** Text made safe for XML content and attribute values. */
export function escapeXml(text: string): string {
  return cleanText(text, coveredByExportFonts).replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!)
}

/** At most `maxLines` lines; the last one kept ends in an ellipsis when text was cut. */
export function truncateLines(lines: string[], maxLines: number, width: number, size: number, bold = false): string[] {
  if (lines.length <= maxLines) return lines
  if (maxLines <= 0) return []
  const kept = lines.slice(0, maxLines)
  let last = `${kept[maxLines - 1]!}…`
  while (measure(last, size, bold) > width && [...last].length > 1) last = `${[...last].slice(0, -2).join('')}…`
  kept[maxLines - 1] = last
  return kept
}

export interface TextOptions {
  /** Left edge of the text box. */
  x: number
  /** Top edge of the text box. */
  y: number
  width: number
  /** Height available; lines beyond it are cut (with an ellipsis). */
  height?: number
  size: number
  bold?: boolean
  italic?: boolean
  color?: string
  align?: 'start' | 'middle' | 'end'
  /** Centre the block vertically in `height`. */
  middle?: boolean
  lineHeight?: number
}

export const LINE_HEIGHT = 1.3
/** Where a line's baseline sits below the top of its box, in font sizes. */
export const BASELINE = 1.02

/** A wrapped text block; returns its SVG and the height it takes. */
export function textBlock(text: string, options: TextOptions): { svg: string; height: number } {
  const { x, y, width, size, bold = false, italic = false, color = '#1d1d1d', align = 'start', lineHeight = LINE_HEIGHT } = options
  const clean = cleanText(text, coveredByExportFonts).trim()
  if (clean === '' || width <= 0) return { svg: '', height: 0 }
  const step = size * lineHeight
  let lines = wrap(clean, width, size, bold)
  if (options.height !== undefined) lines = truncateLines(lines, Math.max(1, Math.floor((options.height + 0.1 * size) / step)), width, size, bold)
  const blockHeight = lines.length * step
  const top = options.middle && options.height !== undefined ? y + Math.max(0, (options.height - blockHeight) / 2) : y
  const parts = lines.map((line, i) => {
    const rtl = align === 'start' && isRightToLeft(line)
    const anchor = rtl ? 'end' : align
    const lineX = anchor === 'start' ? x : anchor === 'middle' ? x + width / 2 : x + width
    const baseline = top + i * step + size * BASELINE
    return `<text x="${round(lineX)}" y="${round(baseline)}"${anchor === 'start' ? '' : ` text-anchor="${anchor}"`}>${escapeXml(line)}</text>`
  })
  const style = `font-size="${round(size)}"${bold ? ' font-weight="bold"' : ''}${italic ? ' font-style="italic"' : ''} fill="${color}"`
  return { svg: `<g ${style}>${parts.join('')}</g>`, height: blockHeight }
}

/** One line, cut with an ellipsis to `width`. */
export function label(text: string, options: Omit<TextOptions, 'height' | 'middle'>): string {
  return textBlock(text.replace(/\s+/g, ' '), { ...options, height: options.size * LINE_HEIGHT }).svg
}
