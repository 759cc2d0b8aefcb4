import type { PersonGroup } from '../../board/items'
import type { ParticipantRole } from '../../conference/model'
import { type Locale } from '../../i18n'
import { createTranslator } from '../../i18n/catalogs'
import type { Plan, PersonRef } from '../../plan/schema'
import type { ExportInput } from './input'
import { redactContactDetails } from './redact-contact'
import { fold, foldedWithOffsets } from './text/fold'

/**
 * The redacted export (issue 3 section 7, issue 11 part 3): nobody is named. Every person, a
 * participant of the conference (also observers and people removed or revoked since) or a person
 * on the board, becomes their initials and their role, "A.E.A. (netwerk)", and the same person gets
 * the same replacement everywhere: in name fields, in every free text, on the board image.
 *
 * Free text is matched on whole words, case- and diacritics-insensitively ("amina", "Amína",
 * "أمينه"/"امينه"), on the whole name and on every part of it: "Tante Amina", "Amina" and
 * "Amina El Amrani" are one person. A part shared by several people ("El Amrani", the family
 * name, also taken from the conference title) becomes its bare initials ("E.A."). Kinship and
 * courtesy words ("tante", "oma", "meester") and name particles ("de", "van", "el") are never
 * matched on their own, so "de juf" and "oma kookt" stay readable. Phone numbers, e-mail addresses
 * and street addresses are removed (redact-contact.ts).
 *
 * That is a safety net, not a guarantee: a misspelt name or handwriting on the board stays as it is.
 * Every function here is pure and idempotent (redacting twice gives the same result).
 */

/** A role a replacement names: a participant's role, or the group of a person on the board. */
export type RedactionRole = ParticipantRole | PersonGroup

/** Someone whose name must not appear: a participant or a person on the board. */
export interface KnownPerson {
  name: string
  role: RedactionRole
}

const WORD_SEPARATOR = /[\s\-\u2010\u2011]+/u
const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' })
/** First strong isolate … pop directional isolate: right-to-left initials keep their order in any sentence. */
const FSI = '\u2068'
const PDI = '\u2069'

/**
 * Words that are not a name by themselves (folded): kinship and courtesy titles, name particles
 * and words institutions put before a name. They are left out of initials ("Tante Amina" → "A.")
 * and never matched alone; inside a longer name ("Jan-Willem de Vries") they still are.
 */
const TITLES = [
  'tante', 'oom', 'opa', 'oma', 'opi', 'omi', 'neef', 'nicht', 'broer', 'zus', 'zuster', 'mama', 'papa', 'moeder', 'vader',
  'mam', 'pap', 'juf', 'meester', 'mevrouw', 'meneer', 'mevr', 'mw', 'dhr', 'heer', 'dokter', 'dr', 'mr', 'mrs', 'ms',
  'drs', 'ir', 'ing', 'buurman', 'buurvrouw', 'stiefvader', 'stiefmoeder', 'pleegmoeder', 'pleegvader', 'baby',
]
/** Name particles: part of a family name ("El Amrani", "van Dijk"), never a name alone. */
const PARTICLES = new Set(
  ['de', 'den', 'der', 'van', 'von', 'het', 't', 'te', 'ten', 'ter', 'op', 'in', 'la', 'le', 'du', 'da', 'di', 'dos', 'das', 'del', 'el', 'al', 'ال', 'bin', 'ibn', 'bint', 'abu', 'ould'].map(fold),
)
const ORDINARY = [
  'en', 'of', 'familie', 'fam', 'gezin', 'wijkteam', 'team', 'school', 'jeugdbescherming', 'gemeente', 'plan', 'beraad', 'conferentie',
  'evaluatie', 'familiegroepsplan', 'veiligheidsplan', 'netwerkkaart', 'familienetwerkberaad', 'eigen', 'kracht', 'voor',
  'met', 'bij', 'na', 'nieuw', 'nieuwe', 'januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus',
  'september', 'oktober', 'november', 'december', 'deel',
]
const NOT_A_NAME = new Set([...TITLES.map(fold), ...PARTICLES, ...ORDINARY.map(fold)])

/** The words of a name, without leading or trailing punctuation. */
function wordsOf(name: string): string[] {
  return name
    .trim()
    .split(WORD_SEPARATOR)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{M}\p{N}]+$/gu, ''))
    .filter((word) => word !== '')
}

