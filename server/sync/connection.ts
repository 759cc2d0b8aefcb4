import WebSocket from 'ws'
import type { ParticipantRole } from '../../lib/conference/model'
import type { Logger } from '../../lib/log/logger'
import { CloseCode } from '../../lib/protocol/close-codes'

/** Who is on the other end of a sync connection, fixed when it was authenticated. */
export interface ConnectionIdentity {
  participantId: string
  role: ParticipantRole
  conferenceId: string
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
export class SyncConnection implements ConnectionIdentity {
  readonly id = nextConnectionId++
  readonly participantId: string
  readonly role: ParticipantRole
  readonly conferenceId: string
  /** Awareness client ids this connection set; removed from the room when it closes. */
  readonly awarenessIds = new Set<number>()
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
    private readonly logger: Logger,
  ) {
    this.participantId = identity.participantId
    this.role = identity.role
    this.conferenceId = identity.conferenceId
    ws.on('pong', () => {
      this.alive = true
    })
    this.closed = new Promise((resolve) => ws.once('close', () => resolve()))
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
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(message)
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
