import { describe, expect, it } from 'vitest'
import { fontCoverage } from '../../lib/server/export/fonts'
import { textRuns, isRightToLeft } from '../../lib/server/export/text/runs'
import { richTextToPlain } from '../../lib/server/export/text/rich-text'
import { cleanText } from '../../lib/server/export/text/clean'

/**
 * Text for the PDF: pdfmake has no font fallback and lays words out left to right, so every text
 * is split into runs with a font that has its letters, in the order they must appear on paper.
 */

describe('font coverage (read from the fonts themselves)', () => {
  it('knows which font has which letters', () => {
    const coverage = fontCoverage()
    expect(coverage.NotoSans('A'.codePointAt(0)!)).toBe(true)
    expect(coverage.NotoSans('ë'.codePointAt(0)!)).toBe(true)
    expect(coverage.NotoSans('ا'.codePointAt(0)!)).toBe(false)
    expect(coverage.NotoNaskhArabic('ا'.codePointAt(0)!)).toBe(true)
    expect(coverage.NotoSansTifinagh('ⵜ'.codePointAt(0)!)).toBe(true)
    expect(coverage.NotoSans('😀'.codePointAt(0)!)).toBe(false)
  })
})

describe('text runs for the PDF', () => {
  it('keeps a Latin text as one run in Noto Sans', () => {
    expect(textRuns('Amira El Idrissi, 06-12345678')).toEqual([{ text: 'Amira El Idrissi, 06-12345678', font: 'NotoSans' }])
  })

  it('gives an Arabic name the Arabic font, as one right-to-left run in reading order', () => {
    // pdfkit shapes a run marked rtl as a whole and lays it out right to left itself.
    expect(textRuns('أمينة الزهراء')).toEqual([{ text: 'أمينة الزهراء', font: 'NotoNaskhArabic', rtl: true }])
  })

  it('keeps a Dutch sentence with an Arabic name in it readable from left to right', () => {
    expect(textRuns('Tante أمينة الزهراء belt elke dag')).toEqual([
      { text: 'Tante ', font: 'NotoSans' },
      { text: 'أمينة الزهراء', font: 'NotoNaskhArabic', rtl: true },
      { text: ' ', font: 'NotoNaskhArabic' },
      { text: 'belt elke dag', font: 'NotoSans' },
    ])
  })

  it('orders an Arabic sentence with a number right to left, and splits long Arabic text so it can wrap', () => {
    // Read right to left: "خالة أمينة تتصل مع" then 3 then "أطفال.": on paper from the left: "أطفال." 3 "…مع".
    const runs = textRuns('خالة أمينة تتصل مع 3 أطفال.')
    expect(runs.map((r) => r.text)).toEqual(['أطفال.', ' ', '3', ' ', 'خالة أمينة تتصل مع'])
    const long = textRuns('أمينة تتصل بنور كل مساء لتسأل كيف كان يومها في المدرسة وماذا أكلت')
    expect(long.filter((r) => r.rtl).length).toBeGreaterThan(1)
    expect(long.every((r) => !r.rtl || r.text.length <= 24)).toBe(true)
  })

  it('uses the Tifinagh font for Tifinagh letters', () => {
    expect(textRuns('ⵜⴰⵍⴰ Tala')).toEqual([
      { text: 'ⵜⴰⵍⴰ ', font: 'NotoSansTifinagh' },
      { text: 'Tala', font: 'NotoSans' },
    ])
  })

  it('leaves out emoji no font can draw, keeps line breaks', () => {
    const runs = textRuns('Een hond 🐶\nen een kat')
    expect(runs.map((r) => r.text).join('')).toBe('Een hond \nen een kat')
    expect(runs.every((r) => r.font === 'NotoSans')).toBe(true)
  })

  it('says which texts read right to left', () => {
    expect(isRightToLeft('أمينة (oma)')).toBe(true)
    expect(isRightToLeft('Oma أمينة')).toBe(false)
    expect(isRightToLeft('12 أمينة')).toBe(true)
  })

  it('strips control characters and lone surrogates', () => {
    expect(cleanText('a\u0000b\u0007c\uD800d', () => true)).toBe('abcd')
  })
})

describe("tldraw's rich text as plain text", () => {
  it('joins paragraphs by lines and keeps list items', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Eerste ' }, { type: 'text', text: 'regel', marks: [{ type: 'bold' }] }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Tweede' }, { type: 'hardBreak' }, { type: 'text', text: 'derde' }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'punt' }] }] }] },
      ],
    }
    expect(richTextToPlain(doc)).toBe('Eerste regel\nTweede\nderde\n• punt')
  })

  it('gives nothing for malformed rich text', () => {
    expect(richTextToPlain(null)).toBe('')
    expect(richTextToPlain({ type: 'doc', content: 'nope' })).toBe('')
  })
})
