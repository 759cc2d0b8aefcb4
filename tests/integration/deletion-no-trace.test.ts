import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { takeCheckpoint } from '../../lib/server/conference/board-history'
import { deleteConference } from '../../lib/server/conference/retention/deletion'
import { insertPlanVersion } from '../../lib/server/db/repositories/plan-versions'
import { emptyPlan } from '../../lib/plan/schema'
import { CloseCode } from '../../lib/protocol/close-codes'
import { note } from '../helpers/board-records'
import { connectBoard, type BoardClient } from '../helpers/sync-clients'
import { seedMeeting, startTestServer, waitFor, type TestServer } from '../helpers/test-server'
import { joinMeeting, waitConnected, type RecordedMeeting } from './meeting-support'

/** Which of the database's files hold these bytes. */
function filesHolding(sqlitePath: string, marker: string): string[] {
  const needle = Buffer.from(marker, 'utf8')
  return [sqlitePath, `${sqlitePath}-wal`, `${sqlitePath}-shm`].filter((file) => existsSync(file) && readFileSync(file).includes(needle))
}

describe('deleting a conference leaves no byte of its board in the database files', () => {
  const clients: BoardClient[] = []
  const meetings: RecordedMeeting[] = []
  let server: TestServer | null = null

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    for (const m of meetings.splice(0)) m.client.close()
    await server?.stop()
    server = null
  })

  it('finds the marker before deletion (control) and nowhere after: board, log, snapshot, checkpoint, version', async () => {
    server = await startTestServer({ COMPACT_AFTER_UPDATES: '3' })
    const { db, config } = server
    const { conference, facilitator, mother, aunt } = await seedMeeting(db)
    // A string that occurs nowhere else: the board's text as real clients write it.
    const marker = `Oma-haalt-Sem-op-${randomBytes(6).toString('hex')}`

    const writer = connectBoard(server.syncUrl, conference.id, mother.token)
    const watcher = connectBoard(server.syncUrl, conference.id, aunt.token)
    clients.push(writer, watcher)
    const meeting = joinMeeting(server, { conferenceId: conference.id, token: aunt.token })
    meetings.push(meeting)
    await waitConnected(meeting)
    await waitFor(() => writer.provider.synced && watcher.provider.synced, { message: 'both synced' })
    // Several edits, so the log is compacted into a snapshot too (COMPACT_AFTER_UPDATES=3).
    for (let i = 0; i < 5; i++) writer.records.set(`shape:card${i}`, note(`shape:card${i}`, `${marker} ${i}`))
    await waitFor(() => watcher.records.has('shape:card4'), { message: 'the watcher has the cards' })
    // And a card written, then deleted again: its text must not survive either.
    writer.records.set('shape:gone', note('shape:gone', `${marker} weg`))
    await waitFor(() => watcher.records.has('shape:gone'))
    writer.records.delete('shape:gone')
    await waitFor(() => !watcher.records.has('shape:gone'))

    // The board's text also lives in its history and in an agreed version.
    const records = (writer.doc.getMap('records').toJSON() as Record<string, unknown>)
    await takeCheckpoint(db, { conferenceId: conference.id, reason: 'interval', editors: [mother.participant.id], records })
    await insertPlanVersion(db, {
      conferenceId: conference.id,
      plan: { ...emptyPlan(), worries: [{ id: 'shape:card0', text: `${marker} 0` }] },
      boardState: Y.encodeStateAsUpdate(writer.doc),
      boardSvg: `<svg xmlns="http://www.w3.org/2000/svg"><text>${marker}</text></svg>`,
      agreedBy: [],
      frozenBy: facilitator.id,
    })

    // The control: the marker is in the files now (else the search below proves nothing).
    expect(filesHolding(config.sqlitePath, marker).length).toBeGreaterThan(0)

    const summary = await deleteConference(db, { conferenceId: conference.id, actor: 'facilitator-user', by: 'facilitator' })
    expect(summary).toMatchObject({ items: 5, versions: 1, participants: 4, checkpoints: 1 })

    // Everyone on the board was told the conference is gone (4404), and nothing wrote it back.
    await waitFor(() => writer.closeCodes.includes(CloseCode.NotFound) && watcher.closeCodes.includes(CloseCode.NotFound), { message: '4404 for both clients' })
    await waitFor(() => meeting.closings.some((c) => c.code === CloseCode.NotFound), { message: 'the meeting socket told too' })
    expect(filesHolding(config.sqlitePath, marker)).toEqual([])
    expect(existsSync(`${config.sqlitePath}-wal`) ? readFileSync(`${config.sqlitePath}-wal`).length : 0).toBe(0)

    // The audit log keeps the deletion: ids and counts, no content.
    const audit = await db.selectFrom('audit_log').selectAll().where('conference_id', '=', conference.id).where('action', '=', 'conference.deleted').execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]!.detail).toBe('by=facilitator items=5 versions=1 participants=4 checkpoints=1')

    // Clients that keep reconnecting get nothing back in, also after the server shut down.
    await new Promise((resolve) => setTimeout(resolve, 300))
    const left = await db.selectFrom('yjs_updates').select('id').where('conference_id', '=', conference.id).execute()
    expect(left).toEqual([])
    for (const c of clients.splice(0)) c.destroy()
    await server.stop()
    server = null
    expect(filesHolding(config.sqlitePath, marker)).toEqual([])
  }, 30_000)
})
