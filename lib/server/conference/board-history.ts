import * as Y from 'yjs'
import type { Locale } from '../../i18n'
import { ApiError } from '../../protocol/api-error'
import type { CheckpointEntry, CheckpointPreviewResponse, HistoryListResponse, RestoreResponse } from '../../protocol/history'
import { recordsMapOf } from '../../sync/document-format'
import type { Db } from '../db/connect'
import { recordAudit } from '../db/repositories/audit'
import {
  deleteCheckpoints,
  findCheckpoint,
  insertCheckpoint,
  insertRestore,
  listCheckpoints,
  listRestoresOf,
  type CheckpointSummary,
} from '../db/repositories/board-checkpoints'
import { findConference } from '../db/repositories/conferences'
import { listParticipants } from '../db/repositories/participants'
import { appendUpdate, loadBoard } from '../db/repositories/yjs-log'
import type { CheckpointReason } from '../db/schema'
import { renderBoardSvg } from '../export/board-svg'
import {
  checkpointsToPrune,
  countItems,
  DEFAULT_RETENTION,
  itemLabel,
  itemsDeletedSince,
  itemType,
  keysToBringBack,
  type BoardRecords,
  type CheckpointRetention,
} from './board-history-rules'
import { computeRestore } from './board-history-update'
import { getLiveEvents } from './live-events'

/**
 * The board's history: checkpoints (restorable states) and restores, for the web app, the CLI and
 * the sync server (which takes the checkpoints: server/sync/checkpoints.ts).
 *
 * A checkpoint holds the board's records as JSON, not a Yjs state: a restore needs exactly the
 * records (what to set back, what to delete), the preview and the item count read them directly,
 * and they are the board as people saw it, without the edit history and tombstones a Yjs state
 * carries (which only grow during an evening).
 *
 * A restore is an ordinary Yjs update, made here against the board as stored (which holds every
 * edit any client has received: the sync server stores before it relays), appended to the board's
 * log like any update and kept in board_restores. The sync server relays it to a loaded room: at
 * once through the live event when the restore is made in its process (route handlers), within a
 * poll interval when made elsewhere (the CLI). Everyone converges without reloading.
 */

// ---- taking checkpoints -----------------------------------------------------------------

export async function takeCheckpoint(
  db: Db,
  input: { conferenceId: string; reason: CheckpointReason; editors: readonly string[]; records: BoardRecords; now?: Date; retention?: CheckpointRetention },
): Promise<CheckpointSummary | null> {
  const now = input.now ?? new Date()
  const conference = await findConference(db, input.conferenceId)
  if (!conference) return null
  // Past its retention the conference's board is due for deletion: no new copies of it.
  if (Date.parse(conference.retain_until) < now.getTime()) {
    await deleteCheckpoints(db, input.conferenceId, (await listCheckpoints(db, input.conferenceId)).map((c) => c.id))
    return null
  }
  const checkpoint = await insertCheckpoint(db, {
    conferenceId: input.conferenceId,
    reason: input.reason,
    editors: input.editors,
    itemCount: countItems(input.records),
    records: input.records,
    createdAt: now,
  })
  await pruneCheckpoints(db, input.conferenceId, now, input.retention)
  return checkpoint
}

export async function pruneCheckpoints(db: Db, conferenceId: string, now = new Date(), retention: CheckpointRetention = DEFAULT_RETENTION): Promise<number> {
  const all = await listCheckpoints(db, conferenceId)
  const prune = checkpointsToPrune(all, now, retention)
  await deleteCheckpoints(db, conferenceId, prune)
  return prune.length
}

/** The records of a Yjs document (a copy: later edits do not change it). */
export function recordsOfDoc(doc: Y.Doc): BoardRecords {
  return recordsMapOf(doc).toJSON() as BoardRecords
}

// ---- reading the stored board -----------------------------------------------------------

/**
 * The board as stored: snapshot, log, then every restore (Yjs ignores what it already has, so a
 * restore already in the log or snapshot changes nothing; one a compaction raced past comes back).
 * An update Yjs cannot apply is skipped, as when a room loads.
 */
export async function storedBoardDoc(db: Db, conferenceId: string): Promise<Y.Doc> {
  const board = await loadBoard(db, conferenceId)
  const restores = await listRestoresOf(db, conferenceId)
  const doc = new Y.Doc()
  const updates = [...(board.snapshot ? [board.snapshot] : []), ...board.updates, ...restores.map((r) => r.data)]
  for (const update of updates) {
    try {
      Y.applyUpdate(doc, update)
    } catch {
      // Same rule as loading a room: one bad stored row must not make the board unrestorable.
    }
  }
  return doc
}

// ---- the web app's and the CLI's use cases ----------------------------------------------

