import { occurrencesPerWeek } from '../frequency'

/**
 * The rhythm of asking. An agreement is asked about once per period: a weekly task weekly, one
 * every other week every two weeks, a monthly one every four weeks. Anything more often than
 * weekly (daily, every school day) is still asked weekly ("did it go this week?"): asking a
 * grandmother every evening would be nagging, not follow-up. A "when" the frequency parser cannot
 * read is asked weekly too, the safe side for a plan about a child's safety.
 *
 * Periods are counted from the day the version was frozen (UTC midnight), so a period is the
 * same for everyone and for every later reading of the same frozen version.
 */
const DAY_MS = 24 * 60 * 60 * 1000
export const MIN_PERIOD_DAYS = 7
/** A yearly agreement is asked about at least twice a year. */
export const MAX_PERIOD_DAYS = 182

export function periodDays(when: string): number {
  const perWeek = occurrencesPerWeek(when)
  if (perWeek === 'unknown' || perWeek <= 0) return MIN_PERIOD_DAYS
  return Math.min(MAX_PERIOD_DAYS, Math.max(MIN_PERIOD_DAYS, Math.round(7 / perWeek)))
}

export interface Period {
  index: number
  start: Date
  /** Exclusive. */
  end: Date
}

function anchorOf(frozenAt: string): number {
  const at = new Date(frozenAt)
  return Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate())
}

export function periodAt(frozenAt: string, days: number, index: number): Period {
  const start = anchorOf(frozenAt) + index * days * DAY_MS
  return { index, start: new Date(start), end: new Date(start + days * DAY_MS) }
}

/** The period `now` falls in; before the anchor that is period 0 (a clock a little behind). */
export function currentPeriod(frozenAt: string, days: number, now: Date): Period {
  const index = Math.max(0, Math.floor((now.getTime() - anchorOf(frozenAt)) / (days * DAY_MS)))
  return periodAt(frozenAt, days, index)
}
