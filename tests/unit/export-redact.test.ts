import { toRichText } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { createRedactor, familyNamesOf, initials, redactInput, redactPlan, redactRecords, redactorFor, type RecordRedaction } from '../../lib/server/export/redact'
import { redactContactDetails } from '../../lib/server/export/redact-contact'
import { textRuns } from '../../lib/server/export/text/runs'
import { richTextToPlain } from '../../lib/server/export/text/rich-text'
import { emptyPlan, Plan } from '../../lib/plan/schema'
import { sampleBoard } from './export-fixtures'

/**
 * The redacted export: every person (participant or on the board) as initials and role, the same
 * person always the same replacement, in name fields and free text; no phone numbers, e-mail or
 * street addresses, no notes about people, no family name.
 */

const FSI = '\u2068'
const PDI = '\u2069'
const FULL_NAMES = ['Amira El Idrissi', 'أمينة الزهراء', 'Youssef El Idrissi', 'Jan-Willem de Vries', 'Meester Bram', 'Wijkteam Noord', 'Sanne Bakker', 'Jeroen Smit', 'Fenna de Vries']
const PHONES = ['06-12345678', '+212 612 345 678', '020 765 4321', '12345678']

function expectNoNamesOrPhones(text: string): void {
  for (const name of FULL_NAMES) expect(text, name).not.toContain(name)
  for (const phone of PHONES) expect(text, phone).not.toContain(phone)
}

describe('initials', () => {
  it('takes the first letter of every name word, in any script, without titles', () => {
    expect(initials('Amira El Idrissi')).toBe('A.E.I.')
    expect(initials('Jan-Willem de Vries')).toBe('J.W.d.V.')
    expect(initials('ⵜⴰⵍⴰ Tala')).toBe('ⵜ.T.')
    expect(initials('  (Oma) Fatima ')).toBe('F.')
    expect(initials('Tante Amina')).toBe('A.')
    expect(initials('Oma')).toBe('O.')
    expect(initials('')).toBe('')
  })

  it('writes right-to-left initials without full stops, isolated, skipping the article ال', () => {
    expect(initials('أمينة الزهراء')).toBe(`${FSI}أ ز${PDI}`)
    // The bidi algorithm orders the isolate as one piece: right to left inside, in place in a Dutch line.
    const runs = textRuns(`Bel ${initials('أمينة الزهراء')} (netwerk) vandaag`)
    expect(runs.map((run) => run.text).join('|')).toBe('Bel |أ ز| (netwerk) vandaag')
    expect(runs.find((run) => run.rtl)?.text).toBe('أ ز')
  })
})

