import * as Y from 'yjs'
import { getLiveEvents } from '../../lib/server/conference/live-events'
import { lastRestoreId, listRestoresAfter, listRestoresOf } from '../../lib/server/db/repositories/board-checkpoints'
import type { Db } from '../../lib/server/db/connect'
import type { Logger } from '../../lib/server/log/logger'

/** The origin of restores applied to a live room: not a connection, so the room relays them to every one. */
export const RESTORE_ORIGIN = 'board-restore'

/**
 * Restores reach loaded rooms from here. They are stored already (board log and board_restores,
 * lib/server/conference/board-history.ts), so a room only applies them: its document relays the
 * change to every connection, and its next compaction folds it in. Made in this process (route
 * handlers) they arrive through the live event `board.restored` at once; made in another (the CLI)
 * through the poll, like server/revocations.ts. Applying one twice changes nothing (Yjs).
 */
export function relayRestores(deps: { db: Db; logger: Logger; pollMs: number; liveDoc(conferenceId: string): Y.Doc | undefined }): () => void {
  // Restores from before this server started are in the boards' logs already.
  let after: number | null = null
  let running = false
  let again = false

  async function poll(): Promise<void> {
    if (after === null) after = await lastRestoreId(deps.db)
    for (;;) {
      const restores = await listRestoresAfter(deps.db, after)
      for (const restore of restores) {
        after = restore.id
        const doc = deps.liveDoc(restore.conferenceId)
        if (!doc) continue
        try {
          Y.applyUpdate(doc, restore.data, RESTORE_ORIGIN)
          deps.logger.info({ conferenceId: restore.conferenceId, restoreId: restore.id }, 'restore applied to the live board')
        } catch (err) {
          deps.logger.error({ err, conferenceId: restore.conferenceId, restoreId: restore.id }, 'restore could not be applied')
        }
      }
      if (restores.length < 100) return
    }
  }

  function run(): void {
    if (running) {
      again = true
      return
    }
    running = true
    poll()
      .catch((err: unknown) => deps.logger.warn({ err }, 'restore poll failed'))
      .finally(() => {
        running = false
        if (again) {
          again = false
          run()
        }
      })
  }

  run()
  const timer = setInterval(run, deps.pollMs)
  timer.unref()
  const onRestored = () => run()
  getLiveEvents().on('board.restored', onRestored)
  return () => {
    clearInterval(timer)
    getLiveEvents().off('board.restored', onRestored)
  }
}

/**
 * When a room loads: apply the board's restores again. Each is in the log already, unless another
 * process's compaction folded the log past it before this room applied it; then it comes back here.
 */
export async function reapplyRestores(db: Db, conferenceId: string, doc: Y.Doc): Promise<void> {
  for (const restore of await listRestoresOf(db, conferenceId)) {
    try {
      Y.applyUpdate(doc, restore.data)
    } catch {
      // Skipped like any stored update Yjs cannot apply (server/sync/persistence.ts).
    }
  }
}
