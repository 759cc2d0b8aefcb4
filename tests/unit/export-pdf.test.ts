import { execFileSync } from 'node:child_process'
import { PDFParse } from 'pdf-parse'
import { describe, expect, it } from 'vitest'
import { renderBoardSvg } from '../../lib/server/export/board-svg'
import { renderPlanPdf } from '../../lib/server/export/pdf'
import { sampleBoard } from './export-fixtures'

/**
 * The plan PDF, read back the way a professional's software would: text extracted with poppler's
 * pdftotext and with pdf-parse. Arabic names must come out whole (shaped, in order); a redacted
 * PDF must hold no name and no phone number.
 */

// Directional marks and isolates that extractors put around right-to-left text.
const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g

/** Text in reading order; `raw` keeps the order it was drawn in (a table cell's lines stay together). */
function pdftotext(pdf: Uint8Array, raw = false): string {
  return execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', ...(raw ? ['-raw'] : []), '-', '-'], { input: pdf }).toString('utf8').replace(BIDI_CONTROLS, '')
}

async function pdfParseText(pdf: Uint8Array): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) })
  try {
    return (await parser.getText()).text.replace(BIDI_CONTROLS, '')
  } finally {
    await parser.destroy()
  }
}

/** The sample plan with a Dutch sentence that has an Arabic name in it. */
function sample(redacted: boolean) {
  const board = sampleBoard({ redacted })
  board.input.plan.goingWell.push({ id: 'shape:mixed', text: 'Tante أمينة الزهراء belt elke dag' })
  board.input.boardSvg = renderBoardSvg(board.records, { locale: 'nl', redacted })
  return board
}

describe('renderPlanPdf', async () => {
  const { input } = sample(false)
  const pdf = await renderPlanPdf(input)
  const text = pdftotext(pdf)
  // Table cells wrap: compare with line breaks read as spaces.
  const flat = pdftotext(pdf, true).replace(/\s+/g, ' ')

  it('is an A4 PDF with the fonts embedded', () => {
    const raw = Buffer.from(pdf).toString('latin1')
    expect(raw.startsWith('%PDF-')).toBe(true)
    expect(raw).toMatch(/\/MediaBox \[0 0 595\.2\d+ 841\.8\d+\]/)
    for (const font of ['NotoSans-Regular', 'NotoSans-Bold', 'NotoNaskhArabic-Regular', 'NotoSansTifinagh-Regular']) {
      expect(raw, font).toMatch(new RegExp(`/FontName /[A-Z]{6}\\+${font}`))
      expect(raw, font).toMatch(new RegExp(`/FontFile2 \\d+ 0 R`))
    }
  })

  it('has the conference, the participants and every section in plain Dutch', () => {
    for (const expected of [
      'Familie El Idrissi',
      'Familiegroepsplan · vastgesteld op 3 maart 2026',
      'Wie waren erbij',
      'Gespreksleider',
      'De vraag',
      'Hoe zorgen we samen dat Noor veilig thuis kan blijven wonen?',
      'De netwerkkaart en het bord',
      'Het netwerk',
      'Wat gaat goed',
      'Waar maken we ons zorgen over',
      'Wat moet er gebeuren',
      'Gevaar en veiligheidsdoelen',
      'Schalen van 0 tot 10',
      'Afspraken',
      'Veiligheidsplan',
      'Wat het kind zegt',
      'Wat is er het meest nodig',
      'Wie hebben ja gezegd',
    ]) {
      expect(text, expected).toContain(expected)
    }
  })

  it('has the agreements as a table, the safety plan with its phone numbers, who agreed and how', () => {
    for (const expected of ['Wie springt in', 'Zo weten we dat het werkt', 'Amira haalt Noor op van school', 'Noor is om half vier thuis', 'elke woensdag', '06-12345678', '+212 612 345 678', '020 765 4321', 'bij Jan-Willem, huisnummer 12', 'mondeling ja, vastgelegd door de gespreksleider', 'zelf bevestigd', '6 van 10', 'Voetbal met Jan-Willem']) {
      expect(flat, expected).toContain(expected)
    }
  })

  it("has the professionals' bottom lines near the top: which agreement answers each, and who ticked it off when", () => {
    expect(text).toContain('Ondergrenzen')
    expect(text.indexOf('Ondergrenzen')).toBeLessThan(text.indexOf('Het netwerk'))
    for (const expected of [
      'Ondergrens Afspraken die hierop antwoorden Afgevinkt',
      'Noor is nooit alleen thuis met papa als hij gedronken heeft.',
      'door Jeroen Smit op 3 mrt 2026, 13:55',
      'Er is elke schooldag een volwassene die Noor opvangt.',
      'nog geen afspraak',
      'nog niet afgevinkt',
    ]) {
      expect(flat, expected).toContain(expected)
    }
    // The first bottom line is answered by the first agreement, in that agreement's words.
    expect(flat).toMatch(/gedronken heeft\. Amira haalt Noor op van school door Jeroen Smit/)
  })

  it('carries the version, the date and page numbers in the footer', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('/usr/bin/pdfinfo', ['-'], { input: pdf }).toString())![1])
    expect(pages).toBeGreaterThan(2)
    expect(text).toContain(`Versie 2 · vastgesteld op 3 maart 2026 · bladzijde 1 van ${pages}`)
    expect(text).toContain(`bladzijde ${pages} van ${pages}`)
  })

  it('renders Arabic and Tifinagh names so that they are extracted whole, in reading order', async () => {
    const parsed = await pdfParseText(pdf)
    for (const extracted of [text, parsed]) {
      expect(extracted).toContain('أمينة الزهراء')
      expect(extracted).toContain('ⵜⴰⵍⴰ Tala')
      // The Dutch sentence with an Arabic name in it keeps its words.
      expect(extracted).toMatch(/Tante[\s\S]{0,4}أمينة الزهراء|أمينة الزهراء[\s\S]{0,4}Tante/)
      expect(extracted).toContain('belt elke dag')
    }
  })

  it('is in English when asked', async () => {
    const english = pdftotext(await renderPlanPdf({ ...input, locale: 'en' }))
    expect(english).toContain('Who said yes')
    expect(english).toContain('Version 2 · agreed on 3 March 2026 · page 1 of')
  })

  it('says when a section is empty instead of leaving it out', async () => {
    const bare = pdftotext(await renderPlanPdf({ ...input, plan: { ...input.plan, agreements: [], safetyPlan: [] }, boardSvg: '' }))
    expect(bare).toContain('Afspraken\nNiets ingevuld.')
    expect(bare).toContain('Er is geen afbeelding van het bord.')
  })
})

