import type { Db } from '../db/connect'
import type { PersonLink } from '../../plan/follow-up/people'

/**
 * The facilitator's links of board people to participants (`board_person_links`): one row per
 * person item of a conference's board, updated in place (the audit log keeps what changed).
 */
export async function listPersonLinks(db: Db, conferenceId: string): Promise<PersonLink[]> {
  const rows = await db.selectFrom('board_person_links').select(['person_id', 'participant_id']).where('conference_id', '=', conferenceId).execute()
  return rows.map((r) => ({ personId: r.person_id, participantId: r.participant_id }))
}

export async function savePersonLink(db: Db, input: { conferenceId: string; link: PersonLink; linkedBy: string; at: Date }): Promise<void> {
  const values = { participant_id: input.link.participantId, linked_by: input.linkedBy, updated_at: input.at.toISOString() }
  await db
    .insertInto('board_person_links')
    .values({ conference_id: input.conferenceId, person_id: input.link.personId, ...values })
    .onConflict((oc) => oc.columns(['conference_id', 'person_id']).doUpdateSet(values))
    .execute()
}

/** Back to the names (./load.ts); true when there was a link. */
export async function removePersonLink(db: Db, conferenceId: string, personId: string): Promise<boolean> {
  const result = await db.deleteFrom('board_person_links').where('conference_id', '=', conferenceId).where('person_id', '=', personId).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}
