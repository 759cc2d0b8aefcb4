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
  const turns = new Turns(COMPACTIONS_AT_ONCE)
  return (conferenceId) => turns.run(() => compactFromStorage(db, logger, conferenceId))
}

/**
 * Compactions one instance runs at the same time. Each holds a pooled connection while it reads,
 * folds and writes a board; the pool (10) stays free for what the meeting waits on (appends,
 * sign-ins, reads) when many boards fall due together, as boards opened together do.
 */
export const COMPACTIONS_AT_ONCE = 2

async function compactFromStorage(db: Db, logger: Logger, conferenceId: string) {
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

/** At most `limit` tasks at once; the rest wait their turn, in order. */
class Turns {
  private running = 0
  private readonly waiting: (() => void)[] = []

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve))
    else this.running++
    try {
      return await task()
    } finally {
      const next = this.waiting.shift()
      if (next) next()
      else this.running--
    }
  }
}
