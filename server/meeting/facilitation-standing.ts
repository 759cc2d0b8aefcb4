import type { AccessConference, AccessSubject } from '../../lib/conference/access-state'
import { permits } from '../../lib/conference/gate'
import type { PolicyAction } from '../../lib/conference/policy'
import type { Db } from '../../lib/server/db/connect'
import { findConference } from '../../lib/server/db/repositories/conferences'
import { findParticipant } from '../../lib/server/db/repositories/participants'
import type { Conference, Participant } from '../../lib/server/db/schema'

/**
 * What the facilitation tools keep of where a conference stands (phase, private-time setting)
 * and of the people in it (the columns that decide their access), so that who hears what is
 * decided by the gate (lib/conference/gate.ts) without a database read for every broadcast.
 * Requests never use these copies: each is decided on rows read fresh (requests.ts).
 */

/** The conference columns the gate decides with, as last heard. */
export type ConferenceStanding = AccessConference

/** A participant's columns the gate decides with, as last read. */
export type ParticipantStanding = AccessSubject

export function conferenceStandingOf(conference: Conference): ConferenceStanding {
  return { phase: conference.phase, facilitator_stays_private: conference.facilitator_stays_private }
}

export function participantStandingOf(participant: Participant): ParticipantStanding {
  const { role, requires_admission, admission, removed_at, revoked_at } = participant
  return { role, requires_admission, admission, removed_at, revoked_at }
}

export async function readConferenceStanding(db: Db, conferenceId: string): Promise<ConferenceStanding | null> {
  const conference = await findConference(db, conferenceId)
  return conference ? conferenceStandingOf(conference) : null
}

/** The person's standing in this conference; null when they are not (or no longer) a participant of it. */
export async function readParticipantStanding(db: Db, conferenceId: string, participantId: string): Promise<ParticipantStanding | null> {
  const participant = await findParticipant(db, participantId)
  if (!participant || participant.conference_id !== conferenceId) return null
  return participantStandingOf(participant)
}

/** The gate's answer for this person now; someone unknown may do nothing. */
export function allows(person: ParticipantStanding | null | undefined, conference: ConferenceStanding, action: PolicyAction): boolean {
  return !!person && permits(person, conference, action)
}
