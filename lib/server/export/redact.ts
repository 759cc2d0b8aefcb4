import type { Plan, PersonRef } from '../../plan/schema'
import type { ExportInput } from './input'

/**
 * The redacted export (issue 3, section 7): people's names become initials ("Amira El Idrissi" →
 * "A.E.I.", "أمينة الزهراء" → "أ.ا."), phone numbers and notes about people are left out.
 *
 * Names are not only in name fields: people write "Amira haalt Noor op" on a card. So every free
 * text also gets each known name (and each longer part of it) replaced by initials, and anything
 * that looks like a phone number removed. That is a safety net, not a guarantee: a name that is
 * misspelt, or handwriting on the board, stays as it is.
 *
 * Every function here is idempotent (redacting twice gives the same result) and pure.
 */

const ALREADY_INITIALS = /^(?:\p{L}\p{M}*\.)+$/u
const WORD_SEPARATOR = /[\s\-\u2010\u2011]+/u
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' })

/** "Amira El Idrissi" → "A.E.I.": the first letter of each word (any script), each with a dot. */
export function initials(name: string): string {
  const trimmed = name.trim()
  if (trimmed === '' || ALREADY_INITIALS.test(trimmed)) return trimmed
  return trimmed
    .split(WORD_SEPARATOR)
    .map((word) => {
      const fromLetter = word.replace(/^[^\p{L}]+/u, '')
      const first = graphemes.segment(fromLetter)[Symbol.iterator]().next().value?.segment
      return first ? `${first}.` : ''
    })
    .join('')
}

