import {
  FollowMessage,
  HandsMessage,
  SpotlightMessage,
  TimerMessage,
  type FacilitationClientEvents,
  type PageBox,
} from '../protocol/facilitation'
import type { Socket } from 'socket.io-client'
import type { AckResult, ClientToServerEvents, MeetingError, ServerToClientEvents } from '../protocol/meeting'
import { createChannel, type Unsubscribe } from './channel'
import { isUnanswered, parsedListener, requestWithAck, unreadableMessage } from './socket-messages'

/**
 * The client side of the facilitation tools (raised hands, follow me, the phase timer,
 * spotlight) over any socket.io client socket: every server message is parsed with the
 * protocol's zod schemas before anyone sees it, every request is answered (an ack, or a
 * timeout). Framework-free, so the board's hooks and the integration tests use the same code.
 *
 * Bind before the socket connects (right where it is opened): the server tells a socket where
 * everything stands as soon as it joins, and the channels replay that to later subscribers.
 */

/** The part of a socket.io client socket this needs (an untyped socket, as the tests open one). */
export interface FacilitationSocket {
  on(event: string, listener: (raw: unknown) => void): unknown
  off(event: string, listener: (raw: unknown) => void): unknown
  readonly connected: boolean
  timeout(ms: number): unknown
}

type FacilitationRequest = keyof FacilitationClientEvents

/** A timer message with the moment it arrived here, to count down on this device's clock. */
export interface ReceivedTimer extends TimerMessage {
  receivedAt: number
}

export interface FacilitationClient {
  /** The queue of raised hands, oldest first. Replays the latest. */
  onHands(cb: (message: HandsMessage) => void): Unsubscribe
  /** Who leads "follow me" and where they look (null leader: nobody). Replays the latest. */
  onFollow(cb: (message: FollowMessage) => void): Unsubscribe
  /** The spotlighted region, or none. Replays the latest. */
  onSpotlight(cb: (message: SpotlightMessage) => void): Unsubscribe
  /** The phase timer, or none. Replays the latest. */
  onTimer(cb: (message: ReceivedTimer) => void): Unsubscribe
  /** A server message could not be read (a protocol mismatch): reported, never thrown. */
  onProtocolError(cb: (error: MeetingError) => void): Unsubscribe
  raiseHand(): Promise<AckResult>
  lowerHand(): Promise<AckResult>
  /** Facilitator: lower one person's hand, or (no id) everyone's. */
  clearHands(participantId?: string): Promise<AckResult>
  /** Facilitator: start leading from this device, looking at `viewport`. */
  startFollow(viewport: PageBox): Promise<AckResult>
  /** Facilitator, while leading: where this device looks now (send at most 10 a second). */
  sendViewport(viewport: PageBox): Promise<AckResult>
  stopFollow(): Promise<AckResult>
  /** Facilitator: a timer of `minutes` for the current phase; 0 stops it. */
  setTimer(minutes: number): Promise<AckResult>
  /** Facilitator: light up a region of the board, or (null) end it. */
  setSpotlight(region: PageBox | null): Promise<AckResult>
  /** Stop listening (the socket itself belongs to whoever opened it). */
  dispose(): void
}

const ACK_TIMEOUT_MS = 10_000

/** Kept here for the board's facilitation hooks, which import it with the client. */
export { isUnanswered }

/** The meeting client's own socket (`MeetingClient.socket`), typed with the protocol's events. */
export type MeetingSocket = Socket<ServerToClientEvents, ClientToServerEvents>

export function bindFacilitation(meetingSocket: FacilitationSocket | MeetingSocket, now: () => number = Date.now): FacilitationClient {
  // Listened to by name with unknown payloads (each parsed below), so the event typing does not apply.
  const socket = meetingSocket as FacilitationSocket
  const hands = createChannel<HandsMessage>({ replay: true })
  const follow = createChannel<FollowMessage>({ replay: true })
  const spotlight = createChannel<SpotlightMessage>({ replay: true })
  const timer = createChannel<ReceivedTimer>({ replay: true })
  const protocolErrors = createChannel<MeetingError>({ replay: false })

  const unreadable = (what: string) => () => protocolErrors.emit(unreadableMessage(what))
  const listeners: [string, (raw: unknown) => void][] = [
    ['hands', parsedListener(HandsMessage, hands.emit, unreadable('hands'))],
    ['follow', parsedListener(FollowMessage, follow.emit, unreadable('follow'))],
    ['spotlight', parsedListener(SpotlightMessage, spotlight.emit, unreadable('spotlight'))],
    ['timer', parsedListener(TimerMessage, (message) => timer.emit({ ...message, receivedAt: now() }), unreadable('timer'))],
  ]
  for (const [event, listener] of listeners) socket.on(event, listener)

  const request = (event: FacilitationRequest, payload: object) => requestWithAck(socket, event, payload, ACK_TIMEOUT_MS)

  return {
    onHands: hands.subscribe,
    onFollow: follow.subscribe,
    onSpotlight: spotlight.subscribe,
    onTimer: timer.subscribe,
    onProtocolError: protocolErrors.subscribe,
    raiseHand: () => request('hand:raise', {}),
    lowerHand: () => request('hand:lower', {}),
    clearHands: (participantId) => request('hand:clear', participantId === undefined ? {} : { participantId }),
    startFollow: (viewport) => request('follow:start', { viewport }),
    sendViewport: (viewport) => request('follow:viewport', { viewport }),
    stopFollow: () => request('follow:stop', {}),
    setTimer: (minutes) => request('timer:set', { minutes }),
    setSpotlight: (region) => request('spotlight:set', { region }),
    dispose() {
      for (const [event, listener] of listeners) socket.off(event, listener)
    },
  }
}
