/**
 * An estimate of how wide text is in Noto Sans (per character class, in em), and greedy line
 * wrapping with it. Neither the SVG nor pdfmake's input can ask the real font before drawing;
 * the estimate errs on the wide side so text stays inside its box.
 */

/** Approximate advance of one character, in em (Noto Sans regular). */
function charWidth(char: string): number {
  if (char === ' ') return 0.26
  if (/[ilj.,;:!|'`]/.test(char)) return 0.26
  if (/[frtI()[\]{}"/\\-]/.test(char)) return 0.36
  if (/[mw]/.test(char)) return 0.82
  if (/[MW]/.test(char)) return 0.9
  if (/[A-Z]/.test(char)) return 0.64
  if (/[0-9]/.test(char)) return 0.57
  if (/[a-z]/.test(char)) return 0.55
  if (/[\p{Script=Arabic}]/u.test(char)) return 0.4
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(char)) return 1
  if (/\p{M}/u.test(char)) return 0
  return 0.6
}

export function measure(text: string, size: number, bold = false): number {
  let em = 0
  for (const char of text) em += charWidth(char)
  // A little wider than the estimate, so text stays inside its card rather than touching the edge.
  return em * size * (bold ? 1.1 : 1.03)
}

/** Lines of at most `width` (words broken only when a single word is wider). */
export function wrap(text: string, width: number, size: number, bold = false): string[] {
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    const words = paragraph.split(/\s+/).filter((w) => w !== '')
    if (words.length === 0) {
      lines.push('')
      continue
    }
    let line = ''
    for (const word of words) {
      const candidate = line === '' ? word : `${line} ${word}`
      if (measure(candidate, size, bold) <= width) {
        line = candidate
        continue
      }
      if (line !== '') lines.push(line)
      line = ''
      // A word wider than the line: break it wherever it must.
      let rest = word
      while (measure(rest, size, bold) > width && [...rest].length > 1) {
        const chars = [...rest]
        let take = 1
        while (take < chars.length && measure(chars.slice(0, take + 1).join(''), size, bold) <= width) take++
        lines.push(chars.slice(0, take).join(''))
        rest = chars.slice(take).join('')
      }
      line = rest
    }
    lines.push(line)
  }
  return lines
}

