import * as Y from 'yjs'
import { recordsOfDoc, takeCheckpoint } from '../../lib/server/conference/board-history'
import { isItemKey, type BoardRecords, type CheckpointRetention } from '../../lib/server/conference/board-history-rules'
import { getLiveEvents, type LiveEventMap } from '../../lib/server/conference/live-events'
import type { Db } from '../../lib/server/db/connect'
import type { CheckpointReason } from '../../lib/server/db/schema'
import type { Logger } from '../../lib/server/log/logger'
import { jsonEqual } from '../../lib/sync/json-equal'
import { isRemoteEvent } from '../scale-out/live-bridge'
import { removedRecords, type UpdateEffect } from './record-guard'

export interface CheckpointOptions {
  /** How often a board that changed gets an 'interval' checkpoint. */
  intervalMs: number
  /** An update that removes more items than this gets a 'before-delete' checkpoint first. */
  bigDeleteItems: number
  retention?: CheckpointRetention
}

export const DEFAULT_CHECKPOINT_OPTIONS: CheckpointOptions = { intervalMs: 3 * 60 * 1000, bigDeleteItems: 5 }

interface BoardActivity {
  /** Changed since the last checkpoint this process took. */
  dirty: boolean
  /** Participant ids that edited since then. */
  editors: Set<string>
}

/**
 * Where the sync server takes the board's checkpoints (lib/server/conference/board-history.ts):
 * - every `intervalMs` for each loaded board that changed since its last checkpoint, and once more
 *   when a changed board's room unloads;
 * - at every phase change (live event `conference.phase-changed`) and agreed version
 *   (`board.version-agreed`, from the agreement desk), whether or not it changed;
 * - before an update that removes more than `bigDeleteItems` items (Room's beforeCommit hook):
 *   the state is read from the room before the update is stored, and the update waits for it.
 * A failed checkpoint is logged and never holds up an edit.
 */
export class BoardCheckpoints {
  private readonly boards = new Map<string, BoardActivity>()
  private readonly pending = new Set<Promise<unknown>>()
  private readonly options: CheckpointOptions

  constructor(
    private readonly deps: {
      db: Db
      logger: Logger
      /** The loaded room's document, if the board is loaded in this process. */
      liveDoc(conferenceId: string): Y.Doc | undefined
      /** The board now, loaded or not (BoardReader). */
      readBoard(conferenceId: string): Promise<Uint8Array>
    },
    options: Partial<CheckpointOptions> = {},
  ) {
    this.options = { ...DEFAULT_CHECKPOINT_OPTIONS, ...options }
  }

  /** Start the interval and the live-event listeners; returns the stop function. */
  start(): () => void {
    const timer = setInterval(() => this.tick(), this.options.intervalMs)
    timer.unref()
    const events = getLiveEvents()
    // One checkpoint per event: the instance where it happened takes it (not every instance it reached).
    const onPhase = (event: LiveEventMap['conference.phase-changed'][0]) => {
      if (!isRemoteEvent(event)) this.track(this.takeNow(event.conferenceId, 'phase-change'))
    }
    const onVersion = (event: LiveEventMap['board.version-agreed'][0]) => {
      if (!isRemoteEvent(event)) this.track(this.takeNow(event.conferenceId, 'version'))
    }
    events.on('conference.phase-changed', onPhase)
    events.on('board.version-agreed', onVersion)
    return () => {
      clearInterval(timer)
      events.off('conference.phase-changed', onPhase)
      events.off('board.version-agreed', onVersion)
    }
  }

  /** A change reached a loaded board (any update: a client's, or a restore). */
  noteChange(conferenceId: string): void {
    this.activity(conferenceId).dirty = true
  }

  /**
   * Room hook, before an allowed update is stored: who edits (only updates that change an item: a
   * device that tidies records on arrival, as tldraw does, has not edited), and a checkpoint first
   * if it removes many items.
   */
  async beforeCommit(conferenceId: string, doc: Y.Doc, participantId: string, effect: UpdateEffect): Promise<void> {
    const removedItems = removedRecords(effect).filter((r) => isItemKey(r.key)).length
    if (removedItems > this.options.bigDeleteItems) {
      // The state before the delete, taken and stored before the delete is; it is the deleter's doing.
      this.activity(conferenceId).editors.add(participantId)
      await this.take(conferenceId, 'before-delete', recordsOfDoc(doc))
    }
    if (changesItems(effect)) this.activity(conferenceId).editors.add(participantId)
  }

  /** The room is unloading: keep what changed since the last checkpoint (read now, stored after). */
  roomClosing(conferenceId: string, doc: Y.Doc): void {
    if (!this.boards.get(conferenceId)?.dirty) {
      this.boards.delete(conferenceId)
      return
    }
    this.track(this.take(conferenceId, 'interval', recordsOfDoc(doc)).finally(() => this.boards.delete(conferenceId)))
  }

  /** Resolves when no checkpoint is being written (shutdown, tests). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending])
  }

  private tick(): void {
    for (const [conferenceId, activity] of this.boards) {
      if (!activity.dirty) continue
      const doc = this.deps.liveDoc(conferenceId)
      if (doc) this.track(this.take(conferenceId, 'interval', recordsOfDoc(doc)))
    }
  }

  private async takeNow(conferenceId: string, reason: CheckpointReason): Promise<void> {
    const live = this.deps.liveDoc(conferenceId)
    if (live) return this.take(conferenceId, reason, recordsOfDoc(live))
    let state: Uint8Array
    try {
      state = await this.deps.readBoard(conferenceId)
    } catch (err) {
      this.deps.logger.warn({ err, conferenceId, reason }, 'board could not be read for a checkpoint')
      return
    }
    const doc = new Y.Doc()
    try {
      Y.applyUpdate(doc, state)
      return await this.take(conferenceId, reason, recordsOfDoc(doc))
    } finally {
      doc.destroy()
    }
  }

  /** `records` were read synchronously by the caller; what changes after belongs to the next one. */
  private async take(conferenceId: string, reason: CheckpointReason, records: BoardRecords): Promise<void> {
    const activity = this.activity(conferenceId)
    const editors = [...activity.editors]
    activity.dirty = false
    activity.editors.clear()
    try {
      const checkpoint = await takeCheckpoint(this.deps.db, { conferenceId, reason, editors, records, retention: this.options.retention })
      if (checkpoint) this.deps.logger.debug({ conferenceId, reason, items: checkpoint.itemCount, bytes: checkpoint.bytes }, 'board checkpoint taken')
    } catch (err) {
      // Not lost for good: the board counts as changed again, so the next interval tries.
      activity.dirty = true
      for (const id of editors) activity.editors.add(id)
      this.deps.logger.warn({ err, conferenceId, reason }, 'board checkpoint failed')
    }
  }

  private activity(conferenceId: string): BoardActivity {
    let activity = this.boards.get(conferenceId)
    if (!activity) {
      activity = { dirty: false, editors: new Set() }
      this.boards.set(conferenceId, activity)
    }
    return activity
  }

  private track(work: Promise<unknown>): void {
    const tracked = work.finally(() => this.pending.delete(tracked))
    this.pending.add(tracked)
  }
}

/** Whether an update adds, changes or deletes an item (a shape), as opposed to rewriting one as it was. */
function changesItems(effect: UpdateEffect): boolean {
  return effect.records.some((touch) => isItemKey(touch.key) && (touch.change === 'delete' || !jsonEqual(touch.value, touch.previous)))
}
