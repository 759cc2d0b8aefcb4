import { Awareness, applyAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { Logger } from '../../lib/server/log/logger'
import { CloseCode } from '../../lib/protocol/close-codes'
import type { SyncConnection } from './connection'
import type { BoardStorage } from './persistence'
import {
  encodeAwareness,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  isEmptyUpdate,
  type AwarenessEntry,
  type ClientMessage,
  type DecodedUpdate,
} from './protocol'
import { inspectUpdate, type UpdateEffect } from './record-guard'
import { WriteRefusal, type WriteDecision, type WritePolicy } from './write-policy'

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
  /** Which connection introduced each awareness client id (its states go when it leaves). */
  private readonly awarenessOwner = new Map<number, SyncConnection>()

  constructor(
    readonly conferenceId: string,
    readonly doc: Y.Doc,
    readonly awareness: Awareness,
    private readonly storage: BoardStorage,
    private readonly writePolicy: WritePolicy,
    private readonly logger: Logger,
    private readonly hooks: RoomHooks = {},
  ) {
    // The server holds no awareness state of its own.
    awareness.setLocalState(null)
    // Relay every change to the document to everyone but the connection it came from. Only
    // applied (hence already stored) updates get here: see BoardStorage.commit.
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.broadcast(encodeUpdate(update), origin)
    })
    awareness.on('update', ({ added, updated, removed }: AwarenessChanges, origin: unknown) => {
      this.broadcast(encodeAwareness(awareness, [...added, ...updated, ...removed]), origin)
    })
  }

  static create(conferenceId: string, doc: Y.Doc, storage: BoardStorage, writePolicy: WritePolicy, logger: Logger, hooks: RoomHooks = {}): Room {
    return new Room(conferenceId, doc, new Awareness(doc), storage, writePolicy, logger, hooks)
  }

  get connectionCount(): number {
    return this.connections.size
  }

  /** Start syncing a connection: sync step 1 and everyone's current awareness. */
  join(connection: SyncConnection): void {
    this.connections.add(connection)
    connection.send(encodeSyncStep1(this.doc))
    const clientIds = [...this.awareness.getStates().keys()]
    if (clientIds.length > 0) connection.send(encodeAwareness(this.awareness, clientIds))
  }

  /** Stop relaying to a connection and remove the awareness states it set. */
  leave(connection: SyncConnection): void {
    if (!this.connections.delete(connection)) return
    const owned = [...connection.awarenessIds].filter((id) => this.awarenessOwner.get(id) === connection)
    for (const id of owned) this.awarenessOwner.delete(id)
    connection.awarenessIds.clear()
    if (owned.length > 0) removeAwarenessStates(this.awareness, owned, null)
  }

  /** Handle one decoded message. Called from the connection's queue, so strictly in order. */
  async receive(connection: SyncConnection, message: ClientMessage): Promise<void> {
    switch (message.kind) {
      case 'update':
        if (message.step2) connection.sentStep2 = true
        return this.write(connection, message.update, message.decoded)
      case 'sync-step1':
        connection.send(encodeSyncStep2(this.doc, message.stateVector))
        return
      case 'awareness':
        this.applyAwareness(connection, message.update, message.entries)
        return
      case 'query-awareness':
        connection.send(encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]))
        return
    }
  }

  /** Fold the log into a snapshot and free the document (the room has no connections left). */
  async unload(): Promise<void> {
    try {
      await this.storage.flush()
    } finally {
      this.awareness.destroy()
      this.doc.destroy()
    }
  }

  /**
   * A document write: work out what it would change, decide, store, then apply (which relays
   * it). An update that changes nothing (a reconnecting client's step 2 repeats what the room
   * has) is neither stored nor refused, so a reader is not told off for syncing.
   *
   * Nothing that builds on content the room lacks is stored: Yjs would keep it pending, to land
   * later wherever the missing content says, past the policy. Before the client's step 2 that is
   * an edit racing its own step 2 (which carries it again), so it is skipped; after, the client
   * has drifted from the board and is told so.
   */
  private async write(connection: SyncConnection, update: Uint8Array, decoded: DecodedUpdate): Promise<void> {
    if (isEmptyUpdate(update)) return
    const effect = this.inspect(update, decoded)
    if (!effect.changes) return
    if (effect.missing && !connection.sentStep2) return
    const decision: WriteDecision = effect.missing ? { allowed: false, reason: WriteRefusal.OutOfSync } : this.writePolicy(connection, effect)
    if (!decision.allowed) {
      // Refused whole and reported, not dropped: the client learns its edit was refused.
      connection.send(encodePermissionDenied(decision.reason))
      this.logger.info({ conferenceId: this.conferenceId, participantId: connection.participantId, connectionId: connection.id, reason: decision.reason }, 'write refused')
      return
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
    } catch (err) {
      // Storage failed (not applied, not relayed; the client still holds the edit and resends it
      // after reconnecting), or Yjs refused an update that decoded fine (kept out of the room).
      this.logger.error({ err, conferenceId: this.conferenceId, connectionId: connection.id }, 'update not applied')
      connection.close(CloseCode.ServerError, 'edit could not be stored')
    }
  }

  private inspect(update: Uint8Array, decoded: DecodedUpdate): UpdateEffect {
    try {
      return inspectUpdate(this.doc, update, decoded)
    } catch (err) {
      // It decoded (protocol.ts), so this is a shape the guard does not follow: assume the worst.
      this.logger.warn({ err, conferenceId: this.conferenceId }, 'update could not be inspected')
      return { changes: true, missing: true, touchesBottomLine: true, touchesOther: true, scaleMarks: [], records: [] }
    }
  }

  private applyAwareness(connection: SyncConnection, update: Uint8Array, entries: AwarenessEntry[]): void {
    if (!connection.isOpen) return
    // A client may clear only states it introduced, not someone else's cursor. (Stock providers
    // echo the states they receive, so a removal echoed this way is simply not applied twice.)
    for (const entry of entries) {
      const owner = this.awarenessOwner.get(entry.clientId)
      if (!entry.present && owner !== undefined && owner !== connection) return
    }
    // The first connection to introduce a client id owns it; echoes from others do not count.
    for (const entry of entries) {
      const owner = this.awarenessOwner.get(entry.clientId)
      if (entry.present && owner === undefined) {
        this.awarenessOwner.set(entry.clientId, connection)
        connection.awarenessIds.add(entry.clientId)
      } else if (!entry.present && owner === connection) {
        this.awarenessOwner.delete(entry.clientId)
        connection.awarenessIds.delete(entry.clientId)
      }
    }
    applyAwarenessUpdate(this.awareness, update, connection)
  }

  private broadcast(message: Uint8Array, except: unknown): void {
    for (const connection of this.connections) {
      if (connection !== except) connection.send(message)
    }
  }
}

interface AwarenessChanges {
  added: number[]
  updated: number[]
  removed: number[]
}