/** Digits with the usual separators, at least 9 digits: phone numbers (and other long numbers). */
// Not followed by a digit or ":digit", so a date and time ("12-03-2026 15:30") is not taken for one.
const PHONE_LIKE = /(?<![\p{N}])\+?\(?\p{N}[\p{N}\s().\-/]{6,}\p{N}(?![\p{N}]|:\p{N})/gu

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Replaces the known names in free text by initials and removes phone numbers. */
export interface TextRedactor {
  (text: string): string
}

/**
 * A redactor for these names: a whole name in any case ("amira el idrissi"), then each part of a
 * name of three letters or more as it is written in the name ("Amira", "Idrissi"). Parts match
 * case-sensitively so that a name like "Wijkteam Noord" leaves "het wijkteam" alone.
 */
export function textRedactor(names: Iterable<string>): TextRedactor {
  const whole = new Map<string, string>()
  const parts = new Map<string, string>()
  for (const raw of names) {
    const name = raw.trim()
    if (name === '' || ALREADY_INITIALS.test(name)) continue
    whole.set(name.toLocaleLowerCase(), initials(name))
    for (const part of name.split(WORD_SEPARATOR)) {
      const letters = part.replace(/^[^\p{L}]+|[^\p{L}\p{M}]+$/gu, '')
      if ([...letters].length >= 3) parts.set(letters, initials(letters))
    }
  }
  const pattern = (keys: string[], flags: string) =>
    keys.length === 0
      ? null
      : new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${keys.sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?![\\p{L}\\p{M}\\p{N}])`, flags)
  const wholePattern = pattern([...whole.keys()], 'giu')
  const partPattern = pattern([...parts.keys()], 'gu')
  return (text) => {
    let result = wholePattern ? text.replace(wholePattern, (match) => whole.get(match.toLocaleLowerCase()) ?? initials(match)) : text
    if (partPattern) result = result.replace(partPattern, (match) => parts.get(match) ?? initials(match))
    result = result.replace(PHONE_LIKE, (match) => ((match.match(/\p{N}/gu)?.length ?? 0) >= 9 ? '' : match))
    return result.replace(/[ \t]{2,}/g, ' ').replace(/ +([.,;:!?])/g, '$1')
  }
}

/** Every name that appears in a plan (people, owners, backups, scale marks, safety contacts, who ticked a bottom line off). */
export function planNames(plan: Plan): string[] {
  const names = new Set<string>()
  const add = (name: string | null | undefined) => {
    if (name) names.add(name)
  }
  for (const person of plan.people) add(person.name)
  for (const agreement of plan.agreements) {
    for (const owner of agreement.owners) add(owner.name)
    add(agreement.backup?.name)
  }
  for (const scale of plan.scales) for (const mark of scale.marks) add(mark.name)
  for (const item of plan.safetyPlan) add(item.contactName)
  for (const line of plan.bottomLines) add(line.tickedBy?.name)
  return [...names]
}

/** The plan with names as initials, phone numbers and notes about people left out. */
export function redactPlan(plan: Plan, extraNames: Iterable<string> = []): Plan {
  const text = textRedactor([...planNames(plan), ...extraNames])
  const ref = (person: PersonRef): PersonRef => ({ ...person, name: person.name === null ? null : initials(person.name) })
  const texts = <T extends { text: string }>(items: T[]): T[] => items.map((item) => ({ ...item, text: text(item.text) }))
  return {
    ...plan,
    centralQuestion: texts(plan.centralQuestion),
    bottomLines: plan.bottomLines.map((line) => ({
      ...line,
      text: text(line.text),
      tickedBy: line.tickedBy ? { ...line.tickedBy, name: initials(line.tickedBy.name) } : null,
    })),
    people: plan.people.map((person) => ({ ...person, name: initials(person.name), relation: text(person.relation), note: '' })),
    goingWell: texts(plan.goingWell),
    worries: texts(plan.worries),
    nextSteps: texts(plan.nextSteps),
    dangers: plan.dangers.map((d) => ({ ...d, danger: text(d.danger), goal: text(d.goal) })),
    scales: plan.scales.map((scale) => ({
      ...scale,
      question: text(scale.question),
      marks: scale.marks.map((mark) => ({ ...mark, name: initials(mark.name) })),
    })),
    agreements: plan.agreements.map((a) => ({
      ...a,
      what: text(a.what),
      owners: a.owners.map(ref),
      when: text(a.when),
      backup: a.backup ? ref(a.backup) : null,
      howWeKnow: text(a.howWeKnow),
    })),
    safetyPlan: plan.safetyPlan.map((item) => ({
      ...item,
      signal: text(item.signal),
      action: text(item.action),
      contactName: initials(item.contactName),
      contactPhone: '',
      safePlace: text(item.safePlace),
    })),
    childVoice: {
      ...plan.childVoice,
      worries: texts(plan.childVoice.worries),
      goodThings: texts(plan.childVoice.goodThings),
      dreams: texts(plan.childVoice.dreams),
    },
    needs: texts(plan.needs),
  }
}

/**
 * The names of the people who took part (the facilitator and who agreed). They are scrubbed from
 * every free text of the export, the plan's and the board image's, also when they are no person on
 * the board: "Tante Amina haalt Noor op" is written about someone who only sat at the table.
 */
export function participantNames(input: { participants: readonly { name: string }[]; version: { agreedBy: readonly { name: string }[] } }): string[] {
  return [...input.participants.map((p) => p.name), ...input.version.agreedBy.map((a) => a.name)]
}

/** The whole export input redacted: the plan, the participants and who agreed. */
export function redactInput(input: ExportInput): ExportInput {
  return {
    ...input,
    redacted: true,
    participants: input.participants.map((p) => ({ ...p, name: initials(p.name) })),
    version: { ...input.version, agreedBy: input.version.agreedBy.map((a) => ({ ...a, name: initials(a.name) })) },
    plan: redactPlan(input.plan, participantNames(input)),
  }
}

type JsonObject = Record<string, unknown>

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Name fields of the Kring items, per shape type. */
const NAME_PROPS: Record<string, string[]> = {
  'kring-person': ['name'],
  'kring-scale-mark': ['name'],
  'kring-safety-item': ['contactName'],
  'kring-bottom-line': ['tickedByName'],
}

/** Free-text fields of the Kring items, per shape type. */
const TEXT_PROPS: Record<string, string[]> = {
  'kring-person': ['relation'],
  'kring-card': ['text'],
  'kring-danger': ['danger', 'goal'],
  'kring-scale': ['question'],
  'kring-agreement': ['what', 'when', 'howWeKnow'],
  'kring-safety-item': ['signal', 'action', 'safePlace'],
  'kring-house-card': ['text'],
  'kring-bottom-line': ['text'],
  frame: ['name'],
}

/** Left out entirely. */
const DROPPED_PROPS: Record<string, Record<string, string>> = {
  'kring-person': { note: '' },
  'kring-safety-item': { contactPhone: '' },
}

/** A tldraw rich text (TipTap JSON) with every text node passed through `text`. */
function redactRichText(node: unknown, text: TextRedactor): unknown {
  if (Array.isArray(node)) return node.map((child) => redactRichText(child, text))
  if (!isObject(node)) return node
  const copy: JsonObject = { ...node }
  if (typeof copy.text === 'string') copy.text = text(copy.text)
  if (Array.isArray(copy.content)) copy.content = redactRichText(copy.content, text)
  // A link's address may hold a name or number too.
  if (Array.isArray(copy.marks)) copy.marks = copy.marks.filter((mark) => !(isObject(mark) && mark.type === 'link'))
  return copy
}

/** Every name written in the board's Kring items. */
export function recordNames(records: Record<string, unknown>): string[] {
  const names = new Set<string>()
  for (const record of Object.values(records)) {
    if (!isObject(record) || record.typeName !== 'shape' || !isObject(record.props)) continue
    for (const prop of NAME_PROPS[String(record.type)] ?? []) {
      const value = record.props[prop]
      if (typeof value === 'string' && value.trim() !== '') names.add(value)
    }
  }
  return [...names]
}

/**
 * The board's records redacted the same way: names in Kring items as initials, their phone
 * numbers and notes left out, and the free text of Kring items and of tldraw's text, note, geo,
 * arrow and frame shapes cleaned of known names and phone numbers. Links are removed. Drawings and
 * images are not touched here (the board renderer does not draw images).
 */
export function redactRecords(records: Record<string, unknown>, extraNames: Iterable<string> = []): Record<string, unknown> {
  const text = textRedactor([...recordNames(records), ...extraNames])
  const result: Record<string, unknown> = {}
  for (const [id, record] of Object.entries(records)) {
    if (!isObject(record) || record.typeName !== 'shape' || !isObject(record.props)) {
      result[id] = record
      continue
    }
    const type = String(record.type)
    const props: JsonObject = { ...record.props }
    for (const prop of NAME_PROPS[type] ?? []) if (typeof props[prop] === 'string') props[prop] = initials(props[prop])
    for (const prop of TEXT_PROPS[type] ?? []) if (typeof props[prop] === 'string') props[prop] = text(props[prop])
    for (const [prop, value] of Object.entries(DROPPED_PROPS[type] ?? {})) if (prop in props) props[prop] = value
    if ('richText' in props) props.richText = redactRichText(props.richText, text)
    if (typeof props.url === 'string') props.url = ''
    result[id] = { ...record, props }
  }
  return result
}
