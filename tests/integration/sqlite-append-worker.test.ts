import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../lib/server/db/connect'
import { appendWorkerOf, startBackgroundAppends } from '../../lib/server/db/sqlite-workers'
import { countUpdates, createUpdateAppender, loadBoard } from '../../lib/server/db/repositories/yjs-log'
import { seedConference, seedUser } from '../../lib/server/db/seed'
import { waitFor } from '../helpers/test-server'

/**
 * The server appends the board log from a worker thread (lib/server/db/append-worker.ts): what it
 * answers is stored, in the order each board's edits were sent, and one bad append fails alone.
 */
describe('sqlite: the board log appended from a worker thread', () => {
  const dirs: string[] = []
  const dbs: Db[] = []
  afterEach(async () => {
    for (const db of dbs.splice(0)) await db.destroy()
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  async function setUp() {
    const dir = mkdtempSync(join(tmpdir(), 'kring-append-worker-'))
    dirs.push(dir)
    const file = join(dir, 'kring.sqlite')
    const db = await openDatabase(file)
    dbs.push(db)
    const user = await seedUser(db, { email: 'append@example.org', name: 'Append' })
    const boards = [(await seedConference(db, { facilitator: user })).conference.id, (await seedConference(db, { facilitator: user })).conference.id]
    const before = await Promise.all(boards.map((id) => countUpdates(db, id)))
    const workers = startBackgroundAppends(db, { warn: () => {}, debug: () => {} })!
    await waitFor(() => appendWorkerOf(db) !== undefined, { message: 'the append worker running' })
    return { file, db, boards, before, workers }
  }

  const numbered = (board: number, i: number) => {
    const update = new Uint8Array(200).fill(board)
    new DataView(update.buffer).setUint32(0, i)
    return update
  }
  const numberOf = (update: Uint8Array) => new DataView(update.buffer, update.byteOffset).getUint32(0)

  it('stores every answered append, each board in the order its edits were sent, and keeps them after a restart', async () => {
    const { file, db, boards, before, workers } = await setUp()
    const append = createUpdateAppender(db)
    // Two boards' edits at once, as two rooms send them; each board's in order (a connection awaits each).
    const ids = await Promise.all(
      boards.map(async (board, b) => {
        const got: number[] = []
        for (let i = 0; i < 500; i++) got.push(await append(board, numbered(b, i)))
        return got
      }),
    )
    for (const got of ids) expect(got.every((id, i) => i === 0 || id > got[i - 1]!)).toBe(true)
    await workers.stop()
    await db.destroy()
    dbs.splice(0)
    const reopened = await openDatabase(file)
    dbs.push(reopened)
    for (const [b, board] of boards.entries()) {
      expect(await countUpdates(reopened, board)).toBe(before[b]! + 500)
      const logged = (await loadBoard(reopened, board)).updates.slice(-500)
      expect(logged.map(numberOf)).toEqual(Array.from({ length: 500 }, (_, i) => i))
    }
  })

  it('an append the database refuses fails alone; the others in its batch are stored', async () => {
    const { db, boards, before, workers } = await setUp()
    const append = createUpdateAppender(db)
    // Sent together, so they meet in one batch: the middle one names no conference (foreign key).
    const results = await Promise.allSettled([append(boards[0]!, numbered(0, 1)), append('no-such-conference', numbered(0, 2)), append(boards[0]!, numbered(0, 3))])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/append failed/)
    await workers.stop()
    expect(await countUpdates(db, boards[0]!)).toBe(before[0]! + 2)
  })

  it('stopping answers what was sent before, then the appender stores on its own connection', async () => {
    const { db, boards, before, workers } = await setUp()
    const append = createUpdateAppender(db)
    const sent = Array.from({ length: 50 }, (_, i) => append(boards[1]!, numbered(1, i)))
    const stopped = workers.stop()
    await expect(Promise.all(sent)).resolves.toHaveLength(50)
    await stopped
    expect(appendWorkerOf(db)).toBeUndefined()
    await append(boards[1]!, numbered(1, 50))
    expect(await countUpdates(db, boards[1]!)).toBe(before[1]! + 51)
  })
})

describe('sqlite: what the append worker is handed', () => {
  const dirs: string[] = []
  const dbs: Db[] = []
  afterEach(async () => {
    for (const db of dbs.splice(0)) await db.destroy()
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  it('stores an update that is a view into a larger buffer (a Node Buffer too) and leaves that buffer as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kring-append-view-'))
    dirs.push(dir)
    const db = await openDatabase(join(dir, 'kring.sqlite'))
    dbs.push(db)
    const user = await seedUser(db, { email: 'view@example.org', name: 'View' })
    const board = (await seedConference(db, { facilitator: user })).conference.id
    const workers = startBackgroundAppends(db, { warn: () => {}, debug: () => {} })!
    await waitFor(() => appendWorkerOf(db) !== undefined, { message: 'the append worker running' })
    const append = createUpdateAppender(db)
    // A message as ws hands it over: the update sits inside a larger buffer other data shares.
    const message = Buffer.alloc(4096, 7)
    message.fill(1, 100, 300)
    await append(board, message.subarray(100, 300))
    await append(board, message.slice(100, 300))
    expect(message.byteLength).toBe(4096)
    expect(message[0]).toBe(7)
    expect(message[150]).toBe(1)
    await workers.stop()
    const stored = (await loadBoard(db, board)).updates.slice(-2)
    for (const update of stored) expect(Buffer.from(update).equals(Buffer.alloc(200, 1))).toBe(true)
  })
})
