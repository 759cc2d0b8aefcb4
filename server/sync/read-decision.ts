import { forbiddenReasonOf, type AccessConference, type AccessSubject } from '../../lib/conference/access-state'
import { decide } from '../../lib/conference/gate'
import type { Conference, Participant } from '../../lib/server/db/schema'
import { ForbiddenReason } from '../../lib/protocol/close-codes'

/** The participant columns that decide access, as the sync server holds them for a connection. */
export type ParticipantAccess = AccessSubject
/** The conference columns that decide access (phase, private-time setting). */
export type ConferenceAccess = AccessConference

export type ReadDecision = { allowed: true } | { allowed: false; reason: ForbiddenReason }

export function participantAccessOf(row: Participant): ParticipantAccess {
  return { role: row.role, requires_admission: row.requires_admission, admission: row.admission, removed_at: row.removed_at, revoked_at: row.revoked_at }
}

export function conferenceAccessOf(row: Conference): ConferenceAccess {
  return { phase: row.phase, facilitator_stays_private: row.facilitator_stays_private }
}

/**
 * May this person have the board document right now? The gate's answer (lib/conference/gate.ts),
 * exactly as the meeting plane gets it: standing first (out, declined, in the lobby), then the
 * policy's `board.read` for the role in this phase. The reason becomes the 4403 close reason, so
 * the client can tell "wait" (lobby, private time) from "out".
 */
export function decideBoardRead(participant: ParticipantAccess, conference: ConferenceAccess): ReadDecision {
  const decision = decide(participant, conference, 'board.read')
  if (decision.ok) return { allowed: true }
  // Admitted without the board is the waiting room (private time): its reason says so.
  return { allowed: false, reason: forbiddenReasonOf(decision.state, participant.revoked_at !== null) ?? ForbiddenReason.PrivateTime }
}