/** The words that make the name: without "Tante" or "Meester", unless there is nothing else. */
function nameWords(name: string): string[] {
  const words = wordsOf(name)
  const named = words.filter((word, i) => !NOT_A_NAME.has(fold(word)) || (i > 0 && isParticle(words, i)))
  return named.length > 0 ? named : words
}

/** "de" in "Jan-Willem de Vries" belongs to the name: a particle between two name words. */
function isParticle(words: string[], i: number): boolean {
  return i < words.length - 1 && !NOT_A_NAME.has(fold(words[i + 1]!)) && !NOT_A_NAME.has(fold(words[i - 1]!))
}

/** The initial of one word: its first letter; an Arabic article (ال) is skipped, as people abbreviate. */
function initialOf(word: string): { letter: string; rtl: boolean } | null {
  let letters = word.replace(/^[^\p{L}]+/u, '')
  if (/^ال\p{L}{2,}/u.test(letters)) letters = letters.slice(2)
  const letter = graphemes.segment(letters)[Symbol.iterator]().next().value?.segment
  return letter ? { letter, rtl: RTL_SCRIPT.test(letter) } : null
}

/**
 * Initials of a name: "Amira El Idrissi" → "A.E.I.", "Tante Amina" → "A.". Right-to-left letters
 * get no full stop (it would land on the wrong side, ".ا.أ") but a space between them, and the
 * whole is isolated (FSI…PDI), so "أمينة الزهراء" → "⁨أ ز⁩" reads right in a Dutch sentence.
 */
export function initials(name: string): string {
  const parts = nameWords(name)
    .map(initialOf)
    .filter((part) => part !== null)
  if (parts.length === 0) return ''
  if (!parts.some((part) => part.rtl)) return parts.map((part) => `${part.letter}.`).join('')
  return `${FSI}${parts.map((part) => (part.rtl ? part.letter : `${part.letter}.`)).join(' ')}${PDI}`
}

/** A replacement as this module writes it: initials, a space and the role in brackets. */
const REPLACEMENT = /^(?:\u2068[^\u2069]*\u2069|(?:\p{L}\p{M}*\.)+) \([\p{L} ]+\)$/u
const BARE_INITIALS = /^(?:\u2068[^\u2069]*\u2069|(?:\p{L}\p{M}*\.)+)$/u

interface Entity {
  /** The words of the longest name this person goes by, folded. */
  folded: string[]
  words: string[]
  role: RedactionRole
  /** A participant's role says more than a board group; it wins when both name one person. */
  fromParticipant: boolean
}

function containsRun(haystack: string[], needle: string[]): boolean {
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    if (needle.every((word, j) => haystack[i + j] === word)) return true
  }
  return false
}

/** Does this run of words name someone (not only particles, titles or single letters)? */
function isNameRun(folded: string[]): boolean {
  return folded.some((word) => [...word].length >= 2 && !NOT_A_NAME.has(word))
}

/** People with the same name, or one whose name is part of another's ("Amina" in "Amina El Amrani"), are one. */
function entitiesOf(people: Iterable<KnownPerson & { participant?: boolean }>): Entity[] {
  const candidates = [...people]
    // A name already redacted (a second pass) is nobody's name: "(netwerk)" must stay.
    .filter((person) => !REPLACEMENT.test(person.name.trim()) && !BARE_INITIALS.test(person.name.trim()))
    .map((person) => ({ ...person, words: nameWords(person.name) }))
    .filter((person) => isNameRun(person.words.map(fold)))
    .sort((a, b) => b.words.length - a.words.length)
  const entities: Entity[] = []
  for (const person of candidates) {
    const folded = person.words.map(fold)
    const containing = entities.filter((entity) => containsRun(entity.folded, folded))
    if (containing.length === 1) {
      const entity = containing[0]!
      if (person.participant && !entity.fromParticipant) Object.assign(entity, { role: person.role, fromParticipant: true })
      continue
    }
    entities.push({ folded, words: person.words, role: person.role, fromParticipant: person.participant === true })
  }
  return entities
}

export interface Redactor {
  /** A name field: the person's replacement ("A.E.A. (netwerk)"). */
  name(name: string): string
  /** Free text: every known name replaced, phone numbers, e-mail and street addresses removed. */
  text(text: string): string
}

export interface RedactorInput {
  /** Participants of the conference (everyone on the roster, whatever became of them). */
  participants?: Iterable<KnownPerson>
  /** People on the board (their group is the role). */
  people?: Iterable<KnownPerson>
  /** Names without a person: the conference title ("Familie El Amrani" gives "El Amrani"). */
  familyNames?: Iterable<string>
  locale: Locale
}

