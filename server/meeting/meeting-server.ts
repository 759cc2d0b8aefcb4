import type { Server as HttpServer } from 'node:http'
import { Server } from 'socket.io'
import { getLiveEvents } from '../../lib/server/conference/live-events'
import { markJoinedMeeting, markLastSeen } from '../../lib/server/db/repositories/invitation-reach'
import { isAdmitted } from '../../lib/conference/access-state'
import { CloseCode } from '../../lib/protocol/close-codes'
import { MEETING_PATH, MEETING_PROTOCOL_VERSION, type ClientToServerEvents } from '../../lib/protocol/meeting'
import { connectionLimitsFor, limitMeetingSockets, type ConnectionLimits } from '../connection-limits'
import type { BoardReader } from '../sync/board-reader'
import type { MeetingServer, ServerDeps } from '../types'
import { AgreementDesk } from './agreement-desk'
import { databaseProposalStore } from './proposal-store'
import { AGREEMENT_EVENTS, registerAgreementHandlers } from './agreement-handlers'
import { createAuditTrail } from './audit-trail'
import { createSocketAuthenticator } from './authenticate-socket'
import { refuseUntilAdmitted, reportUnknownEvents } from './client-events'
import { ConferenceRosters } from './conference-rosters'
import { registerDeviceHandlers } from './device-handlers'
import { FacilitationDesk } from './facilitation-desk'
import { FACILITATION_EVENTS, registerFacilitationHandlers } from './facilitation-handlers'
import { AdmissionDesk } from './admission-desk'
import { MeetingControlDesk } from './meeting-control-desk'
import { MEETING_CONTROL_EVENTS, registerMeetingControlHandlers } from './meeting-control-handlers'
import { createAllowRequest } from './origin-policy'
import { conferenceRoom, type MeetingIo, type MeetingSocket } from './types'

/** Every event a client may send; anything else is answered with an `error`. */
const CLIENT_EVENTS: ReadonlySet<keyof ClientToServerEvents> = new Set([
  'device:set',
  ...AGREEMENT_EVENTS,
  ...MEETING_CONTROL_EVENTS,
  ...FACILITATION_EVENTS,
])

/**
 * The meeting plane: socket.io on /socket.io, sharing the HTTP server with Next and the sync
 * endpoint. A socket authenticates in the handshake, which also decides where it stands
 * (AdmissionDesk): someone let in joins the conference's room, gets a `welcome`, its
 * `access:state`, the `conference:state` and the roster, each sent again on every change, and
 * the meeting's handlers (device, agreeing on the plan, running the meeting, facilitation), each
 * through `onRequest` (requests.ts), so every payload is parsed and then put to the gate.
 * Someone waiting in the lobby gets only their `welcome` and `access:state` until the
 * facilitator lets them in.
 */