describe('renderPlanPdf, redacted', async () => {
  const { input } = sample(true)
  const pdf = await renderPlanPdf(input)

  it('holds no names and no phone numbers, only initials', async () => {
    for (const extracted of [pdftotext(pdf), await pdfParseText(pdf)]) {
      for (const secret of ['Amira El Idrissi', 'أمينة الزهراء', 'أمينة', 'Youssef El Idrissi', 'Jan-Willem de Vries', 'Sanne Bakker', 'Jeroen Smit', 'Fenna de Vries', '06-12345678', '612 345 678', '765 4321', 'ploegendienst']) {
        expect(extracted, secret).not.toContain(secret)
      }
      expect(extracted).toContain('A.E.I. (netwerk)')
      // The same person, written in part in free text, gets the same replacement.
      expect(extracted.replace(/\s+/g, ' ')).toContain('A.E.I. (netwerk) haalt Noor op van')
      expect(extracted).toContain('Versie zonder namen')
      // Who ticked a bottom line off, as initials and role.
      expect(extracted.replace(/\s+/g, ' ')).toContain('door J.S. (professional) op 3')
      // The title (it names the family) is neither the heading nor anywhere else.
      expect(extracted).toContain('Familiegroepsplan (geanonimiseerd)')
      expect(extracted).not.toContain('Idrissi')
      // Arabic initials are letters without full stops: no ".ا.أ" whichever way an extractor reads them.
      expect(extracted).toMatch(/أ ز|ز أ/)
      expect(extracted).not.toMatch(/[\u0600-\u06FF]\./)
      expect(extracted).not.toMatch(/\.[\u0600-\u06FF]/)
    }
  })

  it('carries no title, author, subject or keywords that could name the family', async () => {
    const parser = new PDFParse({ data: new Uint8Array(pdf) })
    try {
      const { info } = await parser.getInfo()
      expect(info?.Title).toBe('Familiegroepsplan (geanonimiseerd)')
      for (const field of ['Author', 'Subject', 'Keywords']) expect(info?.[field], field).toBeUndefined()
      expect(JSON.stringify(info)).not.toContain('Idrissi')
    } finally {
      await parser.destroy()
    }
    const pdfinfo = execFileSync('/usr/bin/pdfinfo', ['-'], { input: pdf }).toString('utf8')
    expect(pdfinfo).toMatch(/^Title:\s+Familiegroepsplan \(geanonimiseerd\)$/m)
    expect(pdfinfo).not.toMatch(/^(Author|Subject|Keywords):/m)
  })

  it('refuses a board image that was not drawn redacted', async () => {
    const { records } = sample(true)
    await expect(renderPlanPdf({ ...input, boardSvg: renderBoardSvg(records, { locale: 'nl', redacted: false }) })).rejects.toThrow(/redacted/)
  })
})
