import bidiFactory from 'bidi-js'
import { fontCoverage, pdfFonts, type PdfFont } from '../fonts'
import { cleanText } from './clean'
import { wrap } from './measure'

/**
 * Text for the PDF, split into runs that each have one font and are in the order pdfmake must lay
 * them out. pdfmake has neither font fallback nor right-to-left support:
 *
 * - font: every character gets a font that has a glyph for it (Latin, Greek, Cyrillic: Noto Sans;
 *   Arabic script: Noto Naskh Arabic; Tifinagh: Noto Sans Tifinagh). Spaces, digits and punctuation
 *   keep the font of the text around them, so an Arabic name is one run, not one run per word.
 * - order: pdfmake places runs left to right. For a line with right-to-left text we apply the
 *   Unicode bidi algorithm (bidi-js) to put the runs in visual order, then turn each right-to-left
 *   stretch back into logical order: pdfkit's shaper (fontkit) joins Arabic letters only in
 *   logical order, and reverses a right-to-left run itself when it lays it out whole.
 *
 * pdfmake breaks lines left to right, which would put the end of a right-to-left sentence on its
 * first line; so when the caller says how wide the text will be, lines with right-to-left text are
 * broken here first (with an estimate of the width, text/measure.ts).
 */
export interface TextRun {
  text: string
  font: PdfFont
  /** A right-to-left chunk in logical order, to be shaped (and reversed) as one run. */
  rtl?: boolean
}

const bidi = bidiFactory()
const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u
const LETTER = /\p{L}/u
/**
 * Directional marks, embeddings and isolates: they steer the bidi algorithm (a redacted export
 * isolates right-to-left initials, redact.ts) but have no glyph, so they are left out of the runs
 * once the order is known.
 */
const BIDI_CONTROL = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/
const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g
/** Characters that belong to the character before them (combining marks, joiners, selectors). */
const ATTACHED = /[\p{M}\u200C\u200D\uFE00-\uFE0F]/u

/**
 * Does this text read right to left (its first letter is from a right-to-left script)? As in the
 * bidi algorithm (rule P2), letters inside an isolate do not count: "⁨أ ز⁩ (familie) belt" is Dutch.
 */
export function isRightToLeft(text: string): boolean {
  let isolated = 0
  for (const char of text) {
    if (char === '\u2066' || char === '\u2067' || char === '\u2068') isolated += 1
    else if (char === '\u2069') isolated = Math.max(0, isolated - 1)
    else if (isolated === 0 && LETTER.test(char)) return RTL_SCRIPT.test(char)
  }
  return false
}

/** Any character for which one of the export fonts has a glyph. */
export function coveredByExportFonts(codePoint: number): boolean {
  const coverage = fontCoverage()
  return pdfFonts.some((font) => coverage[font](codePoint))
}

/** The font of each UTF-16 code unit of `line` (both halves of a surrogate pair get the same). */
function fontsOf(line: string): PdfFont[] {
  const coverage = fontCoverage()
  const fonts: PdfFont[] = []
  let previous: PdfFont | null = null
  for (const char of line) {
    const codePoint = char.codePointAt(0)!
    let font: PdfFont
    if (previous && ATTACHED.test(char)) font = previous
    else if (!LETTER.test(char) && previous && coverage[previous](codePoint)) font = previous
    else font = pdfFonts.find((f) => coverage[f](codePoint)) ?? 'NotoSans'
    for (let i = 0; i < char.length; i++) fonts.push(font)
    previous = font
  }
  return fonts
}

/** Consecutive characters with the same key, joined. */
function group<T extends { key: string }>(items: T[], join: (run: T[]) => TextRun[]): TextRun[] {
  const runs: TextRun[] = []
  let start = 0
  for (let i = 1; i <= items.length; i++) {
    if (i === items.length || items[i]!.key !== items[start]!.key) {
      runs.push(...join(items.slice(start, i)))
      start = i
    }
  }
  return runs
}

