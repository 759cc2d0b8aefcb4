import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { isPostgres, openDatabase, type Db } from '../../lib/server/db/connect'
import { seedConference, seedUser } from '../../lib/server/db/seed'
import { COMPACTION_LOCK } from '../../lib/server/db/repositories/advisory-locks'
import { compactStoredBoard } from '../../lib/server/db/repositories/yjs-compaction'
import { appendUpdate, compactBoard, countUpdates, createUpdateAppender, loadBoard, type StoredBoard } from '../../lib/server/db/repositories/yjs-log'

/** The board log's repository, on SQLite (project `sqlite`) and PostgreSQL (project `postgres`). */
let db: Db
let conferenceId: string

beforeEach(async () => {
  db = await openDatabase(':memory:')
  const user = await seedUser(db, { email: `f-${Math.random()}@example.org`, name: 'Fenna' })
  conferenceId = (await seedConference(db, { facilitator: user })).conference.id
})
afterEach(async () => {
  await db.destroy()
})

function edit(key: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('records').set(key, { id: key })
  return Y.encodeStateAsUpdate(doc)
}

function keysOf(board: StoredBoard): string[] {
  const doc = new Y.Doc()
  for (const update of board.snapshot ? [board.snapshot, ...board.updates] : board.updates) Y.applyUpdate(doc, update)
  return [...doc.getMap('records').keys()].sort()
}

function fold(board: StoredBoard): Uint8Array {
  return Y.mergeUpdates(board.snapshot ? [board.snapshot, ...board.updates] : board.updates)
}

describe('the board log', () => {
  it('gives back every update byte for byte, in order, with growing ids', async () => {
    const append = createUpdateAppender(db)
    const updates = [edit('a'), edit('b'), new Uint8Array([0, 0, 255, 1])]
    const ids = [await appendUpdate(db, conferenceId, updates[0]!), await append(conferenceId, updates[1]!), await append(conferenceId, updates[2]!)]
    expect(ids).toEqual([...ids].sort((x, y) => x - y))
    expect(typeof ids[0]).toBe('number')
    const board = await loadBoard(db, conferenceId)
    expect(board.snapshot).toBeNull()
    expect(board.updates.map((u) => [...u])).toEqual(updates.map((u) => [...u]))
    expect(board.lastUpdateId).toBe(ids[2])
    expect(await countUpdates(db, conferenceId)).toBe(3)
  })

  it('folds the log into a snapshot and keeps what came after', async () => {
    await appendUpdate(db, conferenceId, edit('a'))
    const upTo = await appendUpdate(db, conferenceId, edit('b'))
    await compactBoard(db, conferenceId, fold(await loadBoard(db, conferenceId)), upTo)
    await appendUpdate(db, conferenceId, edit('c'))
    const board = await loadBoard(db, conferenceId)
    expect(board.snapshot).not.toBeNull()
    expect(board.updates).toHaveLength(1)
    expect(keysOf(board)).toEqual(['a', 'b', 'c'])
  })
})

describe('compaction shared by several instances (PostgreSQL)', () => {
  it('loses no update appended while instances compact at the same time', async (ctx) => {
    if (!isPostgres(db)) ctx.skip('PostgreSQL only: SQLite serves one instance, whose rooms snapshot their own document')
    const append = createUpdateAppender(db)
    const keys = Array.from({ length: 240 }, (_, i) => `k${String(i).padStart(3, '0')}`)
    const outcomes: string[] = []
    let appending = true
    // Four "instances" append in parallel while two keep compacting.
    const writers = [0, 1, 2, 3].map(async (w) => {
      for (let i = w; i < keys.length; i += 4) await append(conferenceId, edit(keys[i]!))
    })
    const compactors = [0, 1].map(async () => {
      while (appending) outcomes.push(await compactStoredBoard(db, conferenceId, fold))
    })
    await Promise.all(writers)
    appending = false
    await Promise.all(compactors)
    outcomes.push(await compactStoredBoard(db, conferenceId, fold))
    expect(outcomes).toContain('compacted')
    expect(keysOf(await loadBoard(db, conferenceId))).toEqual(keys)
    expect(await countUpdates(db, conferenceId)).toBe(0)
  })

  it('lets one instance compact a board at a time', async (ctx) => {
    if (!isPostgres(db)) ctx.skip('PostgreSQL only')
    await appendUpdate(db, conferenceId, edit('a'))
    // Another instance is compacting this board (it holds the board's compaction lock).
    let release!: () => void
    const released = new Promise<void>((resolve) => (release = resolve))
    let locked!: () => void
    const holding = new Promise<void>((resolve) => (locked = resolve))
    const other = db.transaction().execute(async (tx) => {
      await sql`SELECT pg_advisory_xact_lock(${COMPACTION_LOCK}, hashtext(${conferenceId}))`.execute(tx)
      locked()
      await released
    })
    await holding
    expect(await compactStoredBoard(db, conferenceId, fold)).toBe('busy')
    expect(await countUpdates(db, conferenceId)).toBe(1)
    release()
    await other
    expect(await compactStoredBoard(db, conferenceId, fold)).toBe('compacted')
    expect(keysOf(await loadBoard(db, conferenceId))).toEqual(['a'])
  })
})

describe('compacting many boards at once (PostgreSQL)', () => {
  it('twelve boards compacting together on one instance all finish: no compaction holds a pooled connection while it waits for another', async (ctx) => {
    if (!isPostgres(db)) ctx.skip('PostgreSQL only')
    // More boards than the pool has connections (10), all due at the same moment.
    const user = await seedUser(db, { email: `many-${Math.random()}@example.org`, name: 'Fenna' })
    const boards = await Promise.all(Array.from({ length: 12 }, async () => (await seedConference(db, { facilitator: user })).conference.id))
    for (const [b, board] of boards.entries()) {
      for (let i = 0; i < 3; i++) await appendUpdate(db, board, edit(`b${b}-${i}`))
    }
    const outcomes = await Promise.race([
      Promise.all(boards.map((board) => compactStoredBoard(db, board, fold))),
      new Promise<'stuck'>((resolve) => setTimeout(() => resolve('stuck'), 20_000).unref()),
    ])
    expect(outcomes).toEqual(boards.map(() => 'compacted'))
    for (const [b, board] of boards.entries()) {
      expect(keysOf(await loadBoard(db, board))).toEqual([`b${b}-0`, `b${b}-1`, `b${b}-2`])
      expect(await countUpdates(db, board)).toBe(0)
    }
  }, 60_000)
})
