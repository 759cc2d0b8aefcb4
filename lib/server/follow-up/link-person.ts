import type { Db } from '../db/connect'
import { recordAudit } from '../db/repositories/audit'
import { findParticipant } from '../db/repositories/participants'
import { getPlanVersion } from '../db/repositories/plan-versions'
import type { Participant } from '../db/schema'
import { ApiError } from '../../protocol/api-error'
import type { PersonLinkRequest } from '../../protocol/person-links'
import { boardPeopleOf } from '../../plan/follow-up/people'
import { removePersonLink, savePersonLink } from './person-links'

/**
 * The facilitator says who a person on the board is: a participant of this conference, or nobody
 * invited (`participantId` null); `clear` goes back to the names. The gate has said yes to
 * `people.link` (the route asked). The people are those of the latest agreed version, the board
 * the follow-up reads; their ids are the board's person items, so a link holds for later versions
 * too. Audited with ids only.
 */
export async function linkPerson(db: Db, facilitator: Participant, request: PersonLinkRequest, now: Date): Promise<void> {
  const conferenceId = facilitator.conference_id
  const version = await getPlanVersion(db, conferenceId)
  if (!version) throw new ApiError('not_found', 'there is no agreed plan yet: nobody on its board to link')
  if (!boardPeopleOf(version.plan).some((p) => p.id === request.personId)) {
    throw new ApiError('not_found', 'no such person on the board of the agreed plan')
  }
  if (request.clear) {
    if (await removePersonLink(db, conferenceId, request.personId)) {
      await recordAudit(db, { conferenceId, actor: facilitator.id, action: 'person.link-cleared', detail: `person=${request.personId}` })
    }
    return
  }
  const participantId = request.participantId ?? null
  if (participantId !== null) {
    const participant = await findParticipant(db, participantId)
    if (!participant || participant.conference_id !== conferenceId) throw new ApiError('bad_request', 'that participant is not part of this conference')
    if (participant.revoked_at !== null) throw new ApiError('bad_request', 'that participant\'s invitation was revoked')
  }
  await savePersonLink(db, { conferenceId, link: { personId: request.personId, participantId }, linkedBy: facilitator.id, at: now })
  await recordAudit(db, {
    conferenceId,
    actor: facilitator.id,
    action: 'person.linked',
    detail: `person=${request.personId} ${participantId === null ? 'invited=none' : `participant=${participantId}`}`,
  })
}
