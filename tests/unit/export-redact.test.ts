import { toRichText } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { initials, participantNames, redactInput, redactPlan, redactRecords, textRedactor } from '../../lib/server/export/redact'
import { richTextToPlain } from '../../lib/server/export/text/rich-text'
import { Plan } from '../../lib/plan/schema'
import { sampleBoard } from './export-fixtures'

/** The redacted export: names as initials, no phone numbers, no notes about people. */

const FULL_NAMES = ['Amira El Idrissi', 'أمينة الزهراء', 'Youssef El Idrissi', 'Jan-Willem de Vries', 'Meester Bram', 'Wijkteam Noord', 'Sanne Bakker', 'Jeroen Smit', 'Fenna de Vries']
const PHONES = ['06-12345678', '+212 612 345 678', '020 765 4321', '12345678']

function expectNoNamesOrPhones(text: string): void {
  for (const name of FULL_NAMES) expect(text, name).not.toContain(name)
  for (const phone of PHONES) expect(text, phone).not.toContain(phone)
}

describe('initials', () => {
  it('takes the first letter of every word, in any script', () => {
    expect(initials('Amira El Idrissi')).toBe('A.E.I.')
    expect(initials('أمينة الزهراء')).toBe('أ.ا.')
    expect(initials('Jan-Willem de Vries')).toBe('J.W.d.V.')
    expect(initials('ⵜⴰⵍⴰ Tala')).toBe('ⵜ.T.')
    expect(initials('  (Oma) Fatima ')).toBe('O.F.')
    expect(initials('')).toBe('')
  })

  it('leaves initials as they are (redacting twice changes nothing)', () => {
    expect(initials('A.E.I.')).toBe('A.E.I.')
    expect(initials(initials('أمينة الزهراء'))).toBe('أ.ا.')
  })
})

describe('free text', () => {
  const redact = textRedactor(['Amira El Idrissi', 'Wijkteam Noord', 'أمينة الزهراء'])

  it('replaces known names, whole or in part, by initials', () => {
    expect(redact('Amira haalt Noor op')).toBe('A. haalt Noor op')
    expect(redact('Bel amira el idrissi of tante El Idrissi')).toBe('Bel A.E.I. of tante El I.')
    expect(redact('تتصل أمينة كل مساء')).toBe('تتصل أ. كل مساء')
  })

  it('leaves ordinary words that happen to be part of a name, written differently', () => {
    expect(redact('De juf belt het wijkteam')).toBe('De juf belt het wijkteam')
  })

  it('removes phone numbers but keeps dates and times', () => {
    expect(redact('Bel 06-12345678 of +31 6 1234 5678.')).toBe('Bel of.')
    expect(redact('Op 12-03-2026 15:30 en om 19:00')).toBe('Op 12-03-2026 15:30 en om 19:00')
  })
})

describe('redactPlan', () => {
  const { plan } = sampleBoard()
  const redacted = redactPlan(plan)

  it('is still a valid plan, with names as initials, phones and notes gone', () => {
    expect(Plan.safeParse(redacted).success).toBe(true)
    expectNoNamesOrPhones(JSON.stringify(redacted))
    expect(redacted.people.map((p) => p.name)).toContain('A.E.I.')
    expect(redacted.people.every((p) => p.note === '')).toBe(true)
    expect(redacted.safetyPlan.map((s) => s.contactPhone)).toEqual(['', '', ''])
    expect(redacted.safetyPlan[1]!.contactName).toBe('أ.ا.')
    expect(redacted.agreements[0]!.owners.map((o) => o.name)).toEqual(['A.E.I.', 'Y.E.I.'])
    expect(redacted.agreements[0]!.what).toBe('A. haalt Noor op van school')
    expect(redacted.scales[0]!.marks.map((m) => m.name)).toEqual(['S.', 'A.E.I.', 'أ.ا.', 'J.S.'])
    expect(redacted.bottomLines.map((line) => line.tickedBy)).toEqual([{ participantId: 'p-jeroen', name: 'J.S.' }, null])
    expect(redacted.bottomLines.map((line) => [line.id, line.text, line.answeredBy])).toEqual(plan.bottomLines.map((line) => [line.id, line.text, line.answeredBy]))
  })

  it('keeps what is not about people: ids, ties, rings, texts without names', () => {
    expect(redacted.people.map((p) => [p.id, p.ring, p.group, p.ties])).toEqual(plan.people.map((p) => [p.id, p.ring, p.group, p.ties]))
    expect(redacted.worries).toEqual(plan.worries)
    expect(redacted.agreements.map((a) => a.when)).toEqual(plan.agreements.map((a) => a.when))
  })

  it('keeps a deleted owner as deleted', () => {
    const withGone = { ...plan, agreements: [{ ...plan.agreements[0]!, owners: [{ id: 'shape:gone', name: null }], backup: null }] }
    expect(redactPlan(withGone).agreements[0]!.owners).toEqual([{ id: 'shape:gone', name: null }])
  })

  it('is idempotent', () => {
    expect(redactPlan(redacted)).toEqual(redacted)
  })
})

