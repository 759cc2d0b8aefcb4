import type { ConferencePhase } from '../../../conference/model'
import type { Db } from '../connect'

/**
 * The phase timer of a conference (conferences.timer_ends_at): stored, so a restarted server or
 * someone who joins late sees the same countdown. A timer belongs to one phase: changing the
 * phase clears it.
 */

/** When the current phase's timer runs out, or null (also for an unknown conference). */
export async function readPhaseTimer(db: Db, conferenceId: string): Promise<string | null> {
  const row = await db.selectFrom('conferences').select('timer_ends_at').where('id', '=', conferenceId).executeTakeFirst()
  return row?.timer_ends_at ?? null
}

/**
 * Set (or with null, stop) the timer, only while the conference is still in `phase`: a timer
 * meant for a phase that has just ended must not spill into the next. Returns whether it was set.
 */
export async function setPhaseTimer(db: Db, conferenceId: string, endsAt: string | null, phase: ConferencePhase): Promise<boolean> {
  const result = await db
    .updateTable('conferences')
    .set({ timer_ends_at: endsAt })
    .where('id', '=', conferenceId)
    .where('phase', '=', phase)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** Stop the timer whatever the phase (the phase changed). Returns whether one was running. */
export async function clearPhaseTimer(db: Db, conferenceId: string): Promise<boolean> {
  const result = await db
    .updateTable('conferences')
    .set({ timer_ends_at: null })
    .where('id', '=', conferenceId)
    .where('timer_ends_at', 'is not', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}
