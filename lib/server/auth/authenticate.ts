import type { Db } from '../db/connect'
import { findConference } from '../db/repositories/conferences'
import { findLiveInvitation, findParticipant } from '../db/repositories/participants'
import type { Conference, Participant } from '../db/schema'
import { CloseCode } from '../../protocol/close-codes'
import { isTicket, verifyTicket } from './tickets'

export type AuthResult =
  | { ok: true; participant: Participant; conference: Conference }
  | { ok: false; code: typeof CloseCode.Unauthenticated | typeof CloseCode.Forbidden; reason: string }

/**
 * Who is knocking on a socket for `conferenceId`? Accepts a ticket (from the app) or a raw
 * invitation token (stock clients, the CLI). Unknown or malformed credentials are 4401;
 * a valid credential for another conference, or a revoked one, is 4403.
 */
export async function authenticateParticipant(
  db: Db,
  secret: string,
  token: string | null | undefined,
  conferenceId: string,
): Promise<AuthResult> {
  if (!token) return { ok: false, code: CloseCode.Unauthenticated, reason: 'missing token' }
  let participant: Participant | undefined
  if (isTicket(token)) {
    const ticket = verifyTicket(secret, token)
    if (!ticket) return { ok: false, code: CloseCode.Unauthenticated, reason: 'invalid or expired ticket' }
    if (ticket.c !== conferenceId) return { ok: false, code: CloseCode.Forbidden, reason: 'ticket is for another conference' }
    participant = await findParticipant(db, ticket.p)
  } else {
    const invitation = await findLiveInvitation(db, token)
    if (!invitation.live && invitation.revoked) return { ok: false, code: CloseCode.Forbidden, reason: 'invitation revoked' }
    if (invitation.live) participant = invitation.participant
  }
  if (!participant) return { ok: false, code: CloseCode.Unauthenticated, reason: 'unknown token' }
  if (participant.conference_id !== conferenceId) {
    return { ok: false, code: CloseCode.Forbidden, reason: 'token is for another conference' }
  }
  if (participant.revoked_at) return { ok: false, code: CloseCode.Forbidden, reason: 'invitation revoked' }
  const conference = await findConference(db, conferenceId)
  if (!conference) return { ok: false, code: CloseCode.Forbidden, reason: 'conference not found' }
  return { ok: true, participant, conference }
}
