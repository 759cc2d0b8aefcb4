/**
 * The pure rules of a conference's life span (README "Retention and deletion"). A conference is
 * kept `retention_days` after its last activity; `retain_until` is that date, stored and kept
 * current. What counts as activity is listed in ./activity.ts.
 */

const DAY_MS = 86_400_000

export interface RetentionBounds {
  minDays: number
  maxDays: number
}

/** The date a conference is deleted on: its last activity plus its retention days. */
export function retainUntil(lastActivity: Date, retentionDays: number): Date {
  return new Date(lastActivity.getTime() + retentionDays * DAY_MS)
}

/** Whether a conference is due for deletion at `now`. */
export function isExpired(retainUntilIso: string, now: Date): boolean {
  return Date.parse(retainUntilIso) <= now.getTime()
}

/** The earliest and latest date the facilitator may choose, as YYYY-MM-DD (whole days, UTC). */
export function choosableDates(lastActivity: Date, bounds: RetentionBounds): { earliest: string; latest: string } {
  return { earliest: dayOf(retainUntil(lastActivity, bounds.minDays)), latest: dayOf(retainUntil(lastActivity, bounds.maxDays)) }
}

/**
 * The retention in days that a date chosen by the facilitator (YYYY-MM-DD) stands for: whole days
 * from the day of the last activity, so later activity moves the date by as much. Null when the
 * date is outside the bounds.
 */
export function retentionDaysFor(chosenDay: string, lastActivity: Date, bounds: RetentionBounds): number | null {
  const chosen = Date.parse(`${chosenDay}T00:00:00.000Z`)
  if (Number.isNaN(chosen)) return null
  const from = Date.parse(`${dayOf(lastActivity)}T00:00:00.000Z`)
  const days = Math.round((chosen - from) / DAY_MS)
  return days >= bounds.minDays && days <= bounds.maxDays ? days : null
}

/** When an audit entry written at `at` is purged. */
export function auditPurgeBefore(now: Date, auditDays: number): Date {
  return new Date(now.getTime() - auditDays * DAY_MS)
}

export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10)
}
