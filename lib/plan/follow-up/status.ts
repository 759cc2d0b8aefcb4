import type { CheckIn, Takeover } from './model'

/**
 * Whether an agreement is holding, from what its people said at its rhythm. One pure rule for the
 * follow-up view, the evaluatie and the tests (tests/unit/follow-up-status.test.ts is its table).
 *
 * Each period of the agreement's rhythm comes out as one result:
 * - `done`: someone said "gedaan";
 * - `covered`: "lukt niet", and the backup took it over for that period (the agreement was carried);
 * - `cannot`: "lukt niet" and nobody carried it;
 * - `help`: "hulp nodig" (and nothing done);
 * - `missing`: the period ended without a word.
 * The period that is still running counts only once someone answered it: nobody is late before
 * the period is over.
 *
 * Then, over the last three ended periods (and the running one when answered):
 * - stopped: the last three ended periods all came out `missing` or `cannot`, and the running one
 *   is not done either: nothing has been carried for three periods in a row. The group should
 *   talk about it, not wait for the next review meeting.
 * - slipping: not stopped, and an expected check-in is missing, or "lukt niet" came twice or more,
 *   or the latest answer is "lukt niet" nobody covered, or "hulp nodig".
 * - on track: otherwise (also before the first period ended).
 */
export type PeriodResult = 'done' | 'covered' | 'cannot' | 'help' | 'missing'
export const followUpStatuses = ['on-track', 'slipping', 'stopped'] as const
export type FollowUpStatus = (typeof followUpStatuses)[number]
export type SlipReason = 'missing' | 'cannot-repeatedly' | 'not-carried' | 'help'

export const STATUS_WINDOW = 3

export interface StatusInput {
  /** Every ended period's result, oldest first. */
  ended: readonly PeriodResult[]
  /** The running period's result; null while nobody answered it. */
  running: PeriodResult | null
}

export interface StatusOutcome {
  status: FollowUpStatus
  reasons: SlipReason[]
}

const carried = (r: PeriodResult | null) => r === 'done' || r === 'covered'

export function followUpStatus({ ended, running }: StatusInput): StatusOutcome {
  const recent = ended.slice(-STATUS_WINDOW)
  if (recent.length === STATUS_WINDOW && recent.every((r) => r === 'missing' || r === 'cannot') && !carried(running)) {
    return { status: 'stopped', reasons: [] }
  }
  const window = running === null ? recent : [...recent, running]
  const reasons: SlipReason[] = []
  if (recent.includes('missing')) reasons.push('missing')
  if (window.filter((r) => r === 'cannot').length >= 2) reasons.push('cannot-repeatedly')
  const latestAnswer = [...window].reverse().find((r) => r !== 'missing')
  if (latestAnswer === 'cannot') reasons.push('not-carried')
  if (latestAnswer === 'help') reasons.push('help')
  return { status: reasons.length > 0 ? 'slipping' : 'on-track', reasons }
}

/**
 * One period's result from what was said in it: carried if anyone did it or a backup took a
 * "lukt niet" over; else the latest answer; `missing` when nobody said anything.
 */
export function periodResult(checkIns: readonly CheckIn[], takeovers: readonly Takeover[]): PeriodResult {
  if (checkIns.some((c) => c.outcome === 'done')) return 'done'
  const taken = new Set(takeovers.map((t) => t.checkInId))
  if (checkIns.some((c) => taken.has(c.id))) return 'covered'
  const latest = [...checkIns].sort((a, b) => a.at.localeCompare(b.at)).at(-1)
  return latest ? latest.outcome : 'missing'
}
