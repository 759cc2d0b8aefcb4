/**
 * Storage of the board log on SQLite: bytes on disk (database file and WAL) per 1,000 appended
 * 200-byte updates, with no compaction in between (a long meeting on a big board, or compaction
 * failing). Beside it, in the same run, the appender as it was: `INSERT … RETURNING id` read with
 * `.get()` on a database opened with the old pragmas (no wal_autocheckpoint / journal_size_limit
 * of its own), reproduced here. Also the snapshot bytes compaction writes while a 20k-record
 * board takes 20,000 such edits, under the old rule (every COMPACT_AFTER_UPDATES) and the current
 * one (server/sync/compaction-policy.ts). And how long single appends hold the event loop at a
 * busy server's pace, with the WAL checkpointed by the writer itself (before) or in the background
 * (lib/server/db/wal-checkpointer.ts, as the server runs), in the same run.
 */
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { migrate, openDatabase, type Db } from '../lib/server/db/connect'
import { startBackgroundCheckpoints } from '../lib/server/db/sqlite-workers'
import { createUpdateAppender, type UpdateAppender } from '../lib/server/db/repositories/yjs-log'
import type { Database } from '../lib/server/db/schema'
import { seedConference, seedUser } from '../lib/server/db/seed'
import { shouldCompact } from '../server/sync/compaction-policy'
import { bigBoardUpdate } from '../tests/helpers/big-board'
import type { Benchmark } from './lib/benchmark'

const UPDATES = 20_000
const UPDATE_BYTES = 200
const BOARD_RECORDS = 20_000
const EDITS_ON_BIG_BOARD = 20_000
const COMPACT_AFTER_UPDATES = 500

interface Store {
  db: Db
  append: UpdateAppender
}

