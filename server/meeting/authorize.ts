import { decide } from '../../lib/conference/gate'
import type { PolicyAction } from '../../lib/conference/policy'
import type { Db } from '../../lib/server/db/connect'
import { findConference } from '../../lib/server/db/repositories/conferences'
import { findParticipant } from '../../lib/server/db/repositories/participants'
import type { Conference, Participant } from '../../lib/server/db/schema'
import { MeetingRequestError } from './client-events'
import type { MeetingSocket } from './types'

/** Who asked, as the database has them at the moment the gate said yes. */
export interface Authorized {
  conference: Conference
  /** The asking participant, as the database has them now (role and admission included). */
  participant: Participant
}

/**
 * Ask the gate (lib/conference/gate.ts: access state, then the policy) whether the person behind
 * this socket may do `action` now. The participant and the conference are read from the database
 * on every request, so a change made a moment ago, by anyone, counts, also one no live event has
 * reported yet (a removal from another process, a phase changed by a route handler).
 * Refused: MeetingRequestError 'forbidden'; the message names the action, the role and the phase,
 * never a person.
 */
export async function authorize(db: Db, socket: MeetingSocket, action: PolicyAction): Promise<Authorized> {
  const { conferenceId, participantId } = socket.data
  const [conference, participant] = await Promise.all([findConference(db, conferenceId), findParticipant(db, participantId)])
  if (!conference || !participant || participant.conference_id !== conferenceId) {
    throw new MeetingRequestError('forbidden', 'not a participant of this conference')
  }
  const decision = decide(participant, conference, action)
  if (!decision.ok) {
    throw new MeetingRequestError(
      'forbidden',
      decision.because === 'not-admitted'
        ? `not in the meeting (${decision.state})`
        : `${action} is not allowed for ${participant.role} in ${conference.phase}`,
    )
  }
  return { conference, participant }
}