describe('the redactor', () => {
  const redactor = createRedactor({
    participants: [
      { name: 'Tante Amina', role: 'network' },
      { name: 'Samira', role: 'child' },
      { name: 'Karin Mulder', role: 'observer' },
    ],
    people: [
      { name: 'Amina El Amrani', role: 'network' },
      { name: 'Samira El Amrani', role: 'family' },
      { name: 'أمينة الزهراء', role: 'family' },
      { name: 'Wijkteam Noord', role: 'professional' },
    ],
    familyNames: familyNamesOf('Familie El Amrani'),
    locale: 'nl',
  })

  it('gives one person one replacement, whole name or part, any case, any diacritics, with or without a title', () => {
    const amina = 'A.E.A. (netwerk)'
    for (const written of ['Tante Amina', 'Amina', 'amina', 'AMÍNA', 'Amina El Amrani', 'amina el-amrani', 'tante Amina El Amrani']) {
      expect(redactor.text(`${written} haalt hem op`), written).toBe(`${amina} haalt hem op`)
    }
    expect(redactor.name('Tante Amina')).toBe(amina)
    expect(redactor.name('Amina El Amrani')).toBe(amina)
    // The participant's role wins over the board's group: Samira is the child.
    expect(redactor.text('Tante Amina haalt Samira op')).toBe('A.E.A. (netwerk) haalt S.E.A. (kind) op')
  })

  it('names an observer nowhere, though they are on no board and agreed to nothing', () => {
    expect(redactor.text('Karin Mulder keek mee; Karin schreef het op')).toBe('K.M. (waarnemer) keek mee; K.M. (waarnemer) schreef het op')
  })

  it('turns the family name (from the title, shared by several people) into bare initials', () => {
    expect(familyNamesOf('Familie El Amrani')).toEqual(['El Amrani'])
    expect(familyNamesOf('Gezin van der Berg')).toEqual(['van der Berg'])
    expect(familyNamesOf('Plan voor Noor')).toEqual(['Noor'])
    expect(redactor.text('Familie El Amrani komt samen bij de Amrani’s')).toBe('Familie A. komt samen bij de A.’s')
  })

  it('matches Arabic names without their hamza, vowel marks or final letter forms', () => {
    const arabic = `${FSI}أ ز${PDI} (familie)`
    expect(redactor.text('تتصل أمينة كل مساء')).toBe(`تتصل ${arabic} كل مساء`)
    expect(redactor.text('امينه الزهراء')).toBe(arabic)
    expect(redactor.text('أَمِينَة')).toBe(arabic)
  })

  it('leaves ordinary words, titles and particles alone', () => {
    expect(redactor.text('De juf belt het wijkteam; oma kookt en de buren helpen')).toBe('De juf belt het wijkteam; oma kookt en de buren helpen')
    expect(redactor.text('Amsterdam-Noord')).toBe('Amsterdam-N. (professional)')
  })

  it('redacts the reason a bottom line was ticked off without an agreement, in the plan and on the board', () => {
    const plan = Plan.parse({
      ...emptyPlan(),
      bottomLines: [
        {
          id: 'shape:line',
          text: 'Samira is nooit alleen thuis',
          ticked: true,
          tickedBy: { participantId: 'p-karin', name: 'Karin Mulder' },
          tickedAt: '2026-03-03T12:55:00.000Z',
          answeredBy: [],
          tickReason: 'Tante Amina woont bij hen in, bel 06-12345678',
        },
      ],
    })
    const reason = redactPlan(plan, redactor).bottomLines[0]!.tickReason!
    expect(reason).toContain('A.E.A. (netwerk) woont bij hen in')
    expect(reason).not.toContain('12345678')
    const line = { id: 'shape:line', typeName: 'shape', type: 'kring-bottom-line', props: { text: '', tickedByName: 'Karin Mulder', tickReason: 'Tante Amina regelt het' } }
    const redaction: RecordRedaction = { participants: [{ name: 'Tante Amina', role: 'network' }], familyNames: [], locale: 'nl' }
    expect(JSON.stringify(redactRecords({ 'shape:line': line }, redaction))).not.toContain('Amina')
  })

  it('is idempotent', () => {
    const once = redactor.text('Tante Amina en Samira, امينه en Karin: Familie El Amrani')
    expect(redactor.text(once)).toBe(once)
    expect(redactor.name(redactor.name('Samira El Amrani'))).toBe('S.E.A. (kind)')
  })
})

describe('contact details', () => {
  it('removes phone numbers, e-mail and street addresses, and keeps dates and times', () => {
    expect(redactContactDetails('Bel 06-12345678 of +31 6 1234 5678.').replace(/\s+/g, ' ')).toBe('Bel of .')
    expect(redactContactDetails('Op 12-03-2026 15:30 en om 19:00, in 2026 en 2027')).toBe('Op 12-03-2026 15:30 en om 19:00, in 2026 en 2027')
    expect(redactContactDetails('mail amina.el-amrani@example.org')).toBe('mail ')
    expect(redactContactDetails('woont Kerkstraat 12a').trim()).toBe('woont')
    expect(redactContactDetails('naar Van Goghstraat 3-2 toe').replace(/\s+/g, ' ')).toBe('naar toe')
    expect(redactContactDetails('postcode 1234 AB Utrecht of 3511ab').replace(/\s+/g, ' ').trim()).toBe('postcode of')
    expect(redactContactDetails('de weg 3 keer')).toBe('de weg 3 keer')
  })

  it('leaves tidy text behind', () => {
    const redactor = createRedactor({ locale: 'nl' })
    expect(redactor.text('Amina woont Kerkstraat 12a, 1234 AB Utrecht, mail a@b.nl of bel 06-12345678')).toBe('Amina woont, mail of bel')
  })
})

