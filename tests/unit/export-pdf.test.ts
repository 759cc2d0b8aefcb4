import { execFileSync } from 'node:child_process'
import { PDFParse } from 'pdf-parse'
import { describe, expect, it } from 'vitest'
import { renderBoardSvg } from '../../lib/server/export/board-svg'
import { renderPlanPdf } from '../../lib/server/export/pdf'
import { emptyFacts } from '../../lib/conference/facts'
import { emptyPlan } from '../../lib/plan/schema'
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
    const english = pdftotext(await renderPlanPdf({ ...input, locale: 'en', boardSvg: '' }))
    expect(english).toContain('Who said yes')
    expect(english).toContain('Version 2 · agreed on 3 March 2026 · page 1 of')
  })

  it('leaves empty sections out instead of printing "Niets ingevuld"', async () => {
    const bare = pdftotext(await renderPlanPdf({ ...input, plan: { ...input.plan, safetyPlan: [], needs: [], dangers: [] }, boardSvg: '' }))
    expect(bare).not.toContain('Niets ingevuld')
    expect(bare).not.toContain('Veiligheidsplan')
    expect(bare).not.toContain('Wat is er het meest nodig')
    expect(bare).toContain('Er is geen afbeelding van het bord.')
    const nothing = pdftotext(await renderPlanPdf({ ...input, plan: emptyPlan(), boardSvg: '' }))
    expect(nothing).not.toContain('Niets ingevuld')
    // A case file always says whether anything was agreed.
    expect(nothing).toContain('Er zijn geen afspraken gemaakt in deze versie.')
    expect(pdftotext(pdf)).not.toContain('Niets ingevuld')
  })
})

describe('renderPlanPdf, the case-file cover', async () => {
  const { input } = sample(false)
  const pdf = await renderPlanPdf(input)
  const text = pdftotext(pdf)
  const flat = pdftotext(pdf, true).replace(/\s+/g, ' ')
  const firstPage = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', '-f', '1', '-l', '1', '-raw', '-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, ' ')

  it('has the date, time and place, the children, the organisation and the review date on page 1', () => {
    for (const expected of [
      'Datum en tijd 3 maart 2026, 10:30 uur',
      'Plaats Buurthuis De Kring, Utrecht en online',
      'Over Noor (9 jaar), Sam (12 jaar)',
      'Organisatie van de gespreksleider Eigen Kracht Centrale',
      'Evaluatie gepland op 14 april 2026',
    ]) {
      expect(firstPage, expected).toContain(expected)
    }
  })

  it('says how each person took part: phone, computer, or a spoken yes the facilitator recorded', () => {
    expect(firstPage).toContain('Sanne Bakker Gezin via telefoon')
    expect(firstPage).toContain('Amira El Idrissi Netwerk via telefoon en computer')
    expect(firstPage).toContain('mondeling ja, vastgelegd door de gespreksleider')
    expect(firstPage).toContain('Fenna de Vries Gespreksleider via computer')
  })

  it('shows for each agreement what it answers: the worry and the bottom line', () => {
    expect(flat).toMatch(/Amira haalt Noor op van school .{0,200}Antwoord op: zorg: Papa drinkt als hij boos is; ondergrens: Noor is nooit alleen thuis met papa als hij gedronken heeft\./)
  })

  it("has a person's note in the network", () => {
    expect(text).toContain('Notitie')
    expect(flat).toContain('Werkt in ploegendienst')
  })

  it('has the board legible: the whole board, then each area with something on it on a page of its own', () => {
    expect(text).toContain('De netwerkkaart en het bord')
    // A page with only an area's title and its image (issue 11): one per area that has items.
    const pages = pagesOf(pdf)
    for (const title of ['Netwerkcirkel', 'Drie kolommen', 'Afspraken', 'Veiligheidsplan', 'Drie huizen']) {
      expect(pages.some((page) => page === title || page.startsWith(`${title} (1/`)), title).toBe(true)
    }
  })

  it('marks facts that were not frozen with the version, and has no cover facts when there are none', async () => {
    const notFrozen = pdftotext(await renderPlanPdf({ ...input, facts: { ...input.facts!, frozen: false }, boardSvg: '' }))
    expect(notFrozen).toContain('niet met deze versie vastgelegd')
    const none = pdftotext(await renderPlanPdf({ ...input, facts: { values: emptyFacts(), frozen: true }, boardSvg: '' }))
    expect(none).toContain('Datum, plaats en de kinderen om wie het gaat zijn niet ingevuld.')
  })
})

/** Each page's text without its footer line. */
function pagesOf(pdf: Uint8Array): string[] {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('/usr/bin/pdfinfo', ['-'], { input: pdf }).toString())![1])
  return Array.from({ length: pages }, (_, i) =>
    execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', '-f', String(i + 1), '-l', String(i + 1), '-', '-'], { input: pdf })
      .toString('utf8')
      .replace(/Versie \d+ · vastgesteld op .* · bladzijde \d+ van \d+/, '')
      .trim(),
  )
}

describe('renderPlanPdf, page breaks', () => {
  it('moves a section title that would end a page to the next page, and loses nothing on the way', async () => {
    // A small plan whose last section, who said yes, starts at the foot of page 1 (as in the e2e test).
    const { input } = sampleBoard()
    const plan = emptyPlan()
    plan.agreements.push({ ...input.plan.agreements[0]!, answers: [] })
    plan.safetyPlan.push(input.plan.safetyPlan[0]!)
    plan.people.push(input.plan.people[0]!, input.plan.people[1]!)
    const pages = pagesOf(await renderPlanPdf({ ...input, plan, version: { ...input.version, agreedBy: input.version.agreedBy.slice(0, 1) }, participants: input.participants.slice(0, 2) }))
    expect(pages).toHaveLength(2)
    expect(pages[0]).not.toContain('Wie hebben ja gezegd')
    expect(pages[1]!.startsWith('Wie hebben ja gezegd')).toBe(true)
    expect(pages[1]).toContain('Sanne Bakker')
    for (const [i, page] of pages.entries()) expect(page, `page ${i + 1}`).not.toBe('')
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
      expect(extracted.replace(/\s+/g, ' ')).toContain('A.E.I. (netwerk) haalt N. (kind) op van')
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
      // The children by initial and age; the place (it can be someone's home) left out.
      expect(extracted).toMatch(/N\. \(9 jaar\), S\. \(12 jaar\)/)
      expect(extracted).not.toContain('Buurthuis')
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