/**
 * The family's name in a conference title: its capitalised (or uncased-script) words that are not
 * ordinary ones, with the particles among or before them ("Familie El Amrani" → "El Amrani").
 */
export function familyNamesOf(title: string): string[] {
  const runs: string[][] = []
  const current: string[] = []
  for (const word of wordsOf(title)) {
    const folded = fold(word)
    const isName = !NOT_A_NAME.has(folded) && [...folded].length >= 2 && !/^\p{Ll}/u.test(word) && /\p{L}/u.test(word)
    if (isName || PARTICLES.has(folded)) current.push(word)
    else if (current.length > 0) runs.push(current.splice(0))
  }
  if (current.length > 0) runs.push(current)
  return runs
    .map((run) => {
      while (run.length > 0 && PARTICLES.has(fold(run[run.length - 1]!))) run.pop()
      return run
    })
    .filter((run) => isNameRun(run.map(fold)))
    .map((run) => run.join(' '))
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export function createRedactor(input: RedactorInput): Redactor {
  const t = createTranslator(input.locale)
  const label = (role: RedactionRole) => t(`exports.redact.role.${role}`)
  const entities = entitiesOf([
    ...[...(input.participants ?? [])].map((p) => ({ ...p, participant: true })),
    ...(input.people ?? []),
  ])
  const replacementOf = (entity: Entity) => `${initials(entity.words.join(' '))} (${label(entity.role)})`

  // Every run of words of every name → who it names; a run that names several people is a family name.
  const owners = new Map<string, { words: string[]; entities: Set<Entity> }>()
  for (const entity of entities) {
    for (let from = 0; from < entity.folded.length; from++) {
      for (let to = from + 1; to <= entity.folded.length; to++) {
        const run = entity.folded.slice(from, to)
        if (!isNameRun(run) || (run.length === 1 && (NOT_A_NAME.has(run[0]!) || [...run[0]!].length < 2))) continue
        const key = run.join(' ')
        const entry = owners.get(key) ?? { words: entity.words.slice(from, to), entities: new Set() }
        entry.entities.add(entity)
        owners.set(key, entry)
      }
    }
  }
  const replacements = new Map<string, string>()
  for (const [key, { words, entities: named }] of owners) {
    replacements.set(key, named.size === 1 ? replacementOf([...named][0]!) : initials(words.join(' ')))
  }
  // A family name names the family, not one of them: "El Amrani" is "E.A." even if only Amina has it.
  for (const familyName of input.familyNames ?? []) {
    const words = wordsOf(familyName)
    for (let from = 0; from < words.length; from++) {
      const run = words.slice(from)
      const key = run.map(fold).join(' ')
      if (isNameRun(run.map(fold)) && !(run.length === 1 && NOT_A_NAME.has(key))) replacements.set(key, initials(run.join(' ')))
      if (!PARTICLES.has(fold(words[from]!))) break
    }
  }

  const keys = [...replacements.keys()].sort((a, b) => b.length - a.length)
  const gap = '[\\s\\-\\u2010\\u2011]+'
  // A title before a name goes with it: "Tante Amina" is replaced whole, "oma kookt" stays.
  const titles = TITLES.map(fold).sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')
  const pattern =
    keys.length === 0
      ? null
      : new RegExp(
          `(?<![\\p{L}\\p{M}\\p{N}])(?:(?:${titles})\\.?\\s+)?(${keys.map((key) => key.split(' ').map(escapeRegExp).join(gap)).join('|')})(?![\\p{L}\\p{M}\\p{N}])`,
          'gu',
        )

  const names = (text: string): string => {
    if (!pattern) return text
    const { folded, start, end } = foldedWithOffsets(text)
    let result = ''
    let at = 0
    for (const match of folded.matchAll(pattern)) {
      const from = start[match.index]!
      const to = end[match.index + match[0].length - 1]!
      const key = match[1]!.split(/[\s\-\u2010\u2011]+/u).join(' ')
      result += text.slice(at, from) + (replacements.get(key) ?? initials(text.slice(from, to)))
      at = to
    }
    return result + text.slice(at)
  }

  // Contact details first: an e-mail address is removed whole, not with a name replaced inside it.
  const text = (value: string): string =>
    names(redactContactDetails(value))
      .replace(/[ \t]{2,}/g, ' ')
      .replace(/ +([.,;:!?])/g, '$1')
      .replace(/([,;])(?:\s*[,;])+/g, '$1')
      .replace(/^[ ,;]+|[ ,;]+$/g, '')

  return {
    text,
    name(name) {
      const trimmed = name.trim()
      if (trimmed === '' || REPLACEMENT.test(trimmed) || BARE_INITIALS.test(trimmed)) return trimmed
      const key = nameWords(trimmed).map(fold).join(' ')
      const known = replacements.get(key)
      if (known) return known
      // Not one known name: scrub what is known, and a name that is left is shown as initials.
      const scrubbed = text(trimmed)
      return scrubbed === trimmed ? initials(trimmed) : scrubbed
    },
  }
}

/** The title a redacted export carries instead of the conference's: "Familiegroepsplan (geanonimiseerd)". */
export function redactedTitle(kind: ExportInput['conference']['kind'], locale: Locale): string {
  const t = createTranslator(locale)
  return t('exports.redact.title', { kind: t(`common.kind.${kind}`) })
}

/** Every person in a plan, with their group, and every other name it holds. */
function planPeople(plan: Plan): KnownPerson[] {
  return plan.people.map((person) => ({ name: person.name, role: person.group }))
}

/** Names in a plan that belong to no person on the board (scale marks, who ticked a line off, safety contacts). */
function planOtherNames(plan: Plan): string[] {
  return [
    ...plan.scales.flatMap((scale) => scale.marks.map((mark) => mark.name)),
    ...plan.bottomLines.flatMap((line) => (line.tickedBy ? [line.tickedBy.name] : [])),
    ...plan.safetyPlan.map((item) => item.contactName),
  ]
}

/** The plan with every person as their replacement; phone numbers, addresses and notes about people left out. */
export function redactPlan(plan: Plan, redactor: Redactor): Plan {
  const text = redactor.text
  const ref = (person: PersonRef): PersonRef => ({ ...person, name: person.name === null ? null : redactor.name(person.name) })
  const texts = <T extends { text: string }>(items: T[]): T[] => items.map((item) => ({ ...item, text: text(item.text) }))
  return {
    ...plan,
    centralQuestion: texts(plan.centralQuestion),
    bottomLines: plan.bottomLines.map((line) => ({
      ...line,
      text: text(line.text),
      // The reason is free text a professional wrote ("Oma Fatima heeft dit geregeld"): redacted like any other.
      ...(typeof line.tickReason === 'string' ? { tickReason: text(line.tickReason) } : {}),
      tickedBy: line.tickedBy ? { ...line.tickedBy, name: redactor.name(line.tickedBy.name) } : null,
    })),
    people: plan.people.map((person) => ({ ...person, name: redactor.name(person.name), relation: text(person.relation), note: '' })),
    goingWell: texts(plan.goingWell),
    worries: texts(plan.worries),
    nextSteps: texts(plan.nextSteps),
    dangers: plan.dangers.map((d) => ({ ...d, danger: text(d.danger), goal: text(d.goal) })),
    scales: plan.scales.map((scale) => ({
      ...scale,
      question: text(scale.question),
      marks: scale.marks.map((mark) => ({ ...mark, name: redactor.name(mark.name) })),
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
      contactName: item.contactName.trim() === '' ? '' : redactor.name(item.contactName),
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
 * Everyone who took part, with their role: the roster (every participant the conference ever had),
 * the people in the export's participant list, and who agreed.
 */
export function participantsOf(input: Pick<ExportInput, 'participants' | 'roster' | 'version'>): KnownPerson[] {
  return [...input.roster, ...input.participants, ...input.version.agreedBy].map((p) => ({ name: p.name, role: p.role }))
}

/**
 * The children the plan is about (the case-file facts): often named in free text ("Oma haalt Sem
 * op") without being a participant or a person on the board.
 */
export function childrenOf(facts: ExportInput['facts']): KnownPerson[] {
  return (facts?.values.children ?? []).map((child) => ({ name: child.firstName, role: 'child' as const }))
}

/** The redactor for one export: its participants, the children, the people of its plan, its title's family name. */
export function redactorFor(input: ExportInput, extraPeople: Iterable<KnownPerson> = []): Redactor {
  return createRedactor({
    participants: [...participantsOf(input), ...childrenOf(input.facts)],
    people: [...planPeople(input.plan), ...extraPeople, ...planOtherNames(input.plan).map((name) => ({ name, role: 'network' as const }))],
    familyNames: familyNamesOf(input.conference.title),
    locale: input.locale,
  })
}

/** The whole export input redacted: no title, the plan, the participants and who agreed. */
export function redactInput(input: ExportInput): ExportInput {
  const redactor = redactorFor(input)
  return {
    ...input,
    redacted: true,
    conference: { ...input.conference, title: redactedTitle(input.conference.kind, input.locale) },
    roster: input.roster.map((p) => ({ ...p, name: redactor.name(p.name) })),
    participants: input.participants.map((p) => ({ ...p, name: redactor.name(p.name) })),
    version: { ...input.version, agreedBy: input.version.agreedBy.map((a) => ({ ...a, name: redactor.name(a.name) })) },
    plan: redactPlan(input.plan, redactor),
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
  'kring-bottom-line': ['text', 'tickReason'],
  frame: ['name'],
}

/** Left out entirely. */
const DROPPED_PROPS: Record<string, Record<string, string>> = {
  'kring-person': { note: '' },
  'kring-safety-item': { contactPhone: '' },
}

/** A tldraw rich text (TipTap JSON) with every text node passed through `text`. */
function redactRichText(node: unknown, text: (value: string) => string): unknown {
  if (Array.isArray(node)) return node.map((child) => redactRichText(child, text))
  if (!isObject(node)) return node
  const copy: JsonObject = { ...node }
  if (typeof copy.text === 'string') copy.text = text(copy.text)
  if (Array.isArray(copy.content)) copy.content = redactRichText(copy.content, text)
  // A link's address may hold a name or number too.
  if (Array.isArray(copy.marks)) copy.marks = copy.marks.filter((mark) => !(isObject(mark) && mark.type === 'link'))
  return copy
}

/** Every person on the board's Kring items, with their group, and the other names written in name fields. */
export function recordPeople(records: Record<string, unknown>): KnownPerson[] {
  const people: KnownPerson[] = []
  for (const record of Object.values(records)) {
    if (!isObject(record) || record.typeName !== 'shape' || !isObject(record.props)) continue
    const type = String(record.type)
    for (const prop of NAME_PROPS[type] ?? []) {
      const value = record.props[prop]
      if (typeof value !== 'string' || value.trim() === '') continue
      const group = type === 'kring-person' && typeof record.props.group === 'string' ? (record.props.group as PersonGroup) : 'network'
      people.push({ name: value, role: group })
    }
  }
  return people
}

/** What the board's redaction knows besides the board: the participants and the conference title. */
export interface RecordRedaction {
  participants: Iterable<KnownPerson>
  familyNames: Iterable<string>
  locale: Locale
}

/**
 * The board's records redacted the same way: names in Kring items as replacements, their phone
 * numbers and notes left out, and the free text of Kring items and of tldraw's text, note, geo,
 * arrow and frame shapes and page names scrubbed. Links are removed. Drawings and images are not
 * touched here (the board renderer does not draw images).
 */
export function redactRecords(records: Record<string, unknown>, redaction: RecordRedaction): Record<string, unknown> {
  const redactor = createRedactor({ participants: redaction.participants, people: recordPeople(records), familyNames: redaction.familyNames, locale: redaction.locale })
  const result: Record<string, unknown> = {}
  for (const [id, record] of Object.entries(records)) {
    if (isObject(record) && record.typeName === 'page' && typeof record.name === 'string') {
      result[id] = { ...record, name: redactor.text(record.name) }
      continue
    }
    if (!isObject(record) || record.typeName !== 'shape' || !isObject(record.props)) {
      result[id] = record
      continue
    }
    const type = String(record.type)
    const props: JsonObject = { ...record.props }
    for (const prop of NAME_PROPS[type] ?? []) if (typeof props[prop] === 'string' && props[prop] !== '') props[prop] = redactor.name(props[prop])
    for (const prop of TEXT_PROPS[type] ?? []) if (typeof props[prop] === 'string') props[prop] = redactor.text(props[prop])
    for (const [prop, value] of Object.entries(DROPPED_PROPS[type] ?? {})) if (prop in props) props[prop] = value
    if ('richText' in props) props.richText = redactRichText(props.richText, redactor.text)
    if (typeof props.text === 'string' && !(TEXT_PROPS[type] ?? []).includes('text')) props.text = redactor.text(props.text)
    if (typeof props.name === 'string' && !(NAME_PROPS[type] ?? []).includes('name') && !(TEXT_PROPS[type] ?? []).includes('name')) props.name = redactor.text(props.name)
    if (typeof props.url === 'string') props.url = ''
    result[id] = { ...record, props }
  }
  return result
}