describe('redactInput', () => {
  it('also turns the participants and who agreed into initials', () => {
    const { input } = sampleBoard()
    const redacted = redactInput(input)
    expect(redacted.redacted).toBe(true)
    expect(redacted.participants.map((p) => p.name)).toEqual(['F.d.V.', 'S.B.', 'A.E.I.', 'أ.ا.', 'J.S.'])
    expect(redacted.version.agreedBy.map((a) => [a.name, a.recordedBy])).toEqual([
      ['S.B.', null],
      ['A.E.I.', null],
      ['أ.ا.', 'p-fenna'],
      ['J.S.', null],
    ])
    expectNoNamesOrPhones(JSON.stringify(redacted))
  })

  it('scrubs the free text of participants who are no person on the board (the facilitator here)', () => {
    const { input } = sampleBoard()
    expect(input.plan.people.map((p) => p.name)).not.toContain('Fenna de Vries')
    input.plan.goingWell.push({ id: 'shape:fenna', text: 'Fenna belt Noor elke week' })
    input.plan.agreements[0]!.howWeKnow = 'Fenna de Vries vraagt het na'
    const redacted = redactInput(input)
    expect(redacted.plan.goingWell.at(-1)!.text).toBe('F. belt Noor elke week')
    expect(redacted.plan.agreements[0]!.howWeKnow).toBe('F.d.V. vraagt het na')
  })
})

describe('participantNames', () => {
  it('are the participants and who agreed, for the board image to scrub as well', () => {
    const { input, records } = sampleBoard()
    expect(participantNames(input)).toEqual(expect.arrayContaining(['Fenna de Vries', 'Sanne Bakker', 'Jeroen Smit']))
    const card = { id: 'shape:fenna', typeName: 'shape', type: 'kring-card', props: { kind: 'going-well', text: 'Fenna belt Noor' } }
    expect((redactRecords({ ...records, [card.id]: card })[card.id] as typeof card).props.text).toBe('Fenna belt Noor')
    expect((redactRecords({ ...records, [card.id]: card }, participantNames(input))[card.id] as typeof card).props.text).toBe('F. belt Noor')
  })
})

describe('redactRecords', () => {
  const { records } = sampleBoard()
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
      props: { richText: toRichText('Amira El Idrissi belt 06-12345678'), color: 'yellow', url: 'https://example.org/?tel=0612345678' },
    },
  }
  const redacted = redactRecords(withTldrawText)

  it('turns names in Kring items into initials and drops phone numbers and notes', () => {
    const person = redacted['shape:amira'] as { props: { name: string; note: string; relation: string } }
    expect(person.props).toMatchObject({ name: 'A.E.I.', note: '', relation: 'tante' })
    const safety = redacted['shape:safety-0'] as { props: { contactName: string; contactPhone: string } }
    expect(safety.props).toMatchObject({ contactName: 'A.E.I.', contactPhone: '' })
    const mark = redacted['shape:mark-p-oma'] as { props: { name: string } }
    expect(mark.props.name).toBe('أ.ا.')
    const bottomLine = redacted['shape:bottom-line-0'] as { props: { tickedBy: string; tickedByName: string; text: string } }
    expect(bottomLine.props).toMatchObject({ tickedBy: 'p-jeroen', tickedByName: 'J.S.', text: 'Noor is nooit alleen thuis met papa als hij gedronken heeft.' })
  })

  it("cleans the text of tldraw's own shapes and removes their links", () => {
    const sticky = redacted['shape:sticky'] as { props: { richText: unknown; url: string } }
    expect(richTextToPlain(sticky.props.richText)).toBe('A.E.I. belt')
    expect(sticky.props.url).toBe('')
  })

  it('leaves no full name or phone number anywhere, and leaves other records alone', () => {
    expectNoNamesOrPhones(JSON.stringify(redacted))
    expect(redacted['page:board']).toBe(withTldrawText['page:board'])
    expect(redacted['binding:tie-amira-start']).toBe(withTldrawText['binding:tie-amira-start'])
  })

  it('is idempotent and never throws on odd records', () => {
    expect(redactRecords(redacted)).toEqual(redacted)
    const odd = { a: null, b: 7, c: { typeName: 'shape', type: 'kring-person', props: 'nope' }, d: { typeName: 'shape', type: 'kring-person', props: { name: 42 } } }
    expect(redactRecords(odd)).toEqual(odd)
  })
})
