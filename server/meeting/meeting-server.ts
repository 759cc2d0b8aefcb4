import type { Server as HttpServer } from 'node:http'
import { Server } from 'socket.io'
import { getLiveEvents } from '../../lib/conference/live-events'
import { CloseCode } from '../../lib/protocol/close-codes'
import { MEETING_PATH, MEETING_PROTOCOL_VERSION, type ClientToServerEvents } from '../../lib/protocol/meeting'
import type { BoardReader } from '../sync/board-reader'
import type { MeetingServer, ServerDeps } from '../types'
import { AgreementDesk } from './agreement-desk'
import { AGREEMENT_EVENTS, registerAgreementHandlers } from './agreement-handlers'
import { createSocketAuthenticator } from './authenticate-socket'
import { reportUnknownEvents } from './client-events'
import { ConferenceRosters } from './conference-rosters'
import { registerDeviceHandlers } from './device-handlers'
import { createAllowRequest } from './origin-policy'
import { createPresenceAudit } from './presence-audit'
import { conferenceRoom, type MeetingIo, type MeetingSocket } from './types'

/** Every event a client may send; anything else is answered with an `error`. */
const CLIENT_EVENTS: ReadonlySet<keyof ClientToServerEvents> = new Set(['device:set', ...AGREEMENT_EVENTS])

/**
 * The meeting plane: socket.io on /socket.io, sharing the HTTP server with Next and the sync
 * endpoint. A socket authenticates in the handshake, joins its conference's room, gets a
 * `welcome` and then the roster, which is broadcast again on every change. Feature handlers
 * (today: device and agreeing on the plan; later: phases, hands, timers, follow-me) register
 * per socket beside `registerDeviceHandlers`, each through `onClientEvent` so every payload is
 * parsed.
 */
export function createMeetingServer(deps: ServerDeps & { httpServer: HttpServer; boards: BoardReader }): MeetingServer {
  const { config, db, httpServer } = deps
  const logger = deps.logger.child({ component: 'meeting' })
  let closing = false
  const isClosing = () => closing

  const io: MeetingIo = new Server(httpServer, {
    path: MEETING_PATH,
    serveClient: false,
    // server/app.ts routes the other upgrades (/sync, Next's HMR) itself.
    destroyUpgrade: false,
    maxHttpBufferSize: config.meeting.maxMessageBytes,
    // No `cors` option: cross-origin browser requests get no CORS headers, and allowRequest
    // refuses the handshake of any page not served from PUBLIC_URL.
    allowRequest: createAllowRequest(config.publicUrl, isClosing),
  })

  const audit = createPresenceAudit(db, logger)
  const agreements = new AgreementDesk({ db, logger, io, boards: deps.boards })

  const closeSocket = (socket: MeetingSocket, code: number, reason: string) => {
    socket.emit('closing', { code, reason })
    socket.disconnect(true)
  }

  const rosters = new ConferenceRosters({
    db,
    logger,
    io,
    onNonMembers: (conferenceId, participantIds) => {
      for (const participantId of participantIds) {
        logger.info({ conferenceId, participantId }, 'closing sockets of a non-member')
        closeParticipantSockets(participantId, CloseCode.Forbidden, 'no longer a participant of this conference')
      }
    },
  })

  /** Close a participant's sockets here. Returns the conferences they were connected to. */
  const closeParticipantSockets = (participantId: string, code: number, reason: string): string[] => {
    const conferenceIds: string[] = []
    for (const roster of rosters.rostersWith(participantId)) {
      conferenceIds.push(roster.conferenceId)
      for (const socketId of roster.socketsOf(participantId)) {
        const socket = io.sockets.sockets.get(socketId)
        if (socket) closeSocket(socket, code, reason)
      }
    }
    return conferenceIds
  }

  io.use(createSocketAuthenticator({ config, db, logger }, isClosing))

  io.on('connection', (socket) => {
    const { conferenceId, participantId, role, displayName, device } = socket.data
    void socket.join(conferenceRoom(conferenceId))
    reportUnknownEvents(socket, CLIENT_EVENTS)
    registerDeviceHandlers(socket, logger, rosters)
    socket.on('disconnect', () => {
      const left = rosters.disconnect(socket.id, conferenceId)
      if (left?.last) audit.record('participant.left', conferenceId, participantId)
      logger.debug({ conferenceId, participantId, socketId: socket.id }, 'socket left')
    })

    socket.emit('welcome', { protocol: MEETING_PROTOCOL_VERSION, participantId, role, displayName })
    registerAgreementHandlers(socket, io, logger, agreements)
    const { first } = rosters.connect(socket.id, conferenceId, participantId, device)
    if (first) audit.record('participant.joined', conferenceId, participantId)
    logger.debug({ conferenceId, participantId, socketId: socket.id }, 'socket joined')
  })

  // Invitations and revocations made in this process (the web app) reach the roster at once.
  // Revocations made elsewhere arrive through server/revocations.ts → disconnectParticipant.
  const onMembershipChanged = ({ conferenceId }: { conferenceId: string }) => void rosters.refresh(conferenceId)
  const liveEvents = getLiveEvents()
  liveEvents.on('participant.invited', onMembershipChanged)
  liveEvents.on('participant.revoked', onMembershipChanged)

  return {
    disconnectParticipant(participantId, code, reason) {
      for (const conferenceId of closeParticipantSockets(participantId, code, reason)) {
        // Re-read membership: a revoked participant disappears from everyone's roster.
        void rosters.refresh(conferenceId)
      }
    },

    async close() {
      if (closing) return
      closing = true
      liveEvents.off('participant.invited', onMembershipChanged)
      liveEvents.off('participant.revoked', onMembershipChanged)
      for (const socket of io.sockets.sockets.values()) {
        closeSocket(socket, CloseCode.GoingAway, 'server shutting down')
      }
      // Not io.close(): it also closes the shared HTTP server and waits for every connection on
      // it (the sync sockets included), which server/app.ts does itself after closing sync.
      await io.sockets.adapter.close()
      io.engine.close()
      await audit.settled()
      await agreements.settled()
    },
  }
}
