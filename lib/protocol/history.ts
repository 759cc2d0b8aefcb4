import { z } from 'zod'
import { ConferenceId } from '../conference/model'

/**
 * The board's history as the web app shows and restores it: the checkpoints list, one
 * checkpoint's preview, and a restore request. Browser-safe (the history panel imports it).
 * Who may see or restore is the gate's decision (`board.restore`).
 */

export const checkpointReasons = ['interval', 'phase-change', 'version', 'before-delete', 'before-restore'] as const
export const CheckpointReason = z.enum(checkpointReasons)
export type CheckpointReason = z.infer<typeof CheckpointReason>

export const CheckpointId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'not a checkpoint id')
/** A board item's record id (tldraw: `shape:…`). */
export const ItemId = z.string().regex(/^shape:[A-Za-z0-9_.:-]{1,120}$/, 'not an item id')

export const HistoryParams = z.object({ id: ConferenceId, checkpointId: CheckpointId })

// ---- GET /api/conferences/[id]/history ----------------------------------------------------

export const CheckpointEntry = z.object({
  id: CheckpointId,
  createdAt: z.iso.datetime(),
  reason: CheckpointReason,
  /** Who had been editing before it was taken: names from the conference's participants. */
  editors: z.array(z.object({ id: z.string(), name: z.string() })),
  itemCount: z.number().int().nonnegative(),
})
export type CheckpointEntry = z.infer<typeof CheckpointEntry>

export const HistoryListResponse = z.object({
  /** Newest first. */
  checkpoints: z.array(CheckpointEntry),
})
export type HistoryListResponse = z.infer<typeof HistoryListResponse>

// ---- GET /api/conferences/[id]/history/[checkpointId] -------------------------------------

export const DeletedItem = z.object({ id: ItemId, type: z.string(), label: z.string() })
export type DeletedItem = z.infer<typeof DeletedItem>

export const CheckpointPreviewResponse = z.object({
  checkpoint: CheckpointEntry,
  /** Items on the board now. */
  currentItemCount: z.number().int().nonnegative(),
  /** Items in the checkpoint that are gone from the board now. */
  deletedSince: z.array(DeletedItem),
  /** The board as it was, drawn by lib/server/export/board-svg.ts. */
  svg: z.string(),
})
export type CheckpointPreviewResponse = z.infer<typeof CheckpointPreviewResponse>

// ---- POST /api/conferences/[id]/history/[checkpointId]/restore ----------------------------

export const RestoreRequest = z.strictObject({
  /** Bring back just these items; without, the whole board goes back to the checkpoint. */
  items: z.array(ItemId).min(1).max(300).optional(),
})
export type RestoreRequest = z.infer<typeof RestoreRequest>

export const RestoreResponse = z.object({
  mode: z.enum(['board', 'items']),
  /** False when the board already was as asked (nothing stored). */
  changed: z.boolean(),
  /** Records set back and records removed. */
  set: z.number().int().nonnegative(),
  removed: z.number().int().nonnegative(),
  /** Items on the board after the restore. */
  itemCount: z.number().int().nonnegative(),
  /** The checkpoint taken just before (restore it to undo), or null when nothing changed. */
  undoCheckpointId: CheckpointId.nullable(),
})
export type RestoreResponse = z.infer<typeof RestoreResponse>

export function historyUrl(conferenceId: string, checkpointId?: string, restore = false): string {
  const base = `/api/conferences/${encodeURIComponent(conferenceId)}/history`
  if (!checkpointId) return base
  return `${base}/${encodeURIComponent(checkpointId)}${restore ? '/restore' : ''}`
}
