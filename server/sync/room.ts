import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { Logger } from '../../lib/server/log/logger'
import { CloseCode } from '../../lib/protocol/close-codes'
import type { SyncConnection } from './connection'
import type { BoardStorage } from './persistence'
import { BoardQuota } from './board-quota'
import {
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  isEmptyStateVector,
  isEmptyUpdate,
  type ClientMessage,
  type DecodedUpdate,
} from './protocol'
import { inspectUpdate, type UpdateEffect } from './record-guard'
import { RoomPresence, type AwarenessChanges } from './room-presence'
import { validateUpdate, type BoardView } from './record-validation'
import { WholeBoardStep2 } from './whole-board'
import { WritePace, type WritePaceLimits } from './write-pace'
import { WriteRefusal, type WritePolicy } from './write-policy'
import { META_MAP, RECORDS_MAP, SCHEMA_KEY } from '../../lib/sync/document-format'

/** The room's limits (README, Configuration: SYNC_*). */
export interface RoomLimits {
  /** Refuse writes that would grow the board past this (`board-full`). */
  maxBoardBytes: number
  /** Largest message the room sends to a client. */
  maxOutgoingBytes: number
  /** Largest message a client may send (the write pace lets one through at once). */
  maxMessageBytes: number
  pace: WritePaceLimits
}

/** What the rest of the sync server may do around a room's writes (server/sync/checkpoints.ts). */
export interface RoomHooks {
  /** After the policy allowed an update and before it is stored: e.g. a checkpoint before a big delete. */
  beforeCommit?(conferenceId: string, doc: Y.Doc, participantId: string, effect: UpdateEffect): Promise<void>
}

/**
 * One board in memory: its Y.Doc, its awareness and the connections that have joined it.
 * The room does not know about websockets or HTTP; it talks to connections through
 * `send`/`close` and to the database through its BoardStorage.
 */
export class Room {
  private readonly connections = new Set<SyncConnection>()
  /** Who owns which presence, what a client may set, and how it travels on (room-presence.ts). */
  private readonly presence: RoomPresence
  private readonly paces = new WeakMap<SyncConnection, WritePace>()
  private readonly quota: BoardQuota
  /** Sync step 2 for clients that hold nothing yet, encoded once per version of the board. */
  private readonly wholeBoard: WholeBoardStep2
  /** The board as the record validation reads it (record-validation.ts). */
  private readonly boardView: BoardView