export function createMeetingServer(deps: ServerDeps & { httpServer: HttpServer; boards: BoardReader; connectionLimits?: ConnectionLimits }): MeetingServer {
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
  // Several instances: a conference's room spans them (emits and fetchSockets reach every instance).
  if (deps.scaleOut) io.adapter(deps.scaleOut.socketAdapter())

  const audit = createAuditTrail(db, logger)
  // Whether the invitation reached its person (the facilitator's list). A failed write costs only that.
  const reach = (write: Promise<void>) => audit.track(write, 'invitation reach not recorded')
  // Several instances share the open proposals in the database; one keeps them in memory.
  const agreements = new AgreementDesk({
    db,
    logger,
    io,
    boards: deps.boards,
    ...(deps.scaleOut ? { store: databaseProposalStore(db), clusterWide: true } : {}),
  })
  // A new timer reaches `conference:state` too (AdmissionDesk sends it; `access` is created below).
  const facilitation = new FacilitationDesk({
    db,
    logger,
    io,
    onTimerChanged: (conferenceId) => void access.refresh(conferenceId),
    ...(deps.scaleOut ? { shared: { hands: deps.scaleOut.hands, presence: deps.scaleOut.meeting, lead: deps.scaleOut.lead } } : {}),
  })

  const closeSocket = (socket: MeetingSocket, code: number, reason: string) => {
    socket.emit('closing', { code, reason })
    socket.disconnect(true)
  }

  // Several instances: presence and the lobby through Redis (server/scale-out/meeting-presence.ts).
  const shared = deps.scaleOut?.meeting
  // Their instance died: this instance noticed (a roster shown here, or its sweep of the dead
  // instance when nobody of that conference is connected anywhere), and is the one that records it.
  const recordDeparture = (conferenceId: string, participantId: string) => {
    void audit.record('participant.left', conferenceId, participantId)
    reach(markLastSeen(db, participantId))
  }
  const offLeft = shared?.onLeft(recordDeparture)
  const rosters = new ConferenceRosters({
    db,
    logger,
    io,
    ...(shared ? { shared } : {}),
    onDeparted: recordDeparture,
    onNonMembers: (conferenceId, participantIds) => {
      for (const participantId of participantIds) {
        logger.info({ conferenceId, participantId }, 'closing sockets of a non-member')
        closeParticipantSockets(participantId, CloseCode.Forbidden, 'no longer a participant of this conference')
      }
    },
  })

  /**
   * Close a participant's sockets here, in the meeting or waiting in the lobby. Returns the
   * conferences whose roster shows them (to refresh) or where they had a socket.
   */
  const closeParticipantSockets = (participantId: string, code: number, reason: string): string[] => {
    const conferenceIds = new Set<string>()
    for (const roster of rosters.rostersWith(participantId)) conferenceIds.add(roster.conferenceId)
    for (const socket of access.socketsOf(participantId)) {
      conferenceIds.add(socket.data.conferenceId)
      closeSocket(socket, code, reason)
    }
    return [...conferenceIds]
  }

  /** Into the meeting (at once, or when let in from the lobby): the room, the handlers, the roster. */
  const enter = (socket: MeetingSocket) => {
    const { conferenceId, participantId, device } = socket.data
    void socket.join(conferenceRoom(conferenceId))
    // Every request the handlers take is put to the gate first, with rows read fresh (requests.ts).
    const requests = { db, logger }
    registerDeviceHandlers(socket, requests, rosters)
    registerAgreementHandlers(socket, io, requests, agreements)
    registerMeetingControlHandlers(socket, requests, control)
    registerFacilitationHandlers(socket, requests, facilitation)
    const { first } = rosters.connect(socket.id, conferenceId, participantId, device)
    if (first) {
      void audit.record('participant.joined', conferenceId, participantId)
      reach(markJoinedMeeting(db, participantId))
    }
    logger.debug({ conferenceId, participantId, socketId: socket.id }, 'socket joined')
  }

  const access = new AdmissionDesk({ db, logger, audit, enter, close: closeSocket, ...(shared ? { shared } : {}) })
  const control = new MeetingControlDesk({ db, logger, io, audit, access, rosters })

  io.use(createSocketAuthenticator({ config, db, logger }, isClosing))
  io.use(limitMeetingSockets(deps.connectionLimits ?? connectionLimitsFor(config)))

  io.on('connection', (socket) => {
    const { conferenceId, participantId, role, displayName } = socket.data
    reportUnknownEvents(socket, CLIENT_EVENTS)
    refuseUntilAdmitted(socket, CLIENT_EVENTS, () => isAdmitted(socket.data.access))
    socket.on('disconnect', () => {
      access.depart(socket)
      const left = rosters.disconnect(socket.id, conferenceId)
      if (left?.last) {
        void audit.record('participant.left', conferenceId, participantId)
        reach(markLastSeen(db, participantId))
      }
      logger.debug({ conferenceId, participantId, socketId: socket.id }, 'socket left')
    })
    socket.emit('welcome', { protocol: MEETING_PROTOCOL_VERSION, participantId, role, displayName })
    access.arrive(socket)
  })

  // Invitations and revocations made in this process (the web app) reach the roster at once.
  // Revocations made elsewhere arrive through server/revocations.ts → disconnectParticipant.
  const onMembershipChanged = ({ conferenceId }: { conferenceId: string }) => void rosters.refresh(conferenceId)
  // Phase, setting, role or admission changed (here or in a route handler): re-decide every
  // socket of the conference, and show the new phase and roles in the roster.
  const onAccessChanged = ({ conferenceId }: { conferenceId: string }) => {
    void access.refresh(conferenceId)
    void rosters.refresh(conferenceId)
  }
  const liveEvents = getLiveEvents()
  liveEvents.on('participant.invited', onMembershipChanged)
  liveEvents.on('participant.revoked', onMembershipChanged)
  liveEvents.on('conference.phase-changed', onAccessChanged)
  liveEvents.on('conference.settings-changed', onAccessChanged)
  liveEvents.on('participant.access-changed', onAccessChanged)
  // Changed on another instance (or it stopped answering): read again what it concerns.
  const offShared = shared?.onChanged((conferenceId, topic) => {
    if (topic === 'roster' || topic === 'restored') void rosters.refresh(conferenceId)
    if (topic === 'lobby' || topic === 'restored') void access.refresh(conferenceId)
    if (topic !== 'roster' && topic !== 'lobby') facilitation.onShared(conferenceId, topic)
    // A new timer is in `conference:state` too.
    if (topic === 'timer') void access.refresh(conferenceId)
  })
  const offLead = deps.scaleOut?.lead.onChanged((conferenceId, change) => facilitation.onLead(conferenceId, change))

  return {
    disconnectParticipant(participantId, code, reason) {
      for (const conferenceId of closeParticipantSockets(participantId, code, reason)) {
        // Re-read membership: a revoked participant disappears from everyone's roster.
        void rosters.refresh(conferenceId)
      }
    },

    shutOutRemoved(conferenceId, participantId) {
      access.shutOut(conferenceId, participantId, 'removed')
    },

    closeConference(conferenceId) {
      for (const socket of io.sockets.sockets.values()) {
        if (socket.data.conferenceId === conferenceId) closeSocket(socket, CloseCode.NotFound, 'conference deleted')
      }
    },

    async close() {
      if (closing) return
      closing = true
      liveEvents.off('participant.invited', onMembershipChanged)
      liveEvents.off('participant.revoked', onMembershipChanged)
      liveEvents.off('conference.phase-changed', onAccessChanged)
      liveEvents.off('conference.settings-changed', onAccessChanged)
      liveEvents.off('participant.access-changed', onAccessChanged)
      offShared?.()
      offLeft?.()
      offLead?.()
      for (const socket of io.sockets.sockets.values()) {
        closeSocket(socket, CloseCode.GoingAway, 'server shutting down')
      }
      // Not io.close(): it also closes the shared HTTP server and waits for every connection on
      // it (the sync sockets included), which server/app.ts does itself after closing sync.
      await io.sockets.adapter.close()
      io.engine.close()
      await facilitation.close()
      await audit.settled()
      await agreements.settled()
    },
  }
}
