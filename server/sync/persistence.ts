import * as Y from 'yjs'
import type { Db } from '../../lib/server/db/connect'
import { checkpointWal } from '../../lib/server/db/sqlite-workers'
import { compactBoard, loadBoard, type StoredBoard, type UpdateAppender } from '../../lib/server/db/repositories/yjs-log'
import type { Logger } from '../../lib/server/log/logger'
import { shouldCompact } from './compaction-policy'

/**
 * A board's storage while its room is loaded: append-before-apply and compaction.
 *
 * The invariant that makes `kill -9` safe: an update is committed to the log before it is
 * applied to the room's document, and only the document relays (Y.Doc 'update' event) and
 * answers sync requests. So whatever any client has received is in the database.
 *
 * Compaction folds the log into a snapshot of the document up to the last applied update id.
 * It only snapshots while no append is between "stored" and "applied", so the snapshot holds
 * every update up to that id and deleting those log rows loses nothing.
 */
/**
 * A fresh Y.Doc holding a stored board: its snapshot, then every update logged after it. An
 * update that Yjs cannot apply (it should never have been stored) is skipped and counted, so one
 * bad row cannot lock a family out of its board.
 */
export function docOfStoredBoard(board: StoredBoard, conferenceId: string, logger: Logger): Y.Doc {
  return readStoredBoard(board, conferenceId, logger).doc
}

function readStoredBoard(board: StoredBoard, conferenceId: string, logger: Logger): { doc: Y.Doc; skipped: number } {
  const doc = new Y.Doc()
  let skipped = 0
  for (const update of board.snapshot ? [board.snapshot, ...board.updates] : board.updates) {
    try {
      Y.applyUpdate(doc, update)
    } catch {
      skipped++
    }
  }
  if (skipped > 0) logger.error({ conferenceId, skipped }, 'stored updates could not be applied and were skipped')
  return { doc, skipped }
}

/**
 * What storage already knows about a room's document while it is still exactly what was loaded
 * (BoardStorage.asLoaded), so a room need not encode a large board to learn it.
 */
export interface LoadedBoard {
  /**
   * The stored snapshot's bytes plus the bytes of every update logged after it: what the board
   * quota would have counted had the room stayed loaded since the snapshot was written (the
   * snapshot is the document's state encoded, each update adds at most about its own size).
   */
  storedBytes: number
  /** The stored snapshot, when nothing was logged after it and all of it applied: the document's whole state, encoded. */
  wholeState: Uint8Array | null
}

/**
 * Folds the board's stored log into its snapshot by itself (PostgreSQL, several instances:
 * server/scale-out/shared-compaction.ts), instead of snapshotting this room's document.
 */
export type StoredCompaction = (conferenceId: string) => Promise<unknown>

export class BoardStorage {
  private inFlight = 0
  private lastAppliedId: number
  /** Updates in the log not yet folded into the snapshot, and their bytes. */
  private sinceCompaction: number
  private logBytes: number
  /** The stored snapshot's bytes (exact on SQLite; on PostgreSQL, compactFromStorage estimates it). */
  private snapshotBytes: number
  /** After a failed compaction: the log length before which it is not tried again. */
  private retryAt = 0
  private compacting: Promise<void> | null = null
  private compactionWanted = false
  /** Until the document first changes after the load (asLoaded). */
  private loaded: LoadedBoard | null

  private constructor(
    private readonly db: Db,
    private readonly append: UpdateAppender,
    readonly conferenceId: string,
    private readonly doc: Y.Doc,
    private readonly compactAfterUpdates: number,
    private readonly logger: Logger,
    board: StoredBoard,
    appliedWhole: boolean,
    private readonly compactStored?: StoredCompaction,
  ) {
    this.lastAppliedId = board.lastUpdateId
    this.sinceCompaction = board.updates.length
    this.logBytes = board.updates.reduce((sum, update) => sum + update.byteLength, 0)
    this.snapshotBytes = board.snapshot?.byteLength ?? 0
    this.loaded = {
      storedBytes: this.snapshotBytes + this.logBytes,
      wholeState: appliedWhole && board.updates.length === 0 ? board.snapshot : null,
    }
    const forget = () => {
      this.loaded = null
      doc.off('update', forget)
    }
    doc.on('update', forget)
  }

  /**
   * What the stored board says about the document, as long as the document is still exactly
   * what was loaded: no update applied since, nothing left pending (a restore reapplied on load
   * that builds on missing content changes the encoding without an update event). Else null.
   */
  get asLoaded(): LoadedBoard | null {
    if (this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null) return null
    return this.loaded
  }