describe('redactPlan', () => {
  const { plan, input } = sampleBoard()
  const redactor = redactorFor(input)
  const redacted = redactPlan(plan, redactor)

  it('is still a valid plan, with names as initials and role, phones and notes gone', () => {
    expect(Plan.safeParse(redacted).success).toBe(true)
    expectNoNamesOrPhones(JSON.stringify(redacted))
    expect(redacted.people.map((p) => p.name)).toContain('A.E.I. (netwerk)')
    expect(redacted.people.every((p) => p.note === '')).toBe(true)
    expect(redacted.safetyPlan.map((s) => s.contactPhone)).toEqual(['', '', ''])
    expect(redacted.safetyPlan[1]!.contactName).toBe(`${FSI}أ ز${PDI} (netwerk)`)
    expect(redacted.agreements[0]!.owners.map((o) => o.name)).toEqual(['A.E.I. (netwerk)', 'Y.E.I. (familie)'])
    // The children the plan is about (the case-file facts) are named nowhere either.
    expect(redacted.agreements[0]!.what).toBe('A.E.I. (netwerk) haalt N. (kind) op van school')
    expect(redacted.scales[0]!.marks.map((m) => m.name)).toEqual(['S.B. (familie)', 'A.E.I. (netwerk)', `${FSI}أ ز${PDI} (netwerk)`, 'J.S. (professional)'])
    expect(redacted.bottomLines.map((line) => line.tickedBy)).toEqual([{ participantId: 'p-jeroen', name: 'J.S. (professional)' }, null])
  })

  it('keeps what is not about people: ids, ties, rings, texts without names', () => {
    expect(redacted.people.map((p) => [p.id, p.ring, p.group, p.ties])).toEqual(plan.people.map((p) => [p.id, p.ring, p.group, p.ties]))
    expect(redacted.worries.map((w) => w.text)).toEqual(['Papa drinkt als hij boos is', 'N. (kind) is vaak alleen thuis na school', 'Er zijn schulden'])
    expect(redacted.agreements.map((a) => a.when)).toEqual(plan.agreements.map((a) => a.when))
  })

  it('keeps a deleted owner as deleted', () => {
    const withGone = { ...plan, agreements: [{ ...plan.agreements[0]!, owners: [{ id: 'shape:gone', name: null }], backup: null }] }
    expect(redactPlan(withGone, redactor).agreements[0]!.owners).toEqual([{ id: 'shape:gone', name: null }])
  })

  it('is idempotent', () => {
    expect(redactPlan(redacted, redactor)).toEqual(redacted)
  })
})

describe('redactInput', () => {
  it('names none of the children the plan is about (from the case-file facts), though they are no participant and not on the board', () => {
    const { input } = sampleBoard()
    const plan = { ...input.plan, centralQuestion: [{ id: 'shape:q', text: 'Hoe komt Sam veilig thuis? Noor wacht bij het hek.' }] }
    const redacted = redactInput({ ...input, plan: plan as typeof input.plan })
    const question = redacted.plan.centralQuestion[0]!.text
    expect(question).not.toMatch(/\bSam\b|\bNoor\b/)
    expect(question).toContain('S. (kind)')
  })
  it('replaces the title and turns the participants and who agreed into initials and role', () => {
    const { input } = sampleBoard()
    const redacted = redactInput(input)
    expect(redacted.redacted).toBe(true)
    expect(redacted.conference.title).toBe('Familiegroepsplan (geanonimiseerd)')
    expect(redacted.participants.map((p) => p.name)).toEqual(['F.d.V. (gespreksleider)', 'S.B. (familie)', 'A.E.I. (netwerk)', `${FSI}أ ز${PDI} (netwerk)`, 'J.S. (professional)'])
    expect(redacted.version.agreedBy.map((a) => [a.name, a.recordedBy])).toEqual([
      ['S.B. (familie)', null],
      ['A.E.I. (netwerk)', null],
      [`${FSI}أ ز${PDI} (netwerk)`, 'p-fenna'],
      ['J.S. (professional)', null],
    ])
    expectNoNamesOrPhones(JSON.stringify(redacted))
    expect(JSON.stringify(redacted)).not.toContain('Idrissi')
  })

  it('scrubs the free text of everyone on the roster: the facilitator, an observer, someone removed', () => {
    const { input } = sampleBoard()
    expect(input.plan.people.map((p) => p.name)).not.toContain('Fenna de Vries')
    input.plan.goingWell.push({ id: 'shape:fenna', text: 'Fenna belt Noor elke week' })
    input.plan.agreements[0]!.howWeKnow = 'Fenna de Vries vraagt het na; Karin Mulder kijkt mee en buurman Henk ook'
    const redacted = redactInput(input)
    expect(redacted.plan.goingWell.at(-1)!.text).toBe('F.d.V. (gespreksleider) belt N. (kind) elke week')
    expect(redacted.plan.agreements[0]!.howWeKnow).toBe('F.d.V. (gespreksleider) vraagt het na; K.M. (waarnemer) kijkt mee en H. (netwerk) ook')
  })
})

