import { applyAwarenessUpdate, encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { Db } from '../../lib/server/db/connect'
import { loadBoard } from '../../lib/server/db/repositories/yjs-log'
import type { Logger } from '../../lib/server/log/logger'
import type { Cluster } from './cluster'

/** A board's messages between instances: [kind][instance id, 8 bytes][payload]. */
const enum Kind {
  /** A document update, stored already: [participant id length, u8][participant id][update]. */
  Update = 1,
  /** An awareness update (y-protocols encoding). */
  Awareness = 2,
  /** "Send me everyone's presence": a room just loaded on the sender. */
  AwarenessQuery = 3,
}

const HEADER = 1 + 8
/** A board's channel carries no more than a client may send, plus the header. */
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024
const CATCH_UP_DELAY_MS = 200

/** The origin of a transaction that came from another instance; carries who wrote it there. */
export interface RemoteOrigin {
  readonly remote: true
  readonly participantId: string | null
}

export function isRemoteOrigin(origin: unknown): origin is RemoteOrigin {
  return typeof origin === 'object' && origin !== null && (origin as { remote?: unknown }).remote === true
}

const REMOTE_AWARENESS: RemoteOrigin = { remote: true, participantId: null }

export interface RelayedRoom {
  readonly doc: Y.Doc
  readonly awareness: Awareness
}

/**
 * The boards held on several instances at once stay one board. Every update a room applies here
 * (after storing it: append before relay) is published on the board's channel; every update
 * another instance published is applied to the room here without storing it again (it is stored)
 * and relayed by the room to its own connections, as its own updates are. Presence the same way,
 * never stored.
 *
 * What a channel misses (Redis restarted, the connection dropped; pub/sub keeps nothing) is read
 * from the database: after resubscribing, and when an update arrives that builds on content the
 * room lacks (Yjs keeps it pending). Applying stored content twice changes nothing.
 */
export class BoardRelays {
  private readonly links = new Set<BoardLink>()

  constructor(
    private readonly cluster: Cluster,
    private readonly db: Db,
    private readonly logger: Logger,
  ) {
    cluster.onResubscribed(() => {
      for (const link of this.links) link.catchUp('resubscribed')
    })
  }

  /**
   * Subscribe to a board's channel before its room loads (what arrives meanwhile waits), so
   * nothing published between the load's read and the subscription is missed.
   */
  async open(conferenceId: string): Promise<BoardLink> {
    const link = new BoardLink(conferenceId, this.cluster, this.db, this.logger, () => this.links.delete(link))
    await link.subscribe()
    this.links.add(link)
    return link
  }
}

export class BoardLink {
  private room: RelayedRoom | null = null
  private waiting: Buffer[] = []
  private unsubscribe: (() => void) | null = null
  private catchUpTimer: NodeJS.Timeout | null = null
  private catchingUp = false
  /** Presence states another instance introduced (its devices'). */
  private readonly remoteClients = new Set<number>()
  private readonly channel: string
  private readonly self: Buffer

  constructor(
    readonly conferenceId: string,
    private readonly cluster: Cluster,
    private readonly db: Db,
    private readonly logger: Logger,
    private readonly onClose: () => void,
  ) {
    this.channel = `kring:board:${conferenceId}`
    this.self = cluster.instanceId
  }

  async subscribe(): Promise<void> {
    this.unsubscribe = await this.cluster.subscribe(this.channel, (message) => this.receive(message))
  }

  /** The room is loaded: apply what arrived meanwhile, then relay both ways. */
  attach(room: RelayedRoom): void {
    this.room = room
    room.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (isRemoteOrigin(origin)) return
      this.publish(Kind.Update, encodeWriter(participantOf(origin), update))
    })
    room.awareness.on('update', ({ added, updated, removed }: AwarenessChanges, origin: unknown) => {
      if (origin === REMOTE_AWARENESS) {
        for (const id of [...added, ...updated]) this.remoteClients.add(id)
        for (const id of removed) this.remoteClients.delete(id)
        return
      }
      // A state set here is this instance's from now on (a device that moved over after its instance died).
      for (const id of [...added, ...updated]) this.remoteClients.delete(id)
      // A removal here of a state another instance introduced is not that instance's news: a local
      // connection that echoed it (stock providers echo what they receive) has left. Not passed on.
      const clients = [...added, ...updated, ...removed.filter((id) => !this.remoteClients.has(id))]
      if (clients.length > 0) this.publish(Kind.Awareness, Buffer.from(encodeAwarenessUpdate(room.awareness, clients)))
    })
    room.doc.once('destroy', () => this.close())
    const waiting = this.waiting
    this.waiting = []
    for (const message of waiting) this.receive(message)
    // The others' presence now, rather than at their next renewal (up to 15 s).
    this.publish(Kind.AwarenessQuery, Buffer.alloc(0))
  }

  close(): void {
    if (this.catchUpTimer) clearTimeout(this.catchUpTimer)
    this.unsubscribe?.()
    this.unsubscribe = null
    this.room = null
    this.onClose()
  }

  /** Read the stored board and apply it (after a gap in the channel). */
  catchUp(reason: string): void {
    if (this.catchUpTimer || !this.room) return
    this.catchUpTimer = setTimeout(() => {
      this.catchUpTimer = null
      void this.readStored(reason)
    }, CATCH_UP_DELAY_MS)
    this.catchUpTimer.unref()
  }

  private async readStored(reason: string): Promise<void> {
    if (this.catchingUp) return this.catchUp(reason)
    this.catchingUp = true
    try {
      const board = await loadBoard(this.db, this.conferenceId)
      const room = this.room
      if (!room) return
      for (const update of board.snapshot ? [board.snapshot, ...board.updates] : board.updates) {
        try {
          Y.applyUpdate(room.doc, update, REMOTE_STORED)
        } catch {
          // Skipped like any stored update Yjs cannot apply (server/sync/persistence.ts).
        }
      }
      this.logger.info({ conferenceId: this.conferenceId, reason }, 'board caught up from storage')
    } catch (err) {
      this.logger.warn({ err, conferenceId: this.conferenceId }, 'board could not be caught up from storage; trying again')
      this.catchUp(reason)
    } finally {
      this.catchingUp = false
    }
  }

  private publish(kind: Kind, payload: Buffer): void {
    const message = Buffer.allocUnsafe(HEADER + payload.length)
    message[0] = kind
    this.self.copy(message, 1)
    payload.copy(message, HEADER)
    this.cluster.publish(this.channel, message)
  }

  private receive(message: Buffer): void {
    if (message.length < HEADER || message.length > MAX_MESSAGE_BYTES) return
    if (message.subarray(1, HEADER).equals(this.self)) return
    if (!this.room) {
      this.waiting.push(message)
      return
    }
    const room = this.room
    const payload = message.subarray(HEADER)
    try {
      switch (message[0]) {
        case Kind.Update: {
          const { participantId, update } = decodeWriter(payload)
          Y.applyUpdate(room.doc, update, { remote: true, participantId } satisfies RemoteOrigin)
          // Builds on something this instance never received: read the board again.
          if (room.doc.store.pendingStructs !== null || room.doc.store.pendingDs !== null) this.catchUp('pending')
          return
        }
        case Kind.Awareness:
          applyAwarenessUpdate(room.awareness, payload, REMOTE_AWARENESS)
          return
        case Kind.AwarenessQuery: {
          const clients = [...room.awareness.getStates().keys()]
          if (clients.length > 0) this.publish(Kind.Awareness, Buffer.from(encodeAwarenessUpdate(room.awareness, clients)))
          return
        }
      }
    } catch (err) {
      // Only another Kring instance publishes here; log without content and go on.
      this.logger.warn({ err, conferenceId: this.conferenceId, kind: message[0] }, 'a message from another instance could not be applied')
    }
  }
}

const REMOTE_STORED: RemoteOrigin = { remote: true, participantId: null }

interface AwarenessChanges {
  added: number[]
  updated: number[]
  removed: number[]
}

/** The participant behind a local transaction (room.ts applies a connection's update with it as origin). */
function participantOf(origin: unknown): string | null {
  if (typeof origin !== 'object' || origin === null) return null
  const participantId = (origin as { participantId?: unknown }).participantId
  return typeof participantId === 'string' && participantId.length > 0 && participantId.length < 256 ? participantId : null
}

function encodeWriter(participantId: string | null, update: Uint8Array): Buffer {
  const id = Buffer.from(participantId ?? '', 'utf8')
  const out = Buffer.allocUnsafe(1 + id.length + update.length)
  out[0] = id.length
  id.copy(out, 1)
  out.set(update, 1 + id.length)
  return out
}

function decodeWriter(payload: Buffer): { participantId: string | null; update: Uint8Array } {
  const length = payload[0] ?? 0
  const participantId = length > 0 ? payload.subarray(1, 1 + length).toString('utf8') : null
  return { participantId, update: new Uint8Array(payload.subarray(1 + length)) }
}
