import type { Conference, Participant } from '../db/schema'
import type { ConferenceSummary, ParticipantSummary } from '../../protocol/api'

/** Database rows → the shapes the API and the pages show (no token hashes, no user ids). */
export function toConferenceSummary(conference: Conference): ConferenceSummary {
  return {
    id: conference.id,
    title: conference.title,
    kind: conference.kind,
    phase: conference.phase,
    createdAt: conference.created_at,
  }
}

export function toParticipantSummary(participant: Participant): ParticipantSummary {
  return {
    id: participant.id,
    displayName: participant.display_name,
    role: participant.role,
    status: participant.revoked_at ? 'revoked' : 'active',
    createdAt: participant.created_at,
  }
}
