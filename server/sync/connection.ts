import type { Duplex } from 'node:stream'
import WebSocket from 'ws'
import type { ConferencePhase, ParticipantRole } from '../../lib/conference/model'
import { policyContextOf } from '../../lib/conference/access-state'
import type { PolicyContext } from '../../lib/conference/policy'
import type { Logger } from '../../lib/server/log/logger'
import { CloseCode } from '../../lib/protocol/close-codes'
import type { ConferenceAccess, ParticipantAccess } from './read-decision'
import type { Writer } from './write-policy'
import { corkedSends } from './corked-sends'

/** Who is on the other end of a sync connection, fixed when it was authenticated. */
export interface ConnectionIdentity {
  participantId: string
  conferenceId: string
}

/** What decides what the connection may do; it changes live (role, admission, phase, settings). */
export interface ConnectionAccess {
  participant: ParticipantAccess
  conference: ConferenceAccess
}

// Input backpressure: stop reading a socket whose queue of unprocessed messages grows this long
// (storage is slower than the client), and read again once it has drained to the low mark.
const QUEUE_HIGH_WATER = 256
const QUEUE_LOW_WATER = 32

let nextConnectionId = 1

/**
 * One authenticated websocket on a board. Its messages are handled strictly one after the other
 * through a promise queue, because storing an update is asynchronous and Yjs updates from one
 * client must reach the database and the room in the order the client sent them.
 */
export class SyncConnection implements Writer {
  readonly id = nextConnectionId++
  readonly participantId: string
  readonly conferenceId: string
  /**
   * Loaded with the authentication and kept current by live events (live-access.ts), so a
   * write is decided from memory, never with a database read per message.
   */
  access: ConnectionAccess
  /** Awareness client ids this connection set; removed from the room when it closes. */
  readonly awarenessIds = new Set<number>()
  /**
   * Whether this client shows others' cursors live; false when its own presence says
   * `view.liveCursors: false` (a phone), and then others' presence reaches it at a low rate
   * (server/sync/room-presence.ts).
   */
  showsLiveCursors = true
  /**
   * The client has sent its sync step 2 (all it had that the room lacked). Before that, an update
   * may build on content still on its way in that step 2; after it, such an update means the
   * client's document has drifted from the board (e.g. it kept an edit the room refused).
   */
  sentStep2 = false
  /** Keep-alive: set by every pong, cleared by every ping. */
  alive = true
  /** Resolves when the socket has closed (either side, or terminated). */
  readonly closed: Promise<void>

  private queue: Promise<void> = Promise.resolve()
  private queued = 0
  private paused = false
  private closedByServer = false

  constructor(
    private readonly ws: WebSocket,
    identity: ConnectionIdentity,
    access: ConnectionAccess,
    private readonly logger: Logger,
    /** The socket under the websocket, to batch this turn's messages into one write (corked-sends.ts). */
    private readonly socket: Duplex | null = null,
  ) {
    this.participantId = identity.participantId
    this.conferenceId = identity.conferenceId
    this.access = access
    ws.on('pong', () => {
      this.alive = true
    })
    this.closed = new Promise((resolve) => ws.once('close', () => resolve()))
  }

  get role(): ParticipantRole {
    return this.access.participant.role
  }

  get phase(): ConferencePhase {
    return this.access.conference.phase
  }

  get policyContext(): PolicyContext {
    return policyContextOf(this.access.conference)
  }

  /** The socket is open: replies, relays and awareness still make sense. */
  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN
  }

  /**
   * Whether queued input should still be handled. A client that simply left may have sent edits
   * just before; those are still stored. After the server closed it for a cause (bad message,
   * revocation, storage failure) nothing more from it is accepted.
   */
  get acceptsInput(): boolean {
    return !this.closedByServer
  }

  send(message: Uint8Array): void {
    // No per-send callback: a failed write surfaces as the socket's error and close events.
    if (this.ws.readyState !== WebSocket.OPEN) return
    if (this.socket) corkedSends.cork(this.socket)
    this.ws.send(message)
  }

  /** Append a task to this connection's queue; tasks run one at a time in order. */
  enqueue(task: () => Promise<void> | void): void {
    this.queued++
    if (!this.paused && this.queued >= QUEUE_HIGH_WATER) {
      this.paused = true
      this.ws.pause()
    }
    this.queue = this.queue
      .then(task)
      .catch((err: unknown) => {
        // Tasks handle their own expected failures; this is the net under the unexpected ones.
        this.logger.error({ err, connectionId: this.id, conferenceId: this.conferenceId }, 'sync task failed')
        this.close(CloseCode.ServerError, 'internal error')
      })
      .finally(() => {
        this.queued--
        if (this.paused && this.queued <= QUEUE_LOW_WATER) {
          this.paused = false
          this.ws.resume()
        }
      })
  }

  /** Resolves once every task queued so far has run. */
  whenIdle(): Promise<void> {
    return this.queue
  }

  /** Close for a cause (4xxx, or 1001 on shutdown): later input from this client is dropped. */
  close(code: number, reason: string): void {
    this.closedByServer = true
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) {
      this.ws.close(code, reason)
    }
  }

  ping(): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.ping()
  }

  /** Drop a connection that stopped answering pings (no close handshake possible). */
  terminate(): void {
    this.closedByServer = true
    this.ws.terminate()
  }
}
