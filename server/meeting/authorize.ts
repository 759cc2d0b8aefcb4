import { accessStateOf, isAdmitted, policyContextOf } from '../../lib/conference/access-state'
import { may, type PolicyAction } from '../../lib/conference/policy'
import type { Db } from '../../lib/db/connect'
import { findConference } from '../../lib/db/repositories/conferences'
import { findParticipant } from '../../lib/db/repositories/participants'
import type { Conference, Participant } from '../../lib/db/schema'
import { MeetingRequestError } from './client-events'
import type { MeetingSocket } from './types'

export interface Authorized {
  conference: Conference
  /** The asking participant, as the database has them now (role included). */
  participant: Participant
}

/**
 * Ask the policy (lib/conference/policy.ts) whether the person behind this socket may do
 * `action` now. Phase, setting and role are read from the database on every request, so a change
 * made a moment ago, by anyone, counts. Refused: MeetingRequestError 'forbidden'.
 */
export async function authorize(db: Db, socket: MeetingSocket, action: PolicyAction): Promise<Authorized> {
  const { conferenceId, participantId } = socket.data
  const [conference, participant] = await Promise.all([findConference(db, conferenceId), findParticipant(db, participantId)])
  if (!conference || !participant || participant.conference_id !== conferenceId) {
    throw new MeetingRequestError('forbidden', 'not a participant of this conference')
  }
  if (!isAdmitted(accessStateOf(participant, conference))) throw new MeetingRequestError('forbidden', 'not in the meeting')
  if (!may(participant.role, conference.phase, action, policyContextOf(conference))) {
    throw new MeetingRequestError('forbidden', `${action} is not allowed for ${participant.role} in ${conference.phase}`)
  }
  return { conference, participant }
}
