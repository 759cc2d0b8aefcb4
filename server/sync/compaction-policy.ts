/**
 * When a loaded board folds its update log into a new snapshot.
 *
 * A compaction re-encodes the whole document and rewrites the whole snapshot: cheap for a small
 * board, but 3.9 MB for a 20k-record one, and doing that every 500 updates wrote far more to
 * disk than the edits themselves. What a log costs until it is folded is its bytes on disk and
 * the time to replay it when the board loads after a crash (a clean unload folds it anyway).
 *
 * So a board compacts once its log has at least `minUpdates` updates (COMPACT_AFTER_UPDATES, as
 * before) AND, when its snapshot is large, once the log's bytes reach half the snapshot's: each
 * rewrite then carries at least half its size in new edits (the snapshot is written at most about
 * twice per byte edited), and the log to replay stays below half the snapshot. A small board
 * (snapshot up to SMALL_SNAPSHOT_BYTES) compacts on the count alone, as often as before. A log of
 * MAX_UPDATES_FACTOR × minUpdates updates compacts whatever its bytes, so the replay is bounded in
 * updates too (many tiny updates replay slower than their bytes suggest).
 */
export const LOG_TO_SNAPSHOT_RATIO = 0.5
export const SMALL_SNAPSHOT_BYTES = 256 * 1024
export const MAX_UPDATES_FACTOR = 40

export interface BoardLogState {
  /** Updates in the log, not yet folded into the snapshot. */
  updates: number
  /** Their bytes. */
  logBytes: number
  /** The stored snapshot's bytes (0 when there is none yet). */
  snapshotBytes: number
}

export function shouldCompact({ updates, logBytes, snapshotBytes }: BoardLogState, minUpdates: number): boolean {
  if (updates < minUpdates) return false
  if (snapshotBytes <= SMALL_SNAPSHOT_BYTES) return true
  if (updates >= MAX_UPDATES_FACTOR * minUpdates) return true
  return logBytes >= LOG_TO_SNAPSHOT_RATIO * snapshotBytes
}
