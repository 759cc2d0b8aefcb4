import * as Y from 'yjs'
import { isPostgres, type Db } from '../../lib/server/db/connect'
import { compactStoredBoard } from '../../lib/server/db/repositories/yjs-compaction'
import type { Logger } from '../../lib/server/log/logger'
import { docOfStoredBoard, type StoredCompaction } from '../sync/persistence'

/**
 * On PostgreSQL every instance may hold a board in memory, and each has seen the others' updates
 * only as far as Redis has brought them: a snapshot of one instance's document could miss an
 * update another stored and fold its log row away. So rooms compact from the stored log itself,
 * one instance at a time (lib/server/db/repositories/yjs-compaction.ts). On SQLite (one
 * instance) rooms keep snapshotting their own document: undefined.
 */
export function sharedCompactionFor(db: Db, logger: Logger): StoredCompaction | undefined {
  if (!isPostgres(db)) return undefined
  return async (conferenceId) => {
    const outcome = await compactStoredBoard(db, conferenceId, (board) => {
      const doc = docOfStoredBoard(board, conferenceId, logger)
      // Content that builds on content never stored is left out, as when a room loads.
      doc.store.pendingStructs = null
      doc.store.pendingDs = null
      try {
        return Y.encodeStateAsUpdate(doc)
      } finally {
        doc.destroy()
      }
    })
    logger.debug({ conferenceId, outcome }, 'board compacted from storage')
    return outcome
  }
}
