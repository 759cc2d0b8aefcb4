import type { Db } from '../connect'

/**
 * Whether an invitation reached its person, for the facilitator's list (issue 10): opened, joined,
 * last seen. Each write is one small update by id; the first-time stamps are written once.
 */

/** The link was opened in a browser (the join page ran, or the person tapped "Naar het bord"). */
export async function markInvitationOpened(db: Db, participantId: string, at = new Date()): Promise<void> {
  await db.updateTable('participants').set({ opened_at: at.toISOString() }).where('id', '=', participantId).where('opened_at', 'is', null).execute()
}

/** The person came into the meeting: opened (if not yet known), joined (first time), seen now. */
export async function markJoinedMeeting(db: Db, participantId: string, at = new Date()): Promise<void> {
  const now = at.toISOString()
  // One statement: the first-time stamps keep their value once set (coalesce), last seen moves on.
  await db
    .updateTable('participants')
    .set((eb) => ({
      opened_at: eb.fn.coalesce('opened_at', eb.val(now)),
      joined_at: eb.fn.coalesce('joined_at', eb.val(now)),
      last_seen_at: now,
    }))
    .where('id', '=', participantId)
    .execute()
}

/** The person's last connection to the meeting closed: last seen now. */
export async function markLastSeen(db: Db, participantId: string, at = new Date()): Promise<void> {
  await db.updateTable('participants').set({ last_seen_at: at.toISOString() }).where('id', '=', participantId).execute()
}
