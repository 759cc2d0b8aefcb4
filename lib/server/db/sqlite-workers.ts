import type SqliteDatabase from 'better-sqlite3'
import type { Logger } from '../log/logger'
import { startAppendWorker, type AppendWorker } from './append-worker'
import { CONNECTION_PRAGMAS, sqliteHandleOf, WAL_AUTOCHECKPOINT_PAGES, type Db } from './connect'
import { INSERT_UPDATE_SQL } from './repositories/yjs-log-insert'
import { startWalCheckpointer, WRITER_FALLBACK_FACTOR, type WalCheckpointer } from './wal-checkpointer'

/**
 * The sync server's SQLite work off the event loop: the board log's appends (append-worker.ts)
 * and the WAL's checkpoints (wal-checkpointer.ts), each in a worker thread with its own
 * connection. Only the server runs them (startSqliteWorkers); the CLI and tests that open a
 * database do everything on their one connection, as before.
 */

type WorkerLogger = Pick<Logger, 'warn' | 'debug'>

const checkpointers = new WeakMap<SqliteDatabase.Database, WalCheckpointer>()
const appendWorkers = new WeakMap<SqliteDatabase.Database, AppendWorker>()
/** Databases whose workers start with their first append (an idle server holds no extra threads). */
const lazyStarts = new WeakMap<SqliteDatabase.Database, () => void>()

/**
 * After a compaction: copy what the WAL holds into the database file, without waiting for readers
 * (PASSIVE: what a reader still needs stays for the next checkpoint), so the WAL restarts (and is
 * cut back to WAL_SIZE_LIMIT_BYTES) at once after a big snapshot. With background checkpoints the
 * worker is asked to, and the event loop does no I/O for it. No-op for other databases.
 */
export function checkpointWal(db: Db): void {
  const sqlite = sqliteHandleOf(db)
  if (!sqlite || sqlite.memory) return
  const background = checkpointers.get(sqlite)
  if (background) background.nudge()
  else sqlite.pragma('wal_checkpoint(PASSIVE)')
}

/** WAL checkpoints from now on in a worker thread. Null for PostgreSQL and in-memory databases. */
export function startBackgroundCheckpoints(db: Db, logger: WorkerLogger): WalCheckpointer | null {
  const sqlite = sqliteHandleOf(db)
  if (!sqlite || sqlite.memory) return null
  const checkpointer = startWalCheckpointer(sqlite, logger, { autocheckpointPages: WAL_AUTOCHECKPOINT_PAGES })
  checkpointers.set(sqlite, checkpointer)
  return {
    nudge: () => checkpointer.nudge(),
    get checkpoints() {
      return checkpointer.checkpoints
    },
    async stop() {
      checkpointers.delete(sqlite)
      await checkpointer.stop()
    },
  }
}

/** Board log appends from now on in a worker thread. Null for PostgreSQL (its appends already are) and in-memory databases. */
export function startBackgroundAppends(db: Db, logger: WorkerLogger): { stop(): Promise<void> } | null {
  const sqlite = sqliteHandleOf(db)
  if (!sqlite || sqlite.memory) return null
  const worker = startAppendWorker(sqlite, logger, {
    autocheckpointPages: WAL_AUTOCHECKPOINT_PAGES * WRITER_FALLBACK_FACTOR,
    pragmas: CONNECTION_PRAGMAS,
    insertSql: INSERT_UPDATE_SQL,
  })
  appendWorkers.set(sqlite, worker)
  return {
    async stop() {
      await worker.stop()
      appendWorkers.delete(sqlite)
    },
  }
}

/**
 * The board log's append worker of a Db, while one runs (createUpdateAppender uses it). The first
 * call on a server's database starts its workers; until the append worker is up (a few ms), the
 * caller appends on its own connection.
 */
export function appendWorkerOf(db: Db): AppendWorker | undefined {
  const sqlite = sqliteHandleOf(db)
  if (!sqlite) return undefined
  lazyStarts.get(sqlite)?.()
  const worker = appendWorkers.get(sqlite)
  return worker?.running ? worker : undefined
}

/**
 * The server's database: appends and checkpoints off the event loop, from the first append on.
 * Null for PostgreSQL and in-memory databases. Stop before closing the database.
 */
export function startSqliteWorkers(db: Db, logger: WorkerLogger): { stop(): Promise<void> } | null {
  const sqlite = sqliteHandleOf(db)
  if (!sqlite || sqlite.memory) return null
  let started: { stop(): Promise<void> }[] | null = null
  lazyStarts.set(sqlite, () => {
    lazyStarts.delete(sqlite)
    started = [startBackgroundAppends(db, logger), startBackgroundCheckpoints(db, logger)].filter((w) => w !== null)
  })
  return {
    async stop() {
      lazyStarts.delete(sqlite)
      for (const worker of started ?? []) await worker.stop()
    },
  }
}
