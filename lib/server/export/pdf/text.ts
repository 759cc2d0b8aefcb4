import type { Content, ContentText } from 'pdfmake/interfaces'
import { textRuns, type RunLayout } from '../text/runs'

/**
 * Every text the PDF shows goes through here: split into runs with the right font and order
 * (text/runs.ts), so Arabic and Tifinagh names come out shaped and right to left.
 */

/** Properties of a text node besides its text: a named style, margins, fill, bold… */
export type TextProps = Omit<ContentText, 'text'>

/** Width of the page's text column (A4 less the margins), in points. */
export const COLUMN_WIDTH = 515

/**
 * A text node. `fit` says how wide the text will be and its size, so that right-to-left text can
 * be broken into lines in reading order; without it, the whole column is assumed.
 */
export function rich(text: string, style: TextProps = {}, fit: RunLayout = { width: COLUMN_WIDTH, size: 10 }): Content {
  const runs = textRuns(text, fit).map((run) =>
    // A right-to-left chunk stays whole (noWrap) and is shaped as one run: pdfkit does that when
    // it is given font features (any, even none), instead of shaping word by word.
    run.rtl ? { text: run.text, font: run.font, noWrap: true, fontFeatures: [] } : { text: run.text, font: run.font },
  )
  if (runs.length === 0) return { text: '', ...style }
  if (runs.length === 1) return { ...runs[0]!, ...style }
  return { text: runs, ...style }
}
