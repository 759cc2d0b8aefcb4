/**
 * Text folded for matching names: lower case, without diacritics or Arabic vowel marks and
 * hamza forms (NFKD, marks dropped: "Amína" → "amina", "أمينة" → "امينه"), without tatweel, with
 * letters that are written for one another in names made one. Folding
 * works per grapheme, and `foldedWithOffsets` says for every folded code unit which stretch of the
 * original it came from, so a match in the folded text replaces exactly the original's words.
 */

const MARKS = /[\p{M}\u0640\u200C\u200D]/gu
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' })

/** Letters written for one another in names: ta marbuta and ha, alif maqsura and ya, Persian ya and kaf. */
const SAME_LETTER: Record<string, string> = { 'ة': 'ه', 'ى': 'ي', 'ی': 'ي', 'ک': 'ك' }

export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(/[ةىیک]/gu, (letter) => SAME_LETTER[letter]!)
    .normalize('NFC')
}

export interface FoldedText {
  folded: string
  /** For each UTF-16 unit of `folded`: where its grapheme starts in the original. */
  start: number[]
  /** For each UTF-16 unit of `folded`: where its grapheme ends in the original. */
  end: number[]
}

export function foldedWithOffsets(text: string): FoldedText {
  let folded = ''
  const start: number[] = []
  const end: number[] = []
  for (const { segment, index } of graphemes.segment(text)) {
    const piece = fold(segment)
    folded += piece
    for (let i = 0; i < piece.length; i++) {
      start.push(index)
      end.push(index + segment.length)
    }
  }
  return { folded, start, end }
}
