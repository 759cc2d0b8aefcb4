import type { Db } from '../connect'
import type { Conference } from '../schema'

export interface ConferenceOverview extends Conference {
  facilitator_email: string | null
  active_participants: number
}

/** Every conference with its facilitator's email and how many people can still join: the admin CLI's overview. */
export async function listAllConferences(db: Db): Promise<ConferenceOverview[]> {
  const rows = await db
    .selectFrom('conferences')
    .leftJoin('users', 'users.id', 'conferences.created_by')
    .selectAll('conferences')
    .select('users.email as facilitator_email')
    .select((eb) =>
      eb
        .selectFrom('participants')
        .select((p) => p.fn.countAll<number>().as('n'))
        .whereRef('participants.conference_id', '=', 'conferences.id')
        .where('participants.revoked_at', 'is', null)
        .as('active_participants'),
    )
    // A deleted conference's emptied row (kept for its audit entries) is not a conference any more.
    .where('conferences.deleted_at', 'is', null)
    .orderBy('conferences.created_at', 'desc')
    .execute()
  return rows.map((row) => ({ ...row, active_participants: Number(row.active_participants ?? 0) }))
}
