import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { renderBoardSvg } from '../../lib/server/export/board-svg'
import { renderPlanPdf } from '../../lib/server/export/pdf'
import { sampleBoard } from './export-fixtures'

/**
 * The family's copy of the agreed plan in the reader's language (issue 10): in Arabic the words
 * come out shaped and whole, and the page reads from the right; the Dutch case file stays as it was.
 */

const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g

function pdftotext(pdf: Uint8Array): string {
  return execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8').replace(BIDI_CONTROLS, '')
}

/** Each word on page 1 with where it starts and ends across the page (595 pt wide). */
function wordsOnPageOne(pdf: Uint8Array): { word: string; xMin: number; xMax: number }[] {
  const html = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', '-bbox', '-f', '1', '-l', '1', '-', '-'], { input: pdf }).toString('utf8')
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
    word: m[3]!.replace(BIDI_CONTROLS, ''),
    xMin: Number(m[1]),
    xMax: Number(m[2]),
  }))
}

async function pdfIn(locale: 'nl' | 'ar'): Promise<Uint8Array> {
  const board = sampleBoard()
  board.input.boardSvg = renderBoardSvg(board.records, { locale, redacted: false })
  return renderPlanPdf({ ...board.input, locale })
}

describe('the family copy in Arabic', async () => {
  const arabic = await pdfIn('ar')
  const dutch = await pdfIn('nl')
  const text = pdftotext(arabic)

  it('has its headings and labels in Arabic, whole and in reading order', () => {
    for (const expected of ['من شارك', 'الاتفاقات', 'خطة السلامة', 'التاريخ والوقت', 'الشروط الأساسية']) expect(text).toContain(expected)
    expect(text).not.toContain('Wie deden mee')
  })

  it('keeps the names and free text people wrote, in their own script', () => {
    expect(text).toContain('Familie El Idrissi')
    expect(text).toContain('أمينة الزهراء')
  })

  it('reads from the right: the title ends at the right margin, in the Dutch case file it starts at the left', () => {
    // pdftotext lists a right-to-left word in drawing order: compare it reversed too.
    const find = (pdf: Uint8Array, word: string) => wordsOnPageOne(pdf).find((w) => w.word === word || [...w.word].reverse().join('') === word)
    const RIGHT_MARGIN = 595 - 40
    expect(find(arabic, 'Idrissi')!.xMax).toBeGreaterThan(RIGHT_MARGIN - 5)
    // "من شارك": its first word at the right margin.
    expect(wordsOnPageOne(arabic).some((w) => [...w.word].reverse().join('') === 'من' && w.xMax > RIGHT_MARGIN - 5)).toBe(true)
    expect(find(dutch, 'Familie')!.xMin).toBeLessThan(40 + 5)
  })
})
