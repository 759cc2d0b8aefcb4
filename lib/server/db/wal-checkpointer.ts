import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type SqliteDatabase from 'better-sqlite3'
import type { Logger } from '../log/logger'

/** How often the background connection copies the WAL into the database file. */
export const CHECKPOINT_INTERVAL_MS = 250
/**
 * The writer's own automatic checkpoint stays as a safety net, this many times further out: it only
 * runs when the worker falls far behind (a burst of writes faster than it copies).
 */
export const WRITER_FALLBACK_FACTOR = 10

/**
 * The checkpointing connection's code (a worker thread, so its own event loop and its own
 * better-sqlite3 connection to the same file). PASSIVE copies the WAL into the database and
 * fsyncs without waiting for anyone, while the writer goes on. The WAL only starts over from its
 * beginning when all of it has been copied before the next write, which under steady writes
 * almost never happens by itself; so once it holds more than `restartFrames` frames, a RESTART
 * follows the PASSIVE: it holds writers back only to copy the frames written during the PASSIVE.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file, { fileMustExist: true })
// RESTART waits this long for the writer's transaction in progress (they are short).
db.pragma('busy_timeout = 1000')
const checkpoint = () => {
  try {
    let [result] = db.pragma('wal_checkpoint(PASSIVE)')
    // Copied, but the writer kept writing meanwhile, so the WAL cannot start over: once it is long,
    // finish the few frames written since while holding writers back, and restart it.
    if (result && result.log > workerData.restartFrames) [result] = db.pragma('wal_checkpoint(RESTART)')
    parentPort.postMessage({ type: 'checkpointed', frames: result ? result.log : 0, copied: result ? result.checkpointed : 0 })
  } catch (err) {
    parentPort.postMessage({ type: 'failed', message: String(err && err.code || err && err.message || err) })
  }
}
const timer = setInterval(checkpoint, workerData.intervalMs)
parentPort.on('message', (message) => {
  if (message === 'now') return checkpoint()
  if (message === 'stop') {
    clearInterval(timer)
    db.close()
    parentPort.close()
  }
})
parentPort.postMessage({ type: 'ready' })
`

export interface WalCheckpointer {
  /** Ask for a checkpoint now (after a big write), without waiting for it. */
  nudge(): void
  /** Checkpoints done so far (for tests and diagnostics). */
  readonly checkpoints: number
  /** Stop the background connection (the writer checkpoints on its own again). */
  stop(): Promise<void>
}

/**
 * Where the WAL is copied into the database file, off the event loop.
 *
 * SQLite's automatic checkpoint runs inside the commit that fills the WAL past
 * wal_autocheckpoint pages: on the writer's thread, with two fsyncs (synchronous=NORMAL). On the
 * sync server that writer is the event loop every edit is relayed on, so about every 300 appends
 * one of them took 8–15 ms and held up every room. This turns the automatic checkpoint off on the
 * writer (all but a far-off safety net, WRITER_FALLBACK_FACTOR) and runs it from a second
 * connection in a worker thread every CHECKPOINT_INTERVAL_MS (and when nudged): the WAL stays
 * bounded (about one interval of writes, at most the safety net; journal_size_limit still cuts it
 * back after a big transaction), and the fsyncs no longer stall the relay.
 *
 * If the worker cannot start or dies, the writer's automatic checkpoint comes back.
 */
export function startWalCheckpointer(
  sqlite: SqliteDatabase.Database,
  logger: Pick<Logger, 'warn' | 'debug'>,
  { intervalMs = CHECKPOINT_INTERVAL_MS, autocheckpointPages }: { intervalMs?: number; autocheckpointPages: number },
): WalCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file: sqlite.name, intervalMs, restartFrames: autocheckpointPages } })
  // The server's lifetime decides, not this thread's.
  worker.unref()
  let running = true
  let checkpoints = 0
  const fallBack = (reason: string) => {
    if (!running) return
    running = false
    logger.warn({ reason }, 'background WAL checkpoints stopped; the writer checkpoints again')
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${autocheckpointPages}`)
  }
  worker.on('message', (message: { type: string; message?: string; frames?: number; copied?: number }) => {
    if (message.type === 'ready' && running) sqlite.pragma(`wal_autocheckpoint = ${autocheckpointPages * WRITER_FALLBACK_FACTOR}`)
    else if (message.type === 'checkpointed') checkpoints++
    // A failed checkpoint is tried again at the next interval; the WAL only grows meanwhile.
    else if (message.type === 'failed') logger.warn({ code: message.message }, 'background WAL checkpoint failed')
  })
  worker.on('error', (err) => fallBack(err.message))
  worker.on('exit', () => fallBack('exited'))
  return {
    nudge() {
      if (running) worker.postMessage('now')
    },
    get checkpoints() {
      return checkpoints
    },
    async stop() {
      if (!running) return
      running = false
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
      worker.postMessage('stop')
      await exited
      if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${autocheckpointPages}`)
    },
  }
}