  constructor(
    readonly conferenceId: string,
    readonly doc: Y.Doc,
    readonly awareness: Awareness,
    private readonly storage: BoardStorage,
    private readonly writePolicy: WritePolicy,
    private readonly logger: Logger,
    private readonly limits: RoomLimits,
    private readonly hooks: RoomHooks = {},
  ) {
    const loaded = storage.asLoaded
    this.quota = new BoardQuota(doc, limits.maxBoardBytes, loaded?.storedBytes)
    this.wholeBoard = new WholeBoardStep2(doc, loaded?.wholeState ?? null)
    const records = doc.getMap<unknown>(RECORDS_MAP)
    const meta = doc.getMap<unknown>(META_MAP)
    this.boardView = {
      record: (key) => records.get(key),
      entries: () => records.entries(),
      get schema() {
        return meta.get(SCHEMA_KEY)
      },
    }
    // The server holds no awareness state of its own.
    awareness.setLocalState(null)
    this.presence = new RoomPresence(awareness, () => this.connections, { conferenceId, logger, maxOutgoingBytes: limits.maxOutgoingBytes })
    // Relay every change to the document to everyone but the connection it came from. Only
    // applied (hence already stored) updates get here: see BoardStorage.commit.
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.broadcast(encodeUpdate(update), origin)
    })
    // Presence goes on paced per sender, never back to its sender (room-presence.ts).
    awareness.on('update', (changes: AwarenessChanges, origin: unknown) => {
      this.presence.relay(changes, origin)
    })
  }

  static create(conferenceId: string, doc: Y.Doc, storage: BoardStorage, writePolicy: WritePolicy, logger: Logger, limits: RoomLimits, hooks: RoomHooks = {}): Room {
    return new Room(conferenceId, doc, new Awareness(doc), storage, writePolicy, logger, limits, hooks)
  }

  get connectionCount(): number {
    return this.connections.size
  }

  /** Start syncing a connection: sync step 1 and everyone's current awareness. */
  join(connection: SyncConnection): void {
    this.connections.add(connection)
    connection.send(encodeSyncStep1(this.doc))
    this.sendPresence(connection)
  }

  /** Stop relaying to a connection and remove the awareness states it set. */
  leave(connection: SyncConnection): void {
    if (!this.connections.delete(connection)) return
    this.presence.leave(connection)
  }

  /** Handle one decoded message. Called from the connection's queue, so strictly in order. */
  async receive(connection: SyncConnection, message: ClientMessage): Promise<void> {
    switch (message.kind) {
      case 'update':
        if (message.step2) connection.sentStep2 = true
        return this.write(connection, message.update, message.decoded)
      case 'sync-step1':
        this.sendStep2(connection, message.stateVector)
        return
      case 'awareness':
        this.presence.receive(connection, message.entries)
        return
      case 'query-awareness':
        this.sendPresence(connection)
        return
    }
  }

  /** Fold the log into a snapshot and free the document (the room has no connections left). */
  async unload(): Promise<void> {
    try {
      await this.storage.flush()
    } finally {
      this.presence.destroy()
      this.awareness.destroy()
      this.doc.destroy()
    }
  }

  /**
   * A document write: pace it, work out what it would change, validate, decide, store, then apply
   * (which relays it). An update that changes nothing (a reconnecting client's step 2 repeats what
   * the room has) is neither stored nor refused, so a reader is not told off for syncing.
   *
   * Nothing that builds on content the room lacks is stored: Yjs would keep it pending, to land
   * later wherever the missing content says, past the policy. Before the client's step 2 that is
   * an edit racing its own step 2 (which carries it again), so it is skipped; after, the client
   * has drifted from the board and is told so.
   *
   * Every record it writes is validated (record-validation.ts) before the policy sees it, and
   * before anything is stored or relayed; one bad record refuses the whole update.
   */
  private async write(connection: SyncConnection, update: Uint8Array, decoded: DecodedUpdate): Promise<void> {
    if (isEmptyUpdate(update)) return
    // Paced per connection before anything is read: a flood waits on its own queue only.
    const pace = this.paceOf(connection).reserve(update.length)
    if ('refused' in pace) return this.refuse(connection, WriteRefusal.RateLimited)
    if (pace.wait > 0) {
      await new Promise((resolve) => setTimeout(resolve, pace.wait))
      if (!connection.acceptsInput) return
    }
    const effect = this.inspect(update, decoded)
    if (!effect.changes) return
    if (effect.missing && !connection.sentStep2) return
    if (effect.missing) return this.refuse(connection, WriteRefusal.OutOfSync)
    const validation = validateUpdate(effect, this.boardView)
    if (!validation.ok) return this.refuse(connection, validation.reason, { rule: validation.rule, recordType: validation.recordType })
    const decision = this.writePolicy(connection, effect)
    if (!decision.allowed) return this.refuse(connection, decision.reason)
    // A board at its limit still lets people delete: only growth is refused.
    if (writesSomething(effect) && !this.quota.allows(update.length)) {
      return this.refuse(connection, WriteRefusal.BoardFull, { boardBytes: this.quota.approximateBytes })
    }
    if (this.hooks.beforeCommit) {
      try {
        await this.hooks.beforeCommit(this.conferenceId, this.doc, connection.participantId, effect)
      } catch (err) {
        this.logger.warn({ err, conferenceId: this.conferenceId }, 'before-commit hook failed')
      }
    }
    try {
      await this.storage.commit(update, () => Y.applyUpdate(this.doc, update, connection))
      this.quota.stored(update.length)
    } catch (err) {
      // Storage failed (not applied, not relayed; the client still holds the edit and resends it
      // after reconnecting), or Yjs refused an update that decoded fine (kept out of the room).
      this.logger.error({ err, conferenceId: this.conferenceId, connectionId: connection.id }, 'update not applied')
      connection.close(CloseCode.ServerError, 'edit could not be stored')
    }
  }

  /** Refused whole and reported, not dropped: the client learns its edit was refused. Logged without content. */
  private refuse(connection: SyncConnection, reason: string, details: Record<string, unknown> = {}): void {
    connection.send(encodePermissionDenied(reason))
    this.logger.info({ conferenceId: this.conferenceId, participantId: connection.participantId, connectionId: connection.id, reason, ...details }, 'write refused')
  }

  private paceOf(connection: SyncConnection): WritePace {
    let pace = this.paces.get(connection)
    if (!pace) this.paces.set(connection, (pace = new WritePace(this.limits.pace, this.limits.maxMessageBytes)))
    return pace
  }

  /** Sync step 2 for a client; a board too large to send (it never should be, see the config check) closes only that connection. */
  private sendStep2(connection: SyncConnection, stateVector: Uint8Array): void {
    const message = isEmptyStateVector(stateVector) ? this.wholeBoard.encoded() : encodeSyncStep2(this.doc, stateVector)
    if (message.length > this.limits.maxOutgoingBytes) {
      this.logger.error({ conferenceId: this.conferenceId, connectionId: connection.id, bytes: message.length }, 'board too large to send')
      connection.close(CloseCode.ServerError, 'board too large to send')
      return
    }
    connection.send(message)
  }

  /** Everyone's presence, each state encoded on its own (a state that cannot be is left out). */
  private sendPresence(connection: SyncConnection): void {
    const message = this.presence.snapshotFor(connection)
    if (message) connection.send(message)
  }

  private inspect(update: Uint8Array, decoded: DecodedUpdate): UpdateEffect {
    try {
      return inspectUpdate(this.doc, update, decoded)
    } catch (err) {
      // It decoded (protocol.ts), so this is a shape the guard does not follow: assume the worst.
      this.logger.warn({ err, conferenceId: this.conferenceId }, 'update could not be inspected')
      return { changes: true, missing: true, touchesBottomLine: true, touchesOther: true, scaleMarks: [], records: [], outside: [] }
    }
  }

  private broadcast(message: Uint8Array, except: unknown): void {
    for (const connection of this.connections) {
      if (connection !== except) connection.send(message)
    }
  }
}

/** Whether an update stores anything new (a record or map value), rather than only deleting. */
function writesSomething(effect: UpdateEffect): boolean {
  return effect.records.some((touch) => touch.change === 'write') || (effect.outside ?? []).some((write) => write.values.length > 0 || !write.plain)
}