function lineRuns(line: string, chunk: number): TextRun[] {
  if (line === '') return []
  const fonts = fontsOf(line)
  if (!RTL_SCRIPT.test(line)) {
    const chars = line
      .split('')
      .map((unit, i) => ({ unit, font: fonts[i]!, key: fonts[i]! }))
      .filter((c) => !BIDI_CONTROL.test(c.unit))
    return group(chars, (run) => [{ text: run.map((c) => c.unit).join(''), font: run[0]!.font }])
  }
  const levels = bidi.getEmbeddingLevels(line)
  const mirrored = bidi.getMirroredCharactersMap(line, levels.levels)
  const visual = bidi
    .getReorderedIndices(line, levels)
    .filter((i) => !BIDI_CONTROL.test(line[i]!))
    .map((i) => {
      const rtl = (levels.levels[i]! & 1) === 1
      return { unit: mirrored.get(i) ?? line[i]!, font: fonts[i]!, rtl, key: `${fonts[i]}/${rtl}` }
    })
  return group(visual, (run) => {
    const text = run.map((c) => c.unit).join('')
    const font = run[0]!.font
    if (!run[0]!.rtl) return [{ text, font }]
    return rightToLeftRuns(fixSurrogates(text.split('').reverse().join('')), font, chunk)
  })
}

/**
 * Longest right-to-left chunk kept together when the width is not known; longer text is split at
 * spaces so it can wrap.
 */
const RTL_CHUNK = 24

/**
 * A right-to-left stretch (logical order) as runs in visual order: chunks of whole words, each
 * handed to pdfkit in logical order and marked `rtl` (pdfkit then shapes the chunk as one run and
 * reverses it itself, so the words of a name keep their order and the PDF holds the name as one
 * piece of text that extractors read back whole).
 */
function rightToLeftRuns(logical: string, font: PdfFont, chunk: number): TextRun[] {
  const [, leading = '', body = '', trailing = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(logical) ?? []
  const chunks: string[] = []
  for (const word of body.split(/\s+/).filter((w) => w !== '')) {
    const last = chunks.length - 1
    if (last >= 0 && chunks[last]!.length + 1 + word.length <= chunk) chunks[last] += ` ${word}`
    else chunks.push(word)
  }
  const runs: TextRun[] = []
  if (trailing) runs.push({ text: trailing, font })
  chunks.reverse().forEach((chunk, i) => {
    if (i > 0) runs.push({ text: ' ', font })
    runs.push({ text: chunk, font, rtl: true })
  })
  if (leading) runs.push({ text: leading, font })
  return runs
}

/** A pair reversed by the visual reordering (low before high) swapped back. */
function fixSurrogates(text: string): string {
  return text.replace(/([\uDC00-\uDFFF])([\uD800-\uDBFF])/g, '$2$1')
}

/** The width a text has on the page, so right-to-left text can be broken into lines here. */
export interface RunLayout {
  width: number
  size: number
  bold?: boolean
}

/**
 * Runs for a text of one or more lines, ready for pdfmake (line breaks stay as '\n'). With the
 * width it will have, a line holding right-to-left text is broken into lines here (at spaces, in
 * reading order, as the bidi algorithm wants), so every line on paper reads right.
 */
export function textRuns(text: string, layout?: RunLayout): TextRun[] {
  let lines = cleanText(text, coveredByExportFonts).split('\n')
  if (layout) lines = lines.flatMap((line) => (RTL_SCRIPT.test(line) ? wrap(line, layout.width * 0.9, layout.size, layout.bold) : [line.replace(BIDI_CONTROLS, '')]))
  const chunk = layout ? Infinity : RTL_CHUNK
  const runs: TextRun[] = []
  lines.forEach((line, index) => {
    const inLine = lineRuns(line, chunk)
    const last = inLine[inLine.length - 1]
    // The line break joins a plain run; a right-to-left chunk must stay exactly its words.
    if (index < lines.length - 1) {
      if (last && !last.rtl) inLine[inLine.length - 1] = { ...last, text: `${last.text}\n` }
      else inLine.push({ text: '\n', font: last?.font ?? 'NotoSans' })
    }
    runs.push(...inLine)
  })
  return runs
}
