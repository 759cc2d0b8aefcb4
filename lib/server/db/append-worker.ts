import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type SqliteDatabase from 'better-sqlite3'
import type { Logger } from '../log/logger'

/**
 * The appending connection's code (a worker thread with its own better-sqlite3 connection to the
 * same file). Appends that arrive during one turn of its event loop are stored in one transaction
 * (one commit, and the log's pages written once instead of once per update); should that
 * transaction fail, each is tried alone, so one bad append (a conference deleted meanwhile) fails
 * only itself. An append is answered only after its commit.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file, { fileMustExist: true })
for (const pragma of workerData.pragmas) db.pragma(pragma)
db.pragma('wal_autocheckpoint = ' + workerData.autocheckpointPages)
const insert = db.prepare(workerData.insertSql)
const store = (append) => Number(insert.run(append.conferenceId, append.update, append.createdAt).lastInsertRowid)
const storeAll = db.transaction((batch) => batch.map(store))
const codeOf = (err) => String((err && (err.code || err.message)) || err)
let queue = []
let scheduled = false
const flush = () => {
  scheduled = false
  const batch = queue
  queue = []
  if (batch.length === 0) return
  try {
    const ids = storeAll(batch)
    parentPort.postMessage({ type: 'stored', results: batch.map((a, i) => ({ seq: a.seq, id: ids[i] })) })
  } catch {
    const results = batch.map((a) => {
      try {
        return { seq: a.seq, id: store(a) }
      } catch (err) {
        return { seq: a.seq, error: codeOf(err) }
      }
    })
    parentPort.postMessage({ type: 'stored', results })
  }
}
parentPort.on('message', (message) => {
  if (message.type === 'append') {
    queue.push(message)
    if (!scheduled) {
      scheduled = true
      setImmediate(flush)
    }
  } else if (message.type === 'stop') {
    flush()
    db.close()
    parentPort.close()
  }
})
parentPort.postMessage({ type: 'ready' })
`

type Result = { seq: number; id: number; error?: undefined } | { seq: number; error: string; id?: undefined }

export interface AppendWorker {
  /** Whether appends can go to the worker (it started and has not died). */
  readonly running: boolean
  /** Store an update in the board log; resolves with its id once committed. */
  append(conferenceId: string, update: Uint8Array): Promise<number>
  /** Store what is queued, then stop. */
  stop(): Promise<void>
}

/**
 * Where the board log is appended to, off the event loop.
 *
 * Every edit waits for its append before it is relayed (append-before-relay). On the event loop an
 * append took about 0.1 ms, more when the disk was busy (p99 2–4 ms, up to 19 ms in a profile of
 * 5 rooms × 8 clients): time in which no room relayed anything. The worker stores them instead,
 * while the event loop goes on with other rooms; the edit is relayed when the worker answers,
 * after the commit, so kill -9 keeps everything a client received, as before.
 *
 * Until the worker is up, and if it dies, `running` is false and the caller appends itself.
 */
export function startAppendWorker(
  sqlite: SqliteDatabase.Database,
  logger: Pick<Logger, 'warn'>,
  {
    autocheckpointPages,
    pragmas,
    insertSql,
  }: {
    autocheckpointPages: number
    /** The connection settings every writer of the file has (connect.ts, CONNECTION_PRAGMAS). */
    pragmas: readonly string[]
    /** The board log's INSERT (yjs-log.ts), with parameters conference id, update, created at. */
    insertSql: string
  },
): AppendWorker {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file: sqlite.name, autocheckpointPages, pragmas, insertSql } })
  let ready = false
  let stopped = false
  let nextSeq = 1
  let drained: (() => void) | null = null
  const pending = new Map<number, { resolve: (id: number) => void; reject: (err: Error) => void }>()
  // No append pending: the worker does not keep the process alive.
  const refreshRef = () => (pending.size > 0 ? worker.ref() : worker.unref())
  refreshRef()
  const failAll = (reason: string) => {
    for (const { reject } of pending.values()) reject(new Error(`append worker: ${reason}`))
    pending.clear()
  }
  worker.on('message', (message: { type: 'ready' } | { type: 'stored'; results: Result[] }) => {
    if (message.type === 'ready') {
      ready = true
      return
    }
    for (const result of message.results) {
      const waiting = pending.get(result.seq)
      pending.delete(result.seq)
      if (!waiting) continue
      if (result.error === undefined) waiting.resolve(result.id)
      else waiting.reject(new Error(`append failed: ${result.error}`))
    }
    refreshRef()
    if (pending.size === 0) drained?.()
  })
  worker.on('error', (err) => {
    if (!stopped) logger.warn({ reason: err.message }, 'append worker failed; appending on the event loop again')
  })
  worker.on('exit', () => {
    ready = false
    stopped = true
    failAll('exited')
  })
  return {
    get running() {
      return ready && !stopped
    },
    append(conferenceId, update) {
      const seq = nextSeq++
      // A copy of its own, handed over without another copy: the update may be a view into a larger
      // buffer (a Node Buffer's slice() would even share it), which must be neither copied whole nor taken.
      const data = new Uint8Array(update)
      return new Promise<number>((resolve, reject) => {
        pending.set(seq, { resolve, reject })
        refreshRef()
        worker.postMessage({ type: 'append', seq, conferenceId, update: data, createdAt: new Date().toISOString() }, [data.buffer])
      })
    },
    async stop() {
      if (stopped) return
      // New appends go to the caller's own connection from now on; those sent are answered first.
      stopped = true
      if (pending.size > 0) await new Promise<void>((resolve) => (drained = resolve))
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
      worker.postMessage({ type: 'stop' })
      await exited
    },
  }
}