  /** Load a board from its snapshot and log into a fresh Y.Doc (docOfStoredBoard) and take over its storage. */
  static async load(
    { db, append, compactAfterUpdates, logger, compactStored }: { db: Db; append: UpdateAppender; compactAfterUpdates: number; logger: Logger; compactStored?: StoredCompaction },
    conferenceId: string,
  ): Promise<{ doc: Y.Doc; storage: BoardStorage }> {
    const board = await loadBoard(db, conferenceId)
    const { doc, skipped } = readStoredBoard(board, conferenceId, logger)
    const droppedPending = dropPending(doc, conferenceId, logger)
    logger.debug({ conferenceId, logLength: board.updates.length, snapshot: board.snapshot !== null }, 'board loaded')
    const appliedWhole = skipped === 0 && !droppedPending
    const storage = new BoardStorage(db, append, conferenceId, doc, compactAfterUpdates, logger, board, appliedWhole, compactStored)
    if (storage.compactionDue()) storage.requestCompaction()
    return { doc, storage }
  }

  /**
   * Store an update, then (synchronously, right after the commit) apply it. Throws if storing
   * failed; `apply` has then not run. If `apply` throws the update is stored but the error
   * is passed on to the caller.
   */
  async commit(update: Uint8Array, apply: () => void): Promise<void> {
    this.inFlight++
    let id: number
    try {
      id = await this.append(this.conferenceId, update)
    } catch (err) {
      this.inFlight--
      throw err
    }
    try {
      apply()
    } finally {
      this.inFlight--
      if (id > this.lastAppliedId) this.lastAppliedId = id
      this.sinceCompaction++
      this.logBytes += update.byteLength
      if (this.compactionDue()) this.compactionWanted = true
      if (this.compactionWanted && this.inFlight === 0) this.requestCompaction()
    }
  }

  /** Wait for a running compaction, then fold whatever is left of the log (room unload). */
  async flush(): Promise<void> {
    if (this.compacting) await this.compacting
    if (this.sinceCompaction > 0) await this.compactNow()
  }

  /** Whether the log is due to be folded (compaction-policy.ts), unless a failed try waits for more. */
  private compactionDue(): boolean {
    if (this.sinceCompaction < this.retryAt) return false
    return shouldCompact({ updates: this.sinceCompaction, logBytes: this.logBytes, snapshotBytes: this.snapshotBytes }, this.compactAfterUpdates)
  }

  private requestCompaction(): void {
    this.compactionWanted = true
    if (this.compacting || this.inFlight > 0) return
    this.compactionWanted = false
    this.compacting = this.compactNow().finally(() => {
      this.compacting = null
      if (this.compactionWanted && this.inFlight === 0) this.requestCompaction()
    })
  }

  private async compactNow(): Promise<void> {
    if (this.compactStored) return this.compactFromStorage(this.compactStored)
    // Snapshot and bookkeeping are taken in one synchronous step: nothing is half-applied here.
    const snapshot = Y.encodeStateAsUpdate(this.doc)
    const upTo = this.lastAppliedId
    const folded = this.sinceCompaction
    const foldedBytes = this.logBytes
    try {
      await compactBoard(this.db, this.conferenceId, snapshot, upTo)
      this.sinceCompaction -= folded
      this.logBytes -= foldedBytes
      this.snapshotBytes = snapshot.byteLength
      this.retryAt = 0
      // The snapshot just written is in the WAL: move it into the database file now (SQLite).
      checkpointWal(this.db)
      this.logger.debug({ conferenceId: this.conferenceId, folded, bytes: snapshot.length }, 'board compacted')
    } catch (err) {
      // The log is intact (one transaction); try again after another batch of updates.
      this.retryAt = this.sinceCompaction + this.compactAfterUpdates
      this.logger.warn({ err, conferenceId: this.conferenceId }, 'compaction failed')
    }
  }

  private async compactFromStorage(compactStored: StoredCompaction): Promise<void> {
    const folded = this.sinceCompaction
    const foldedBytes = this.logBytes
    try {
      await compactStored(this.conferenceId)
      this.sinceCompaction -= folded
      this.logBytes -= foldedBytes
      // An upper estimate (merged updates take less room than apart, deletions shrink it): it only
      // lets a large board compact somewhat less often, and the update-count cap still holds.
      this.snapshotBytes += foldedBytes
      this.retryAt = 0
    } catch (err) {
      this.retryAt = this.sinceCompaction + this.compactAfterUpdates
      this.logger.warn({ err, conferenceId: this.conferenceId }, 'compaction failed')
    }
  }
}

/**
 * Stored content that builds on content never stored stays pending in Yjs forever, and Yjs hands
 * it to every client in sync step 2; the clients would send it back, and the room (which no
 * longer stores such content, see Room.write) would refuse their step 2 for it. Since rooms store
 * nothing pending, this is only ever left over from before: it is dropped, and a compaction
 * leaves it out of the snapshot.
 */
function dropPending(doc: Y.Doc, conferenceId: string, logger: Logger): boolean {
  if (doc.store.pendingStructs === null && doc.store.pendingDs === null) return false
  logger.error({ conferenceId }, 'stored updates depend on content that was never stored; they are left out')
  doc.store.pendingStructs = null
  doc.store.pendingDs = null
  return true
}
