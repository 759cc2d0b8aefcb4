/**
 * Text from the board, made safe to draw: no control characters (XML forbids most of them and a
 * PDF shows them as boxes), no lone surrogates, and no emoji that none of the export fonts can
 * draw (Noto has no colour emoji; an empty box is worse than leaving the emoji out).
 */

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const EMOJI_SEQUENCE =
  /(?:\p{Regional_Indicator}{2}|\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})*(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})*)*)\uFE0F?/gu

export function cleanText(text: string, covered: (codePoint: number) => boolean): string {
  return text
    .replace(CONTROL, '')
    .replace(LONE_SURROGATE, '')
    .replace(/\r\n?/g, '\n')
    .replace(EMOJI_SEQUENCE, (sequence) => {
      const codePoints = [...sequence].map((c) => c.codePointAt(0)!)
      // A lone symbol the fonts have (©, ™, ↔) stays; sequences and real emoji go.
      const single = codePoints.filter((cp) => cp !== 0xfe0f)
      return single.length === 1 && covered(single[0]!) ? sequence.replace('\uFE0F', '') : ''
    })
}

/** Collapse runs of spaces and trim: for one-line labels. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