describe('redactRecords', () => {
  const { records, input } = sampleBoard()
  const redaction: RecordRedaction = { participants: input.roster, familyNames: familyNamesOf(input.conference.title), locale: 'nl' }
  const withTldrawText: Record<string, unknown> = {
    ...records,
    'shape:sticky': {
      id: 'shape:sticky',
      typeName: 'shape',
      type: 'note',
      parentId: 'page:board',
      index: 'b1',
      x: 0,
      y: 0,
      rotation: 0,
      isLocked: false,
      opacity: 1,
      meta: {},
      props: { richText: toRichText('Amira El Idrissi belt 06-12345678; Fenna ook'), color: 'yellow', url: 'https://example.org/?tel=0612345678' },
    },
  }
  const redacted = redactRecords(withTldrawText, redaction)

  it('turns names in Kring items into the same replacements as the plan and drops phone numbers and notes', () => {
    const person = redacted['shape:amira'] as { props: { name: string; note: string; relation: string } }
    expect(person.props).toMatchObject({ name: 'A.E.I. (netwerk)', note: '', relation: 'tante' })
    const safety = redacted['shape:safety-0'] as { props: { contactName: string; contactPhone: string } }
    expect(safety.props).toMatchObject({ contactName: 'A.E.I. (netwerk)', contactPhone: '' })
    const mark = redacted['shape:mark-p-oma'] as { props: { name: string } }
    expect(mark.props.name).toBe(`${FSI}أ ز${PDI} (netwerk)`)
    const bottomLine = redacted['shape:bottom-line-0'] as { props: { tickedBy: string; tickedByName: string; text: string } }
    expect(bottomLine.props).toMatchObject({ tickedBy: 'p-jeroen', tickedByName: 'J.S. (professional)', text: 'Noor is nooit alleen thuis met papa als hij gedronken heeft.' })
  })

  it("cleans the text of tldraw's own shapes (participants' names too) and removes their links", () => {
    const sticky = redacted['shape:sticky'] as { props: { richText: unknown; url: string } }
    expect(richTextToPlain(sticky.props.richText)).toBe('A.E.I. (netwerk) belt; F.d.V. (gespreksleider) ook')
    expect(sticky.props.url).toBe('')
  })

  it('leaves no full name or phone number anywhere, and leaves other records alone', () => {
    expectNoNamesOrPhones(JSON.stringify(redacted))
    expect(JSON.stringify(redacted)).not.toContain('Idrissi')
    expect(redacted['binding:tie-amira-start']).toBe(withTldrawText['binding:tie-amira-start'])
  })

  it('is idempotent and never throws on odd records', () => {
    expect(redactRecords(redacted, redaction)).toEqual(redacted)
    const odd = { a: null, b: 7, c: { typeName: 'shape', type: 'kring-person', props: 'nope' }, d: { typeName: 'shape', type: 'kring-person', props: { name: 42 } } }
    expect(redactRecords(odd, redaction)).toEqual(odd)
  })
})
