import { authenticateParticipant } from '../../lib/auth/authenticate'
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
 */
export function createSocketAuthenticator(deps: ServerDeps, isClosing: () => boolean) {
  const { db, config, logger } = deps
  return (socket: MeetingSocket, next: (err?: Error) => void): void => {
    if (isClosing()) return next(refusal(CloseCode.GoingAway, 'server shutting down'))
    const handshake = MeetingHandshake.safeParse(socket.handshake.auth)
    if (!handshake.success) return next(refusal(CloseCode.Unauthenticated, 'bad handshake'))
    const { token, conferenceId, device } = handshake.data
    authenticateParticipant(db, config.authSecret, token, conferenceId)
      .then((result) => {
        if (!result.ok) {
          logger.debug({ conferenceId, code: result.code }, 'handshake refused')
          return next(refusal(result.code, result.reason))
        }
        socket.data = {
          participantId: result.participant.id,
          conferenceId: result.conference.id,
          role: result.participant.role,
          displayName: result.participant.display_name,
          device,
        }
        next()
      })
      .catch((err: unknown) => {
        logger.error({ err, conferenceId }, 'handshake failed')
        next(refusal(CloseCode.ServerError, 'server error'))
      })
  }
}
