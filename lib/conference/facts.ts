import { z } from 'zod'
import { intlLocales } from '../i18n/format'
import { isLocale } from '../i18n/locales'
import { Device } from './model'

/**
 * The facts of a conference that a case file needs and the board does not hold: when and where the
 * meeting is, which children the plan is about, the facilitator's organisation and when the group
 * meets again to review (the evaluatie). Entered when the conference is created, editable by the
 * facilitator later; frozen with every agreed version (lib/server/db/repositories/plan-versions.ts),
 * so an exported case-file document never changes afterwards.
 */

export const MAX_CHILDREN = 12
export const MAX_CHILD_AGE = 25
export const MAX_FIRST_NAME = 40
export const MAX_PLACE = 120
export const MAX_ORGANISATION = 120

/** A calendar date, "2026-03-03" (ISO 8601, no time): a day in the family's calendar, not an instant. */
export const FactDate = z.iso.date()
/** An expected duration between a quarter of an hour and a long day. */
export const MIN_DURATION_MINUTES = 15
export const MAX_DURATION_MINUTES = 600
/** A start time, "14:30" (24-hour clock, Dutch time). */
export const FactTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'not a time (HH:MM)')

/** A child the plan is about: first name only (never the family name) and age in years. */
export const ConferenceChild = z.strictObject({
  firstName: z.string().trim().min(1).max(MAX_FIRST_NAME),
  age: z.number().int().min(0).max(MAX_CHILD_AGE),
})
export type ConferenceChild = z.infer<typeof ConferenceChild>

/** Trimmed text; empty means "not filled in" (null). */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((value) => (value === null || value === '' ? null : value))

export const ConferenceFacts = z.strictObject({
  /** The day of the meeting. */
  meetingDate: FactDate.nullable().default(null),
  /** When it starts. */
  startTime: FactTime.nullable().default(null),
  /** How long it is expected to take, in minutes (for the invitation and its calendar entry). */
  durationMinutes: z.number().int().min(MIN_DURATION_MINUTES).max(MAX_DURATION_MINUTES).nullable().default(null),
  /** Where it is held (a place, not an address is enough); null when not known. */
  place: optionalText(MAX_PLACE).default(null),
  /** The meeting is held online (with or without a place for some). */
  online: z.boolean().default(false),
  /** The children the plan is about, first name and age. */
  children: z.array(ConferenceChild).max(MAX_CHILDREN).default([]),
  /** The organisation the facilitator works for (or on behalf of). */
  facilitatorOrganisation: optionalText(MAX_ORGANISATION).default(null),
  /** The day the group meets again to review the agreements. */
  reviewDate: FactDate.nullable().default(null),
})
export type ConferenceFacts = z.output<typeof ConferenceFacts>
export type ConferenceFactsInput = z.input<typeof ConferenceFacts>

export function emptyFacts(): ConferenceFacts {
  return ConferenceFacts.parse({})
}

/** Whether anything has been filled in. */
export function hasFacts(facts: ConferenceFacts): boolean {
  return (
    facts.meetingDate !== null ||
    facts.startTime !== null ||
    facts.place !== null ||
    facts.online ||
    facts.children.length > 0 ||
    facts.facilitatorOrganisation !== null ||
    facts.reviewDate !== null
  )
}

/** How one participant was connected when the version was frozen: the devices of their live connections. */
export const ConnectedDevices = z.array(Device).max(8)

/**
 * What a frozen version keeps besides its plan: the conference's facts at that moment and, per
 * participant id, the devices they were connected with (none: not connected, e.g. a spoken yes).
 */
export const FrozenCaseFacts = z.object({
  facts: ConferenceFacts,
  devices: z.record(z.string().max(64), ConnectedDevices),
})
export type FrozenCaseFacts = z.output<typeof FrozenCaseFacts>

/** "3 maart 2026" for a calendar day "2026-03-03", in the reader's language (no time zone shifts the day). */
export function formatFactDate(isoDate: string, locale: string): string {
  return new Intl.DateTimeFormat(isLocale(locale) ? intlLocales[locale] : intlLocales.nl, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`))
}
