import { authenticateParticipant } from '../../lib/server/auth/authenticate'
import { accessStateOf, arrivalOf, forbiddenReasonOf } from '../../lib/conference/access-state'
import { markWaiting } from '../../lib/server/db/repositories/participants'
import { CloseCode } from '../../lib/protocol/close-codes'
import { MeetingHandshake, type MeetingRefusal } from '../../lib/protocol/meeting'
import type { ServerDeps } from '../types'
import type { MeetingSocket } from './types'

/** An Error socket.io hands to the client as `connect_error`, with `data` = { code, reason }. */
export function refusal(code: number, reason: string): Error & { data: MeetingRefusal } {
  return Object.assign(new Error(reason), { data: { code, reason } })
}

/**
 * Handshake middleware: who is this socket? The handshake's `auth` must parse as
 * MeetingHandshake and carry a credential for that very conference. One token check and at
 * most two indexed lookups, so a flood of handshakes stays cheap. A malformed handshake is
 * treated like a missing credential (4401): the server cannot tell who is knocking.
 *
 * Someone whose invitation needs admission and who has not been let in starts waiting in the
 * lobby here (stored), so the socket is decided before its first event; someone the facilitator
 * declined is refused like a revoked invitation (4403 'declined').
 */
export function createSocketAuthenticator(deps: ServerDeps, isClosing: () => boolean) {
  const { db, config, logger } = deps
  return (socket: MeetingSocket, next: (err?: Error) => void): void => {
    if (isClosing()) return next(refusal(CloseCode.GoingAway, 'server shutting down'))
    const handshake = MeetingHandshake.safeParse(socket.handshake.auth)
    if (!handshake.success) return next(refusal(CloseCode.Unauthenticated, 'bad handshake'))
    const { token, conferenceId, device } = handshake.data
    authenticateParticipant(db, config.authSecret, token, conferenceId)
      .then(async (result) => {
        if (!result.ok) {
          logger.debug({ conferenceId, code: result.code }, 'handshake refused')
          return next(refusal(result.code, result.reason))
        }
        const { participant, conference } = result
        const arrival = arrivalOf(participant)
        if (arrival && (await markWaiting(db, conference.id, participant.id))) Object.assign(participant, arrival)
        const access = accessStateOf(participant, conference)
        if (access === 'declined' || access === 'removed') {
          const reason = forbiddenReasonOf(access) ?? 'forbidden'
          logger.debug({ conferenceId, access }, 'handshake refused')
          return next(refusal(CloseCode.Forbidden, reason))
        }
        socket.data = {
          participantId: participant.id,
          conferenceId: conference.id,
          role: participant.role,
          displayName: participant.display_name,
          device,
          access,
        }
        next()
      })
      .catch((err: unknown) => {
        logger.error({ err, conferenceId }, 'handshake failed')
        next(refusal(CloseCode.ServerError, 'server error'))
      })
  }
}