/** The database as openSqlite opened it before: the same pragmas minus the WAL's bounds. */
async function openAsBefore(file: string): Promise<Store> {
  const sqlite = new SqliteDatabase(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('secure_delete = ON')
  sqlite.pragma('busy_timeout = 5000')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  await migrate(db)
  const insert = sqlite.prepare<[string, Uint8Array, string], { id: number }>('INSERT INTO yjs_updates (conference_id, data, created_at) VALUES (?, ?, ?) RETURNING id')
  const append: UpdateAppender = async (conferenceId, update) => Number(insert.get(conferenceId, update, new Date().toISOString())!.id)
  return { db, append }
}

async function openAsNow(file: string): Promise<Store> {
  const db = await openDatabase(file)
  return { db, append: createUpdateAppender(db) }
}

function fileBytes(path: string): number {
  return existsSync(path) ? statSync(path).size : 0
}

interface Measured {
  dbBytes: number
  walBytes: number
  maxWalBytes: number
  appendUs: number
}

async function measure(open: (file: string) => Promise<Store>): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), 'kring-bench-storage-'))
  const file = join(dir, 'kring.sqlite')
  try {
    const { db, append } = await open(file)
    const user = await seedUser(db, { email: 'bench@example.org', name: 'Bench' })
    const { conference } = await seedConference(db, { facilitator: user, title: 'Bench' })
    const dbBefore = fileBytes(file)
    const walBefore = fileBytes(`${file}-wal`)
    const update = new Uint8Array(UPDATE_BYTES)
    let maxWal = 0
    const started = performance.now()
    for (let i = 0; i < UPDATES; i++) {
      update.fill(i % 251)
      await append(conference.id, update)
      if (i % 1000 === 999) maxWal = Math.max(maxWal, fileBytes(`${file}-wal`))
    }
    const appendUs = ((performance.now() - started) * 1000) / UPDATES
    const measured = { dbBytes: fileBytes(file) - dbBefore, walBytes: fileBytes(`${file}-wal`) - walBefore, maxWalBytes: maxWal, appendUs }
    await db.destroy()
    return measured
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Snapshot bytes written by compactions while a board of `snapshotBytes` takes `edits` updates. */
function compactionBytes(snapshotBytes: number, edits: number, due: (log: { updates: number; logBytes: number }) => boolean): { rewrites: number; bytes: number } {
  let rewrites = 0
  let log = { updates: 0, logBytes: 0 }
  for (let i = 0; i < edits; i++) {
    log = { updates: log.updates + 1, logBytes: log.logBytes + UPDATE_BYTES }
    if (due(log)) {
      rewrites++
      log = { updates: 0, logBytes: 0 }
    }
  }
  return { rewrites, bytes: rewrites * snapshotBytes }
}

/** Appends at a busy meeting server's pace (about 2,000 a second), each one timed on the writer's thread. */
const PACED_UPDATES = 10_000
const PACED_BURST = 20
const PACED_GAP_MS = 10

interface Stalls {
  p50: number
  p999: number
  max: number
  over5ms: number
  /** Total ms the writer spent in appends that took over 5 ms. */
  stalledMs: number
  largestWalBytes: number
}

/**
 * How long single appends hold the event loop, with the WAL checkpointed by the writer itself
 * (SQLite's automatic checkpoint, fsyncs on its thread) or by the background worker
 * (startBackgroundCheckpoints, as the server runs).
 */
async function measureStalls(background: boolean): Promise<Stalls> {
  const dir = mkdtempSync(join(tmpdir(), 'kring-bench-stalls-'))
  const file = join(dir, 'kring.sqlite')
  try {
    const db = await openDatabase(file)
    const checkpoints = background ? startBackgroundCheckpoints(db, { warn: () => {}, debug: () => {} }) : null
    // The worker is up once it has checkpointed once.
    while (checkpoints && checkpoints.checkpoints === 0) await new Promise((resolve) => setTimeout(resolve, 10))
    const user = await seedUser(db, { email: 'bench@example.org', name: 'Bench' })
    const { conference } = await seedConference(db, { facilitator: user, title: 'Bench' })
    const append = createUpdateAppender(db)
    const update = new Uint8Array(UPDATE_BYTES)
    const times: number[] = []
    let largestWal = 0
    for (let i = 0; i < PACED_UPDATES; i++) {
      update.fill(i % 251)
      const t0 = performance.now()
      await append(conference.id, update)
      times.push(performance.now() - t0)
      if (i % PACED_BURST === PACED_BURST - 1) {
        largestWal = Math.max(largestWal, fileBytes(`${file}-wal`))
        await new Promise((resolve) => setTimeout(resolve, PACED_GAP_MS))
      }
    }
    await checkpoints?.stop()
    await db.destroy()
    const slow = times.filter((t) => t > 5)
    times.sort((a, b) => a - b)
    return {
      p50: times[Math.floor(times.length * 0.5)]!,
      p999: times[Math.floor(times.length * 0.999)]!,
      max: times.at(-1)!,
      over5ms: slow.length,
      stalledMs: slow.reduce((sum, t) => sum + t, 0),
      largestWalBytes: largestWal,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1)
const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1)

export const storage: Benchmark = {
  name: 'storage',
  async run(log) {
    const before = await measure(openAsBefore)
    const now = await measure(openAsNow)
    const per1000 = (m: Measured) => ((m.dbBytes + m.walBytes) / UPDATES) * 1000
    for (const [label, m] of [['kring', now], ['baseline', before]] as const) {
      log(`storage: ${label.padEnd(8)} ${UPDATES} updates of ${UPDATE_BYTES} B: database +${mb(m.dbBytes)} MB, WAL ${mb(m.walBytes)} MB (largest ${mb(m.maxWalBytes)} MB), ${kb(per1000(m))} KB per 1,000 updates, ${m.appendUs.toFixed(0)} µs per append`)
    }
    const snapshotBytes = bigBoardUpdate(BOARD_RECORDS).byteLength
    const everyN = compactionBytes(snapshotBytes, EDITS_ON_BIG_BOARD, (l) => l.updates >= COMPACT_AFTER_UPDATES)
    const policy = compactionBytes(snapshotBytes, EDITS_ON_BIG_BOARD, (l) => shouldCompact({ ...l, snapshotBytes }, COMPACT_AFTER_UPDATES))
    log(
      `storage: ${BOARD_RECORDS}-record board (snapshot ${mb(snapshotBytes)} MB), ${EDITS_ON_BIG_BOARD} edits of ${UPDATE_BYTES} B: ` +
        `compaction rewrites ${policy.rewrites} (${mb(policy.bytes)} MB written), every ${COMPACT_AFTER_UPDATES} updates as before: ${everyN.rewrites} (${mb(everyN.bytes)} MB)`,
    )
    const inWriter = await measureStalls(false)
    const inBackground = await measureStalls(true)
    for (const [label, m] of [['background checkpoints', inBackground], ['writer checkpoints', inWriter]] as const) {
      log(
        `storage: ${label.padEnd(22)} ${PACED_UPDATES} paced appends: p50 ${m.p50.toFixed(3)} ms, p99.9 ${m.p999.toFixed(2)} ms, max ${m.max.toFixed(1)} ms, ` +
          `${m.over5ms} over 5 ms (${m.stalledMs.toFixed(0)} ms of event loop), largest WAL ${mb(m.largestWalBytes)} MB`,
      )
    }
    return (
      `storage_stalls appends=${PACED_UPDATES} kring_max_ms=${inBackground.max.toFixed(1)} kring_over_5ms=${inBackground.over5ms} kring_wal_mb=${mb(inBackground.largestWalBytes)} ` +
      `baseline_max_ms=${inWriter.max.toFixed(1)} baseline_over_5ms=${inWriter.over5ms} baseline_wal_mb=${mb(inWriter.largestWalBytes)}\n` +
      `storage updates=${UPDATES} kring_kb_per_1000=${kb(per1000(now))} kring_wal_mb=${mb(now.walBytes)} ` +
      `baseline_kb_per_1000=${kb(per1000(before))} baseline_wal_mb=${mb(before.walBytes)} ratio=${(per1000(now) / per1000(before)).toFixed(2)} ` +
      `compaction_mb_per_20k_edits=${mb(policy.bytes)} baseline_compaction_mb=${mb(everyN.bytes)}`
    )
  },
}
