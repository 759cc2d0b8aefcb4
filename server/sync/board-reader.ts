import * as Y from 'yjs'
import type { Db } from '../../lib/server/db/connect'
import { loadBoard } from '../../lib/server/db/repositories/yjs-log'
import type { Logger } from '../../lib/server/log/logger'
import { docOfStoredBoard } from './persistence'

/**
 * How the rest of the server (the meeting plane, when the plan is proposed) reads a board as it
 * is now, without joining the sync room and without keeping the board in memory afterwards.
 */
export interface BoardReader {
  /** The whole board now, as one Yjs update (apply it to an empty Y.Doc to read it). */
  read(conferenceId: string): Promise<Uint8Array>
}

/**
 * The live room's document when the board is loaded (it holds every applied edit), else the
 * stored snapshot and log, read in one transaction so a compaction cannot slip in between the
 * two reads. Either way the caller gets a copy: later edits never change what it read.
 */
export function createBoardReader(deps: { db: Db; logger: Logger; liveDoc: (conferenceId: string) => Y.Doc | undefined }): BoardReader {
  return {
    async read(conferenceId) {
      const live = deps.liveDoc(conferenceId)
      if (live) return Y.encodeStateAsUpdate(live)
      // loadBoard reads the snapshot and the log in one transaction of its own.
      const board = await loadBoard(deps.db, conferenceId)
      // Same rule as loading a room: one bad stored row must not make the board unreadable.
      const doc = docOfStoredBoard(board, conferenceId, deps.logger)
      try {
        return Y.encodeStateAsUpdate(doc)
      } finally {
        doc.destroy()
      }
    },
  }
}
