import { createTicket } from '../auth/tickets'
import type { Db } from '../db/connect'
import { findConference } from '../db/repositories/conferences'
import { findLiveInvitation, findParticipantForUser } from '../db/repositories/participants'
import type { Conference, Participant } from '../db/schema'

/** What a request about one conference carries: a session's user id, this conference's invitation cookie, both or neither. */
export interface ViewerCredentials {
  userId?: string | undefined
  invitationToken?: string | undefined
}

/**
 * Who is looking, before anything is decided about what they may see:
 * - `unauthenticated`: no credential at all (a route answers 401, a page sends them to sign in);
 * - `forbidden`: a credential that opens nothing here: a signed-in account without a participant
 *   row in this conference, an unknown or revoked invitation, one of another conference, or a
 *   conference that does not exist. All alike (403), so a conference id alone reveals nothing.
 */
export type ViewerLookup = { ok: true; conference: Conference; participant: Participant } | { ok: false; reason: 'unauthenticated' | 'forbidden' }

/**
 * Who is looking at a conference: a signed-in user with a participant row in it, else the holder
 * of its invitation (lib/server/db/repositories/participants.ts `findLiveInvitation`). What they may then
 * see or do is the gate's decision (lib/conference/gate.ts), never this function's.
 */
export async function findViewer(db: Db, conferenceId: string, credentials: ViewerCredentials): Promise<ViewerLookup> {
  if (!credentials.userId && !credentials.invitationToken) return { ok: false, reason: 'unauthenticated' }
  const participant = await participantOf(db, conferenceId, credentials)
  const conference = participant ? await findConference(db, conferenceId) : undefined
  if (!participant || !conference) return { ok: false, reason: 'forbidden' }
  return { ok: true, conference, participant }
}

async function participantOf(db: Db, conferenceId: string, credentials: ViewerCredentials): Promise<Participant | undefined> {
  if (credentials.userId) {
    const own = await findParticipantForUser(db, conferenceId, credentials.userId)
    if (own) return own
  }
  if (!credentials.invitationToken) return undefined
  const invitation = await findLiveInvitation(db, credentials.invitationToken)
  return invitation.live && invitation.participant.conference_id === conferenceId ? invitation.participant : undefined
}

/** A short-lived pass for the sync and meeting sockets (see lib/server/auth/tickets.ts). */
export function issueBoardTicket(
  secret: string,
  participant: Participant,
  ttlSeconds: number,
  now = Date.now(),
): { ticket: string; expiresAt: string } {
  return {
    ticket: createTicket(secret, participant.id, participant.conference_id, ttlSeconds, now),
    expiresAt: new Date(Math.floor(now / 1000) * 1000 + ttlSeconds * 1000).toISOString(),
  }
}
