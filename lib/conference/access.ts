import { INVITE_TOKEN_PATTERN } from '../auth/tokens'
import { createTicket } from '../auth/tickets'
import type { Db } from '../db/connect'
import { findConference } from '../db/repositories/conferences'
import { findParticipantByToken, findParticipantForUser } from '../db/repositories/participants'
import type { Conference, Participant } from '../db/schema'
import { ApiError } from '../protocol/api-error'

/**
 * Who may do what with a conference. Least privilege: only the conference's own facilitator
 * manages it; anyone else gets "not found", so a conference id alone reveals nothing.
 */
export async function requireFacilitatedConference(db: Db, conferenceId: string, userId: string): Promise<{ conference: Conference; facilitator: Participant }> {
  const facilitator = await findParticipantForUser(db, conferenceId, userId)
  const conference = facilitator?.role === 'facilitator' ? await findConference(db, conferenceId) : undefined
  if (!facilitator || !conference) throw new ApiError('not_found', 'conference not found')
  return { conference, facilitator }
}

export type BoardAccess =
  | { ok: true; conference: Conference; participant: Participant }
  | { ok: false; reason: 'unauthenticated' | 'forbidden' | 'not_found' }

/**
 * Who is looking at a board: a signed-in user with a participant row in this conference, else
 * the person whose invitation cookie belongs to it. No credential at all is "unauthenticated"
 * (send them to sign in); a credential that does not fit (revoked, other conference) is "forbidden".
 */
export async function resolveBoardAccess(
  db: Db,
  conferenceId: string,
  viewer: { userId?: string | undefined; invitationToken?: string | undefined },
): Promise<BoardAccess> {
  if (!viewer.userId && !viewer.invitationToken) return { ok: false, reason: 'unauthenticated' }
  const conference = await findConference(db, conferenceId)
  if (!conference) return { ok: false, reason: 'not_found' }
  if (viewer.userId) {
    const own = await findParticipantForUser(db, conferenceId, viewer.userId)
    if (own) return { ok: true, conference, participant: own }
  }
  const token = viewer.invitationToken
  if (token && INVITE_TOKEN_PATTERN.test(token)) {
    const invited = await findParticipantByToken(db, token)
    if (invited && invited.conference_id === conferenceId && !invited.revoked_at) {
      return { ok: true, conference, participant: invited }
    }
  }
  return { ok: false, reason: 'forbidden' }
}

/** A short-lived pass for the sync and meeting sockets (see lib/auth/tickets.ts). */
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
