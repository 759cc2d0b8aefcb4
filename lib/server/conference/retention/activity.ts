import type { Db } from '../../db/connect'
import { retainUntil } from './rules'

/**
 * A conference's last activity, which its retention date counts from. Activity is anything that
 * changes the conference or uses it: every edit of its board (the sync plane notes it) and every
 * audited event (recordAudit notes it: created, someone invited or joining the meeting, a phase
 * change, an agreed or exported version, a restore, a changed setting). Reading the board alone is
 * not activity: a conference nobody changes or exports is let go on time.
 *
 * Noted at most once per THROTTLE_MS per conference and process (a board edit is many writes a
 * second); the retention is counted in days, so minutes do not matter.
 */
const THROTTLE_MS = 10 * 60 * 1000

const KEY = Symbol.for('kring.activityNoted')
function lastNoted(): Map<string, number> {
  const holder = globalThis as unknown as Record<symbol, Map<string, number> | undefined>
  return (holder[KEY] ??= new Map())
}

export async function noteActivity(db: Db, conferenceId: string, at: Date = new Date()): Promise<void> {
  const noted = lastNoted()
  const previous = noted.get(conferenceId)
  if (previous !== undefined && at.getTime() - previous < THROTTLE_MS && at.getTime() >= previous) return
  noted.set(conferenceId, at.getTime())
  if (noted.size > 10_000) noted.clear()
  const row = await db.selectFrom('conferences').select(['retention_days', 'deleted_at']).where('id', '=', conferenceId).executeTakeFirst()
  if (!row || row.deleted_at !== null) return
  await setLastActivity(db, conferenceId, at, row.retention_days)
}

/** Store the last activity and the retention date it gives (never on a deleted conference). */
export async function setLastActivity(db: Db, conferenceId: string, at: Date, retentionDays: number): Promise<void> {
  await db
    .updateTable('conferences')
    .set({ last_activity_at: at.toISOString(), retain_until: retainUntil(at, retentionDays).toISOString(), retention_days: retentionDays })
    .where('id', '=', conferenceId)
    .where('deleted_at', 'is', null)
    .execute()
}

/** The last activity of a conference row (its creation when none was noted since). */
export function lastActivityOf(conference: { last_activity_at: string | null; created_at: string }): Date {
  return new Date(conference.last_activity_at ?? conference.created_at)
}

/** Forget the throttle (tests that move the clock). */
export function forgetNotedActivity(): void {
  lastNoted().clear()
}
