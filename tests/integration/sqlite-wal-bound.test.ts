import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, sqliteHandleOf, WAL_AUTOCHECKPOINT_PAGES, WAL_SIZE_LIMIT_BYTES, type Db } from '../../lib/server/db/connect'
import { startBackgroundCheckpoints } from '../../lib/server/db/sqlite-workers'
import { countUpdates, createUpdateAppender, loadBoard } from '../../lib/server/db/repositories/yjs-log'
import { seedConference, seedUser } from '../../lib/server/db/seed'
import { WRITER_FALLBACK_FACTOR } from '../../lib/server/db/wal-checkpointer'
import { waitFor } from '../helpers/test-server'

/**
 * Disk use of the board log on SQLite: a long meeting whose log is never compacted (compaction
 * failing, or a big board that compacts rarely) must not grow the WAL file by every update.
 * Before, each 200-byte update grew it by about 13 KB (258 MB for 20k updates).
 */
const UPDATES = 20_000
const UPDATE_BYTES = 200

function walBytes(file: string): number {
  return existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0
}

function updateNumber(i: number): Uint8Array {
  const update = new Uint8Array(UPDATE_BYTES).fill(i % 251)
  new DataView(update.buffer).setUint32(0, i)
  return update
}

describe('sqlite: the board log keeps the WAL bounded', () => {
  const dirs: string[] = []
  const dbs: Db[] = []
  afterEach(async () => {
    for (const db of dbs.splice(0)) await db.destroy()
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  it(`appends ${UPDATES} updates of ${UPDATE_BYTES} bytes without compaction; the WAL stays under its limit and every update is there after reopening`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kring-wal-'))
    dirs.push(dir)
    const file = join(dir, 'kring.sqlite')
    const db = await openDatabase(file)
    dbs.push(db)
    const user = await seedUser(db, { email: 'wal@example.org', name: 'Wal' })
    const { conference } = await seedConference(db, { facilitator: user })
    const before = await countUpdates(db, conference.id)

    const append = createUpdateAppender(db)
    let largestWal = 0
    let lastId = 0
    for (let i = 0; i < UPDATES; i++) {
      const id = await append(conference.id, updateNumber(i))
      expect(id).toBeGreaterThan(lastId)
      lastId = id
      if (i % 500 === 0) largestWal = Math.max(largestWal, walBytes(file))
    }
    largestWal = Math.max(largestWal, walBytes(file))
    // The bound: SQLite's automatic checkpoint at 1000 pages (about 4 MB) keeps it near that;
    // it never passes the size the WAL is cut back to (WAL_SIZE_LIMIT_BYTES, 8 MiB).
    expect(largestWal).toBeLessThan(WAL_SIZE_LIMIT_BYTES)

    await db.destroy()
    dbs.splice(dbs.indexOf(db), 1)
    const reopened = await openDatabase(file)
    dbs.push(reopened)
    expect(await countUpdates(reopened, conference.id)).toBe(before + UPDATES)
    const board = await loadBoard(reopened, conference.id)
    expect(board.lastUpdateId).toBe(lastId)
    const appended = board.updates.slice(-UPDATES)
    expect(Buffer.from(appended[0]!).equals(Buffer.from(updateNumber(0)))).toBe(true)
    expect(Buffer.from(appended[UPDATES - 1]!).equals(Buffer.from(updateNumber(UPDATES - 1)))).toBe(true)
    expect(appended.every((u, i) => new DataView(u.buffer, u.byteOffset).getUint32(0) === i)).toBe(true)
  })
})

describe('sqlite: checkpoints in the background', () => {
  const dirs: string[] = []
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  it('a worker copies the WAL into the database while the writer only appends: the WAL stays bounded and nothing is lost', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kring-wal-bg-'))
    dirs.push(dir)
    const file = join(dir, 'kring.sqlite')
    const db = await openDatabase(file)
    const writer = sqliteHandleOf(db)!
    const user = await seedUser(db, { email: 'wal-bg@example.org', name: 'Wal' })
    const { conference } = await seedConference(db, { facilitator: user })
    const before = await countUpdates(db, conference.id)
    const checkpoints = startBackgroundCheckpoints(db, { warn: () => {}, debug: () => {} })!
    // Once the worker is up, the writer checkpoints itself only far later, as a safety net (no fsync on its thread).
    await waitFor(() => writer.pragma('wal_autocheckpoint', { simple: true }) === WAL_AUTOCHECKPOINT_PAGES * WRITER_FALLBACK_FACTOR, {
      message: 'the writer handing checkpoints over',
    })

    const append = createUpdateAppender(db)
    const chunk = 500
    const chunks = 12
    let largestWal = 0
    for (let c = 0; c < chunks; c++) {
      for (let i = c * chunk; i < (c + 1) * chunk; i++) await append(conference.id, updateNumber(i))
      largestWal = Math.max(largestWal, walBytes(file))
      // A meeting's pace: the worker's checkpoint comes between bursts (here asked for at once).
      // Two answers: one may be of a checkpoint that began during the burst; the second began after it.
      const done = checkpoints.checkpoints
      checkpoints.nudge()
      await waitFor(() => checkpoints.checkpoints >= done + 2, { message: 'a background checkpoint after the burst' })
    }
    // Without any checkpoint these 6,000 appends would leave about 80 MB of WAL.
    expect(largestWal).toBeLessThan(WAL_SIZE_LIMIT_BYTES)

    await checkpoints.stop()
    // Stopped: the writer checkpoints on its own again.
    expect(writer.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_AUTOCHECKPOINT_PAGES)
    await db.destroy()
    const reopened = await openDatabase(file)
    try {
      expect(await countUpdates(reopened, conference.id)).toBe(before + chunk * chunks)
      const appended = (await loadBoard(reopened, conference.id)).updates.slice(-chunk * chunks)
      expect(appended.every((u, i) => new DataView(u.buffer, u.byteOffset).getUint32(0) === i)).toBe(true)
    } finally {
      await reopened.destroy()
    }
  })
})
