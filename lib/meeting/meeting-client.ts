import { io, type Socket } from 'socket.io-client'
import { Device, type ConferencePhase, type InvitableRole } from '../conference/model'
import {
  AckResult,
  ClosingMessage,
  MEETING_PATH,
  MEETING_PROTOCOL_VERSION,
  MeetingError,
  MeetingRefusal,
  RosterMessage,
  WelcomeMessage,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '../protocol/meeting'
import { CloseCode, ForbiddenReason } from '../protocol/close-codes'
import {
  AccessStateMessage,
  ConferenceStateMessage,
  LobbyMessage,
  PrivateTimeEndedMessage,
} from '../protocol/meeting-control'
import { createChannel, type Unsubscribe } from './channel'
import { parsedListener, requestWithAck, unreadableMessage } from './socket-messages'

/**
 * The browser's (and the tests') side of the meeting plane: one socket.io connection to a
 * conference, with every server message parsed by the protocol's zod schemas before anyone
 * sees it. Framework-free: a React hook wraps it, and so can anything else.
 *
 * ```ts
 * const meeting = connectMeeting({ conferenceId, device: 'phone', getToken: fetchTicket })
 * const stop = meeting.onRoster((roster) => render(roster.entries))
 * meeting.onStatus((s) => s.state === 'refused' && showSignInAgain(s.code))
 * // later
 * stop(); meeting.close()
 * ```
 *
 * Reconnection: socket.io retries lost connections with backoff; every attempt asks
 * `getToken` again (tickets are short-lived). A refusal is final for 4403 (revoked, removed,
 * declined, other conference); for 4401 one more attempt is made with a fresh token before
 * giving up, since an expired ticket is the usual cause. The server closing us with `closing`
 * 4403 is final too, except when its reason says "wait" (private family time, the lobby): then
 * the client keeps trying, more slowly, and reports `disconnected` with that reason.
 *
 * Running the meeting (lib/protocol/meeting-control.ts): the phase and settings, where I stand
 * (in, waiting room, lobby, out), the lobby for the facilitator, the end of private time; and the
 * requests to change them, each answered by the server's ack (or a timeout) as an AckResult.
 */

export interface MeetingClientOptions {
  /** Server base URL, e.g. `http://127.0.0.1:3000`. Default: the page's own origin. */
  url?: string
  /** A ticket or invitation token; called again before every (re)connect. */
  getToken: () => string | Promise<string>
  conferenceId: string
  device: Device
  /**
   * Default `['websocket']`: the board's sync needs WebSockets anyway, so long-polling would
   * only add a second path, and a websocket-only client needs no sticky sessions when Kring
   * runs as several instances.
   */
  transports?: ('websocket' | 'polling')[]
}

export type MeetingStatus =
  /** Opening the connection, or retrying after it was lost. */
  | { state: 'connecting' }
  | { state: 'connected' }
  /** Lost or closed; `willRetry` says whether the client tries again by itself. */
  | { state: 'disconnected'; reason: string; willRetry: boolean }
  /** The server refused us for good (4401 unknown/expired credential, 4403 not allowed). No more retries. */
  | { state: 'refused'; code: number; reason: string }

export interface MeetingClient {
  /** Who the server says we are. Replays the latest welcome to a new subscriber. */
  onWelcome(cb: (welcome: WelcomeMessage) => void): Unsubscribe
  /** The conference's roster, on every change. Replays the latest roster to a new subscriber. */
  onRoster(cb: (roster: RosterMessage) => void): Unsubscribe
  /** The server is about to disconnect us, with a close code (4403 revoked, 1001 shutting down). */
  onClosing(cb: (closing: ClosingMessage) => void): Unsubscribe
  /** Connection state. Replays the current state to a new subscriber. */
  onStatus(cb: (status: MeetingStatus) => void): Unsubscribe
  /** A request was refused by the server, or the server sent something unreadable. */
  onError(cb: (error: MeetingError) => void): Unsubscribe
  /** The conference's phase, settings and timer, on join and every change. Replays the latest. */
  onConferenceState(cb: (state: ConferenceStateMessage) => void): Unsubscribe
  /** Where I stand (on the board, waiting room, lobby, declined, removed). Replays the latest. */
  onAccessState(cb: (access: AccessStateMessage) => void): Unsubscribe
  /** Who waits in the lobby (sent to the facilitator only). Replays the latest. */
  onLobby(cb: (lobby: LobbyMessage) => void): Unsubscribe
  /** Private family time just ended ("we zijn klaar"). Not replayed: it is a moment, not a state. */
  onPrivateTimeEnded(cb: (ended: PrivateTimeEndedMessage) => void): Unsubscribe
  /** Facilitator: move the conference to another phase. */
  setPhase(phase: ConferencePhase): Promise<AckResult>
  /** Family side (or the facilitator when present): "we zijn klaar", private time ends. */
  endPrivateTime(): Promise<AckResult>
  /** Facilitator: whether the facilitator stays during private family time. */
  setFacilitatorStaysInPrivateTime(stays: boolean): Promise<AckResult>
  /** Facilitator: let someone in from the lobby. */
  admit(participantId: string): Promise<AckResult>
  /** Facilitator: turn someone in the lobby away. */
  decline(participantId: string): Promise<AckResult>
  /** Facilitator: take someone out of the meeting; `keepInvitation` lets them ask to come back. */
  removeParticipant(participantId: string, keepInvitation: boolean): Promise<AckResult>
  /** Facilitator: give someone another role (never facilitator); effective at once. */
  setRole(participantId: string, role: InvitableRole): Promise<AckResult>
  /**
   * Tell the server (and so everyone's roster) which layout we are in. While disconnected the
   * device is sent with the next handshake and this resolves `{ ok: true }` at once.
   */
  setDevice(device: Device): Promise<AckResult>
  /** Disconnect for good (status becomes `disconnected`/`closed` unless it was `refused`). */
  close(): void
  /**
   * The socket itself, for feature bindings over the same connection (agreeing, facilitation:
   * `bindFacilitation(meeting.socket)`). Bind right after connectMeeting returns: the server's
   * first messages arrive only after that. Never emit or disconnect through it directly.
   */
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>
}

const ACK_TIMEOUT_MS = 10_000
const RETRY_DELAY_MS = 1_000
const RETRY_DELAY_MAX_MS = 15_000
// Someone told to wait (lobby, private time) is let back in by the server's events; should the
// server have closed the meeting socket too, knock again now and then, never in a tight loop.
const WAIT_RETRY_MIN_MS = 5_000

/** A 4403 whose reason says "wait, you will be let in" rather than "you are out". */
export function isWaitingReason(reason: string): boolean {
  return reason === ForbiddenReason.PrivateTime || reason === ForbiddenReason.AwaitingAdmission
}

export function connectMeeting(options: MeetingClientOptions): MeetingClient {
  let device = Device.parse(options.device)
  const welcome = createChannel<WelcomeMessage>({ replay: true })
  const roster = createChannel<RosterMessage>({ replay: true })
  const status = createChannel<MeetingStatus>({ replay: true })
  const closing = createChannel<ClosingMessage>({ replay: false })
  const errors = createChannel<MeetingError>({ replay: false })
  const conferenceState = createChannel<ConferenceStateMessage>({ replay: true })
  const access = createChannel<AccessStateMessage>({ replay: true })
  const lobby = createChannel<LobbyMessage>({ replay: true })
  const privateTimeEnded = createChannel<PrivateTimeEndedMessage>({ replay: false })

  let closedByUs = false
  let retriedAfter401 = false
  let lastClosing: ClosingMessage | null = null
  let retryTimer: ReturnType<typeof setTimeout> | null = null
  let retryAttempt = 0

  const setStatus = (next: MeetingStatus) => {
    const current = status.latest()
    if (current && JSON.stringify(current) === JSON.stringify(next)) return
    status.emit(next)
  }

  const socketOptions = {
    path: MEETING_PATH,
    transports: options.transports ?? ['websocket'],
    // One Manager per client: two meetings (or two test clients) must not share a connection.
    forceNew: true,
    reconnectionDelay: RETRY_DELAY_MS,
    reconnectionDelayMax: RETRY_DELAY_MAX_MS,
    auth: (cb: (data: object) => void) => {
      const handshake = { conferenceId: options.conferenceId, device, protocol: MEETING_PROTOCOL_VERSION }
      Promise.resolve()
        .then(options.getToken)
        .then(
          (token) => cb({ ...handshake, token }),
          // No token to offer: the server answers 4401, which the refusal rules handle.
          () => cb(handshake),
        )
    },
  }
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = options.url
    ? io(options.url, socketOptions)
    : io(socketOptions)

  const unreadable = (what: string) => () => errors.emit(unreadableMessage(what))

  /** Reconnect later ourselves (socket.io does not after a server-side disconnect or refusal). */
  const scheduleRetry = (minDelayMs = 0) => {
    if (closedByUs || retryTimer) return
    const delay = Math.max(minDelayMs, Math.min(RETRY_DELAY_MAX_MS, RETRY_DELAY_MS * 2 ** retryAttempt++))
    retryTimer = setTimeout(() => {
      retryTimer = null
      if (closedByUs) return
      setStatus({ state: 'connecting' })
      socket.connect()
    }, delay)
  }

  /** The server said no (handshake refusal or `closing`): decide whether to try again. */
  const handleRefusal = (code: number, reason: string) => {
    if (code === CloseCode.Forbidden && isWaitingReason(reason)) {
      setStatus({ state: 'disconnected', reason, willRetry: true })
      scheduleRetry(WAIT_RETRY_MIN_MS)
      return
    }
    if (code === CloseCode.Forbidden || (code === CloseCode.Unauthenticated && retriedAfter401)) {
      setStatus({ state: 'refused', code, reason })
      return
    }
    if (code === CloseCode.Unauthenticated) {
      retriedAfter401 = true
      setStatus({ state: 'connecting' })
      socket.connect()
      return
    }
    setStatus({ state: 'disconnected', reason, willRetry: true })
    scheduleRetry()
  }

  socket.on('connect', () => {
    retriedAfter401 = false
    retryAttempt = 0
    lastClosing = null
    setStatus({ state: 'connected' })
  })

  socket.on('connect_error', (err: Error & { data?: unknown }) => {
    if (closedByUs) return
    if (socket.active) {
      // Network trouble or the server is down: socket.io retries by itself.
      setStatus({ state: 'disconnected', reason: 'unreachable', willRetry: true })
      return
    }
    const refusal = MeetingRefusal.safeParse(err.data)
    if (refusal.success) handleRefusal(refusal.data.code, refusal.data.reason)
    else handleRefusal(CloseCode.ServerError, 'connection refused')
  })

  socket.on('disconnect', (reason) => {
    if (closedByUs) return
    if (socket.active) {
      setStatus({ state: 'disconnected', reason, willRetry: true })
      return
    }
    // The server disconnected us; `closing` (sent just before) says why.
    const why = lastClosing ?? { code: CloseCode.GoingAway, reason }
    handleRefusal(why.code, why.reason)
  })

  socket.io.on('reconnect_attempt', () => {
    if (!closedByUs) setStatus({ state: 'connecting' })
  })

  socket.on('welcome', parsedListener(WelcomeMessage, welcome.emit, unreadable('welcome')))
  socket.on('roster', parsedListener(RosterMessage, roster.emit, unreadable('roster')))
  socket.on(
    'closing',
    parsedListener(
      ClosingMessage,
      (message) => {
        lastClosing = message
        closing.emit(message)
      },
      unreadable('closing'),
    ),
  )
  socket.on('conference:state', parsedListener(ConferenceStateMessage, conferenceState.emit, unreadable('conference state')))
  socket.on('access:state', parsedListener(AccessStateMessage, access.emit, unreadable('access state')))
  socket.on('lobby', parsedListener(LobbyMessage, lobby.emit, unreadable('lobby')))
  socket.on('private-time:ended', parsedListener(PrivateTimeEndedMessage, privateTimeEnded.emit, unreadable('end of private time')))

  /** Send a request and wait for the server's answer; never throws. */
  const request = (event: keyof ClientToServerEvents, payload: unknown): Promise<AckResult> =>
    requestWithAck(socket, event, payload, ACK_TIMEOUT_MS)

  socket.on('error', (raw: unknown) => {
    const parsed = MeetingError.safeParse(raw)
    errors.emit(parsed.success ? parsed.data : { code: 'server_error', message: 'unreadable error from server' })
  })

  setStatus({ state: 'connecting' })

  return {
    socket,
    onWelcome: welcome.subscribe,
    onRoster: roster.subscribe,
    onClosing: closing.subscribe,
    onStatus: status.subscribe,
    onError: errors.subscribe,
    onConferenceState: conferenceState.subscribe,
    onAccessState: access.subscribe,
    onLobby: lobby.subscribe,
    onPrivateTimeEnded: privateTimeEnded.subscribe,

    setPhase: (phase) => request('phase:set', { phase }),
    endPrivateTime: () => request('private-time:end', {}),
    setFacilitatorStaysInPrivateTime: (stays) => request('settings:set', { facilitatorStaysInPrivateTime: stays }),
    admit: (participantId) => request('lobby:admit', { participantId }),
    decline: (participantId) => request('lobby:decline', { participantId }),
    removeParticipant: (participantId, keepInvitation) => request('participant:remove', { participantId, keepInvitation }),
    setRole: (participantId, role) => request('participant:set-role', { participantId, role }),

    setDevice(next) {
      const parsed = Device.safeParse(next)
      if (!parsed.success) {
        return Promise.resolve({ ok: false, error: { code: 'bad_request', message: 'device: not phone or desktop' } })
      }
      device = parsed.data
      // While disconnected the device goes with the next handshake.
      if (!socket.connected) return Promise.resolve({ ok: true })
      return request('device:set', { device })
    },

    close() {
      if (closedByUs) return
      closedByUs = true
      if (retryTimer) clearTimeout(retryTimer)
      retryTimer = null
      socket.disconnect()
      // A refusal stays the last word: it says more than "closed".
      if (status.latest()?.state !== 'refused') setStatus({ state: 'disconnected', reason: 'closed', willRetry: false })
    },
  }
}
