import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { promisify } from 'node:util'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { forgetNotedActivity } from '../../lib/server/conference/retention/activity'
import type { Db } from '../../lib/server/db/connect'
import { CloseCode } from '../../lib/protocol/close-codes'
import { note } from '../helpers/board-records'
import { connectBoard, type BoardClient } from '../helpers/sync-clients'
import { seedMeeting, startTestServer, waitFor, type TestServer } from '../helpers/test-server'

const DAY = 86_400_000

/** A clock the test moves; the server's retention sweep reads it. */
function testClock() {
  const clock = { at: Date.now(), now: () => new Date(clock.at), advanceDays: (days: number) => (clock.at += days * DAY) }
  return clock
}

async function conferenceRow(db: Db, id: string) {
  return db.selectFrom('conferences').selectAll().where('id', '=', id).executeTakeFirst()
}

async function rowsOf(db: Db, id: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of ['participants', 'yjs_updates', 'yjs_snapshots', 'board_record_creators', 'audit_log'] as const) {
    const rows = await db.selectFrom(table).select('conference_id').where('conference_id', '=', id).execute()
    counts[table] = rows.length
  }
  return counts
}

describe('retention: the server deletes expired conferences on its own', () => {
  const clients: BoardClient[] = []
  const servers: TestServer[] = []
  const dirs: string[] = []
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    for (const s of servers.splice(0)) await s.stop()
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
  })

  it('keeps a conference until its last activity + its retention days, then deletes it and tells the board; the audit log follows after its own term', async () => {
    const clock = testClock()
    const server = await startTestServer({ AUDIT_RETENTION_DAYS: '400' }, undefined, { retention: { now: clock.now, sweepIntervalMs: 50 } })
    servers.push(server)
    const { db } = server
    const { conference, mother } = await seedMeeting(db)
    forgetNotedActivity()
    const created = await conferenceRow(db, conference.id)
    // Creating it (and the invitations, audited) is its first activity.
    expect(Date.parse(created!.retain_until) - Date.parse(created!.last_activity_at!)).toBe(365 * DAY)

    // A board edit is activity: the retention date moves with it.
    const board = connectBoard(server.syncUrl, conference.id, mother.token)
    clients.push(board)
    await waitFor(() => board.provider.synced)
    board.records.set('shape:plan', note('shape:plan', 'Oma brengt Sem naar school'))
    await waitFor(async () => (await conferenceRow(db, conference.id))!.retain_until > created!.retain_until, { message: 'the edit moved the retention date' })
    const afterEdit = (await conferenceRow(db, conference.id))!
    expect(Date.parse(afterEdit.retain_until) - Date.parse(afterEdit.last_activity_at!)).toBe(365 * DAY)

    // A day before the date: still there after a sweep.
    clock.at = Date.parse(afterEdit.retain_until) - DAY
    await server.server.sweepRetention()
    expect((await conferenceRow(db, conference.id))!.deleted_at).toBeNull()
    expect(board.closeCodes).not.toContain(CloseCode.NotFound)

    // Past the date: the periodic sweep deletes it; the open board is closed with 4404.
    clock.at = Date.parse(afterEdit.retain_until) + 1000
    await waitFor(async () => (await conferenceRow(db, conference.id))!.deleted_at !== null, { message: 'the sweep deleted the conference' })
    await waitFor(() => board.closeCodes.includes(CloseCode.NotFound), { message: '4404 on the open board' })
    const deleted = (await conferenceRow(db, conference.id))!
    expect(deleted.title).toBe('')
    expect(await rowsOf(db, conference.id)).toMatchObject({ participants: 0, yjs_updates: 0, yjs_snapshots: 0, board_record_creators: 0 })
    const audit = await db.selectFrom('audit_log').select(['actor', 'action', 'detail']).where('conference_id', '=', conference.id).orderBy('id').execute()
    expect(audit.at(-1)).toEqual({ actor: 'retention', action: 'conference.deleted', detail: 'by=retention items=1 versions=0 participants=4 checkpoints=0' })
    // Only ids and events: no name of anyone taking part.
    expect(JSON.stringify(audit)).not.toMatch(/Sanne|Amira|Fenna|Jan/)

    // The audit log's own term: kept on day 399 after the deletion, gone (with the emptied row) after day 400.
    clock.at = Date.parse(deleted.deleted_at!) + 399 * DAY
    await server.server.sweepRetention()
    expect((await rowsOf(db, conference.id)).audit_log).toBeGreaterThan(0)
    clock.at = Date.parse(deleted.deleted_at!) + 401 * DAY
    await waitFor(async () => (await conferenceRow(db, conference.id)) === undefined, { message: 'the audit term ended' })
    expect((await rowsOf(db, conference.id)).audit_log).toBe(0)
  }, 30_000)

  it('deletes at start what expired while the server was down, and leaves the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kring-retention-'))
    dirs.push(dir)
    const first = await startTestServer({}, dir)
    servers.push(first)
    const expired = await seedMeeting(first.db)
    const kept = await seedMeeting(first.db)
    await first.db.updateTable('conferences').set({ retain_until: new Date(Date.now() + 10 * DAY).toISOString() }).where('id', '=', expired.conference.id).execute()
    servers.splice(0)
    await first.stop()

    const clock = testClock()
    clock.advanceDays(11)
    // A sweep interval far away: only the sweep at start can delete it.
    const second = await startTestServer({}, dir, { retention: { now: clock.now, sweepIntervalMs: 3_600_000 } })
    servers.push(second)
    await waitFor(async () => (await conferenceRow(second.db, expired.conference.id))!.deleted_at !== null, { message: 'deleted at start' })
    expect((await conferenceRow(second.db, kept.conference.id))!.deleted_at).toBeNull()
    expect((await rowsOf(second.db, kept.conference.id)).participants).toBe(4)
  }, 30_000)

  it('a deletion by the CLI (another process) closes the open board within REVOCATION_POLL_MS, and nothing comes back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kring-retention-'))
    dirs.push(dir)
    const server = await startTestServer({}, dir)
    servers.push(server)
    const { conference, mother } = await seedMeeting(server.db)
    const board = connectBoard(server.syncUrl, conference.id, mother.token)
    clients.push(board)
    await waitFor(() => board.provider.synced)
    board.records.set('shape:plan', note('shape:plan', 'Oma brengt Sem naar school'))
    await waitFor(async () => (await server.db.selectFrom('yjs_updates').select('id').where('conference_id', '=', conference.id).execute()).length > 0)

    const { stdout } = await promisify(execFile)(join(process.cwd(), 'node_modules/.bin/tsx'), ['server/cli/kring.ts', 'delete-conference', '--conference', conference.id], {
      env: { ...process.env, DATA_DIR: dir, LOG_LEVEL: 'silent' },
    })
    expect(JSON.parse(stdout)).toMatchObject({ deleted: { conferenceId: conference.id, items: 1, participants: 4 } })

    await waitFor(() => board.closeCodes.includes(CloseCode.NotFound), { message: 'the server closed the open board (4404)' })
    // Whatever the room held is not written back when it unloads.
    await server.server.sweepRetention()
    expect(await rowsOf(server.db, conference.id)).toMatchObject({ participants: 0, yjs_updates: 0, yjs_snapshots: 0, board_record_creators: 0 })
    expect(server.server.sync.loadedRoomCount()).toBe(0)
  }, 60_000)
})
