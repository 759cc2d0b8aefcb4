import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openDatabase, type Db } from '../../lib/server/db/connect'
import { appendUpdate, compactBoard, countUpdates, createUpdateAppender, loadBoard } from '../../lib/server/db/repositories/yjs-log'
import { seedConference, seedUser } from '../../lib/server/db/seed'
import { createLogger } from '../../lib/server/log/logger'
import { BoardStorage } from '../../server/sync/persistence'
import { bigBoardUpdate } from '../helpers/big-board'
import { baseBoardUpdate, note } from '../helpers/board-records'
import { waitFor } from '../helpers/test-server'

const COMPACT_AFTER_UPDATES = 50

/**
 * A loaded board's log is folded into its snapshot by server/sync/compaction-policy.ts: a small
 * board after COMPACT_AFTER_UPDATES updates, as before; a large one (its snapshot rewritten on
 * every compaction) only once its log has grown to half the snapshot's size.
 */
describe('compaction of a loaded board', () => {
  const dirs: string[] = []
  const dbs: Db[] = []
  afterEach(async () => {
    for (const db of dbs.splice(0)) await db.destroy()
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  async function boardStoredAs(snapshot: Uint8Array) {
    const dir = mkdtempSync(join(tmpdir(), 'kring-compact-'))
    dirs.push(dir)
    const db = await openDatabase(join(dir, 'kring.sqlite'))
    dbs.push(db)
    const user = await seedUser(db, { email: 'c@example.org', name: 'C' })
    const { conference } = await seedConference(db, { facilitator: user })
    const id = await appendUpdate(db, conference.id, snapshot)
    await compactBoard(db, conference.id, snapshot, id)
    const { doc, storage } = await BoardStorage.load({ db, append: createUpdateAppender(db), compactAfterUpdates: COMPACT_AFTER_UPDATES, logger: createLogger('silent') }, conference.id)
    // A client holding the board: its edits are what the room stores.
    const editor = new Y.Doc()
    Y.applyUpdate(editor, snapshot)
    let n = 0
    /** One edit of about 200 bytes, stored and applied as a room does. */
    const edit = async () => {
      let update: Uint8Array | null = null
      editor.once('update', (u: Uint8Array) => (update = u))
      editor.getMap('records').set(`shape:new-${n}`, note(`shape:new-${n}`, `nieuw ${n}`))
      n++
      const stored = update!
      await storage.commit(stored, () => Y.applyUpdate(doc, stored))
      return stored.byteLength
    }
    return { db, conferenceId: conference.id, doc, storage, edit }
  }

  it(`folds a small board's log after ${COMPACT_AFTER_UPDATES} updates`, async () => {
    const board = await boardStoredAs(baseBoardUpdate())
    for (let i = 0; i < COMPACT_AFTER_UPDATES; i++) await board.edit()
    await waitFor(async () => (await countUpdates(board.db, board.conferenceId)) === 0, { message: 'log folded' })
    expect((await loadBoard(board.db, board.conferenceId)).snapshot).not.toBeNull()
  })

  it('does not rewrite a large board\'s snapshot until its log is half the snapshot\'s size, and loses nothing', async () => {
    const snapshot = bigBoardUpdate(2_000)
    expect(snapshot.byteLength).toBeGreaterThan(256 * 1024)
    const board = await boardStoredAs(snapshot)
    let logBytes = 0
    // Well past COMPACT_AFTER_UPDATES, far below half the snapshot: still all in the log.
    for (let i = 0; i < 4 * COMPACT_AFTER_UPDATES; i++) logBytes += await board.edit()
    expect(await countUpdates(board.db, board.conferenceId)).toBe(4 * COMPACT_AFTER_UPDATES)
    expect((await loadBoard(board.db, board.conferenceId)).snapshot?.byteLength).toBe(snapshot.byteLength)

    let edits = 4 * COMPACT_AFTER_UPDATES
    while (logBytes < snapshot.byteLength / 2) {
      logBytes += await board.edit()
      edits++
    }
    await waitFor(async () => (await countUpdates(board.db, board.conferenceId)) === 0, { message: 'log folded once it reached half the snapshot' })
    const stored = await loadBoard(board.db, board.conferenceId)
    const reloaded = new Y.Doc()
    Y.applyUpdate(reloaded, stored.snapshot!)
    for (const update of stored.updates) Y.applyUpdate(reloaded, update)
    expect(reloaded.getMap('records').size).toBe(board.doc.getMap('records').size)
    expect(reloaded.getMap('records').get(`shape:new-${edits - 1}`)).toEqual(note(`shape:new-${edits - 1}`, `nieuw ${edits - 1}`))
  })
})
