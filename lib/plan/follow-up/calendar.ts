import { occurrencesPerWeek } from '../frequency'
import type { PlanAgreement } from '../schema'

/**
 * An agreement as a calendar file (RFC 5545), with its rhythm as a recurrence rule read from its
 * "when" by the frequency parser: named days become BYDAY, "every day" DAILY, "every school day"
 * the five weekdays, "every other week" INTERVAL=2, monthly MONTHLY. A rhythm that cannot be read
 * becomes a weekly question (as the check-ins: lib/plan/follow-up/periods.ts). All-day events from
 * the day the plan was agreed: the "when" rarely holds a time we could trust.
 */
const dayCodes: ReadonlyArray<[RegExp, string]> = [
  [/\b(maandag|monday)/, 'MO'],
  [/\b(dinsdag|tuesday)/, 'TU'],
  [/\b(woensdag|wednesday)/, 'WE'],
  [/\b(donderdag|thursday)/, 'TH'],
  [/\b(vrijdag|friday)/, 'FR'],
  [/\b(zaterdag|saturday)/, 'SA'],
  [/\b(zondag|sunday)/, 'SU'],
]
const weekdayWords = /\b(schooldag|schooldagen|school ?days?|na school|voor school|werkdag|werkdagen|doordeweeks|weekdays?)\b/

export function recurrenceRule(when: string): string {
  const text = when.toLowerCase()
  const perWeek = occurrencesPerWeek(when)
  const days = dayCodes.filter(([pattern]) => pattern.test(text)).map(([, code]) => code)
  if (perWeek === 'unknown') return 'FREQ=WEEKLY'
  if (perWeek >= 7) return 'FREQ=DAILY'
  if (days.length > 0 && perWeek >= 1) return `FREQ=WEEKLY;BYDAY=${days.join(',')}`
  if (perWeek === 5 && weekdayWords.test(text)) return 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'
  if (perWeek >= 1) return 'FREQ=WEEKLY'
  if (perWeek >= 0.2) {
    const weeks = Math.round(1 / perWeek)
    if (weeks === 4) return 'FREQ=MONTHLY'
    return `FREQ=WEEKLY;INTERVAL=${weeks}${days.length > 0 ? `;BYDAY=${days.join(',')}` : ''}`
  }
  const months = Math.max(1, Math.round(0.25 / perWeek))
  return months >= 12 ? 'FREQ=YEARLY' : `FREQ=MONTHLY;INTERVAL=${months}`
}

function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')
}

/** Lines longer than 75 octets are folded (a space starts each continuation); never inside a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = []
  let current = ''
  let bytes = 0
  for (const char of line) {
    const size = new TextEncoder().encode(char).length
    if (bytes + size > (out.length === 0 ? 75 : 74)) {
      out.push(current)
      current = ''
      bytes = 0
    }
    current += char
    bytes += size
  }
  out.push(current)
  return out.join('\r\n ')
}

function dateOnly(iso: string): string {
  return iso.slice(0, 10).replace(/-/g, '')
}

function stamp(iso: string): string {
  return `${iso.slice(0, 19).replace(/[-:]/g, '')}Z`
}

export function agreementCalendar(input: { agreement: PlanAgreement; conferenceId: string; frozenAt: string; now: Date; title: string; description: string }): string {
  const start = dateOnly(input.frozenAt)
  const next = new Date(`${input.frozenAt.slice(0, 10)}T00:00:00.000Z`)
  next.setUTCDate(next.getUTCDate() + 1)
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Kring//Afspraken//NL',
    'CALSCALE:GREGORIAN',
    'BEGIN:VEVENT',
    `UID:${input.conferenceId}-${input.agreement.id.replace(/[^A-Za-z0-9_-]/g, '')}@kring`,
    `DTSTAMP:${stamp(input.now.toISOString())}`,
    `DTSTART;VALUE=DATE:${start}`,
    `DTEND;VALUE=DATE:${dateOnly(next.toISOString())}`,
    `RRULE:${recurrenceRule(input.agreement.when)}`,
    `SUMMARY:${escapeText(input.title)}`,
    `DESCRIPTION:${escapeText(input.description)}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ]
  return `${lines.map(fold).join('\r\n')}\r\n`
}
