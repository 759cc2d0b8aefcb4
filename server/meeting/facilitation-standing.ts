import { accessStateOf, isAdmitted, policyContextOf } from '../../lib/conference/access-state'
import type { ConferencePhase, ParticipantRole } from '../../lib/conference/model'
import { may, type PolicyAction, type PolicyContext } from '../../lib/conference/policy'
import type { Db } from '../../lib/db/connect'
import { findConference } from '../../lib/db/repositories/conferences'
import { findParticipant } from '../../lib/db/repositories/participants'
import type { Conference, Participant } from '../../lib/db/schema'

/**
 * What the facilitation tools keep of where a conference stands (phase, private-time setting)
 * and where a person stands in it (role; admitted or not, lib/conference/access-state.ts), to
 * decide with `may()` who hears what without a database read for every viewport relayed.
 */

export interface ConferenceStanding {
  phase: ConferencePhase
  policy: PolicyContext
}

export interface ParticipantStanding {
  role: ParticipantRole
  /** Admitted to the meeting (on the board or in the waiting room); false in the lobby or out. */
  inMeeting: boolean
}

export function conferenceStandingOf(conference: Conference): ConferenceStanding {
  return { phase: conference.phase, policy: policyContextOf(conference) }
}

export function participantStandingOf(participant: Participant, conference: Conference): ParticipantStanding {
  return { role: participant.role, inMeeting: isAdmitted(accessStateOf(participant, conference)) }
}

export async function readConferenceStanding(db: Db, conferenceId: string): Promise<ConferenceStanding | null> {
  const conference = await findConference(db, conferenceId)
  return conference ? conferenceStandingOf(conference) : null
}

/** The person's standing in this conference; null when they are not (or no longer) a participant of it. */
export async function readParticipantStanding(db: Db, conferenceId: string, participantId: string): Promise<ParticipantStanding | null> {
  const [conference, participant] = await Promise.all([findConference(db, conferenceId), findParticipant(db, participantId)])
  if (!conference || !participant || participant.conference_id !== conferenceId) return null
  return participantStandingOf(participant, conference)
}

/** The policy's answer for someone admitted to the meeting; nobody else may do anything here. */
export function allows(person: ParticipantStanding | null | undefined, conference: ConferenceStanding, action: PolicyAction): boolean {
  return !!person && person.inMeeting && may(person.role, conference.phase, action, conference.policy)
}