async function editorNames(db: Db, conferenceId: string): Promise<Map<string, string>> {
  const participants = await listParticipants(db, conferenceId)
  return new Map(participants.map((p) => [p.id, p.display_name]))
}

function toEntry(checkpoint: CheckpointSummary, names: ReadonlyMap<string, string>): CheckpointEntry {
  return {
    id: checkpoint.id,
    createdAt: checkpoint.createdAt,
    reason: checkpoint.reason,
    // Names are looked up now, from the participants (also revoked ones); the row keeps ids only.
    editors: checkpoint.editors.map((id) => ({ id, name: names.get(id) ?? '' })),
    itemCount: checkpoint.itemCount,
  }
}

/** The checkpoints of a board, newest first. The caller has asked the gate (`board.restore`). */
export async function listBoardHistory(db: Db, conferenceId: string): Promise<HistoryListResponse> {
  const [checkpoints, names] = await Promise.all([listCheckpoints(db, conferenceId), editorNames(db, conferenceId)])
  return { checkpoints: checkpoints.map((c) => toEntry(c, names)) }
}

/** One checkpoint: what it held, what was deleted since, and its image. */
export async function previewCheckpoint(db: Db, conferenceId: string, checkpointId: string, locale: Locale): Promise<CheckpointPreviewResponse> {
  const checkpoint = await findCheckpoint(db, conferenceId, checkpointId)
  if (!checkpoint) throw new ApiError('not_found', 'no such checkpoint')
  const doc = await storedBoardDoc(db, conferenceId)
  try {
    const current = recordsOfDoc(doc)
    const names = await editorNames(db, conferenceId)
    return {
      checkpoint: toEntry(checkpoint, names),
      currentItemCount: countItems(current),
      deletedSince: itemsDeletedSince(checkpoint.records, current).map((id) => ({
        id,
        type: itemType(checkpoint.records[id]),
        label: itemLabel(checkpoint.records[id]),
      })),
      svg: renderBoardSvg(checkpoint.records, { locale, redacted: false }),
    }
  } finally {
    doc.destroy()
  }
}

/**
 * Restore the whole board to a checkpoint, or bring back some of the items deleted since. Takes a
 * "before-restore" checkpoint first (restore that to undo), stores the update (log and
 * board_restores) and the audit entry in one transaction, then tells the sync server. `actor` is a
 * participant id or 'cli'. The caller has asked the gate (`board.restore`).
 */
export async function restoreFromCheckpoint(
  db: Db,
  input: { conferenceId: string; checkpointId: string; items?: readonly string[]; actor: string },
): Promise<RestoreResponse> {
  const checkpoint = await findCheckpoint(db, input.conferenceId, input.checkpointId)
  if (!checkpoint) throw new ApiError('not_found', 'no such checkpoint')
  const mode = input.items ? 'items' : 'board'
  const outcome = await db.transaction().execute(async (tx) => {
    // Read and write in one transaction: no update reaches the log between the two, so the
    // restore is computed against the board exactly as stored when it is appended.
    const doc = await storedBoardDoc(tx, input.conferenceId)
    try {
      const current = recordsOfDoc(doc)
      const keys = input.items ? keysToBringBack(checkpoint.records, current, input.items) : undefined
      if (keys !== undefined && keys.length === 0) throw new ApiError('bad_request', 'none of these items is in the checkpoint')
      const change = computeRestore(doc, checkpoint.records, keys)
      if (!change.update) return { ...change, restoreId: null, undo: null, itemCount: countItems(current) }
      const undo = await insertCheckpoint(tx, {
        conferenceId: input.conferenceId,
        reason: 'before-restore',
        editors: input.actor === 'cli' ? [] : [input.actor],
        itemCount: countItems(current),
        records: current,
      })
      await appendUpdate(tx, input.conferenceId, change.update)
      const restoreId = await insertRestore(tx, { conferenceId: input.conferenceId, checkpointId: checkpoint.id, data: change.update, actor: input.actor })
      Y.applyUpdate(doc, change.update)
      const itemCount = countItems(recordsOfDoc(doc))
      await recordAudit(tx, {
        conferenceId: input.conferenceId,
        actor: input.actor,
        action: 'board.restored',
        detail: `checkpoint=${checkpoint.id} mode=${mode} set=${change.set} removed=${change.removed} items=${itemCount}`,
      })
      return { ...change, restoreId, undo, itemCount }
    } finally {
      doc.destroy()
    }
  })
  if (outcome.restoreId !== null) {
    getLiveEvents().emit('board.restored', { conferenceId: input.conferenceId, restoreId: outcome.restoreId })
    await pruneCheckpoints(db, input.conferenceId)
  }
  return {
    mode,
    changed: outcome.restoreId !== null,
    set: outcome.set,
    removed: outcome.removed,
    itemCount: outcome.itemCount,
    undoCheckpointId: outcome.undo?.id ?? null,
  }
}
