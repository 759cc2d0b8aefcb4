import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { appendUpdate, compactBoard, loadBoard } from '../../lib/server/db/repositories/yjs-log'
import { note } from '../helpers/board-records'
import { connectHostile, storedBoard, type HostileClient } from '../helpers/hostile-client'
import { connectBoard, type BoardClient } from '../helpers/sync-clients'
import { seedMeeting, startTestServer, waitFor, type TestServer } from '../helpers/test-server'

/**
 * A room loaded from storage takes what it knows about the board from storage instead of
 * encoding the board again (server/sync/board-quota.ts, server/sync/whole-board.ts). What must
 * hold: the size limit is enforced on a board nobody has had open since the server started, and
 * every fresh client gets the board as it is now, also right after someone changed it.
 */
describe('sync: a board loaded from storage', () => {
  let server: TestServer | undefined
  const clients: BoardClient[] = []
  const hostiles: HostileClient[] = []

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    for (const h of hostiles.splice(0)) h.raw.ws.terminate()
    await server?.stop()
    server = undefined
  })

  /**
   * Before anyone connects, the seeded board gets `cards` cards of `text` in a snapshot (as a
   * compaction writes it) and, if `logged`, that many more as single updates logged after it.
   */
  async function storedMeeting(env: Record<string, string>, { cards, text, logged = 0 }: { cards: number; text: (i: number) => string; logged?: number }) {
    server = await startTestServer(env)
    const meeting = await seedMeeting(server.db)
    const conferenceId = meeting.conference.id
    const doc = await storedBoard(server.db, conferenceId)
    const records = doc.getMap('records')
    doc.transact(() => {
      for (let i = 0; i < cards; i++) records.set(`shape:stored-${i}`, note(`shape:stored-${i}`, text(i)))
    })
    const { lastUpdateId } = await loadBoard(server.db, conferenceId)
    await compactBoard(server.db, conferenceId, Y.encodeStateAsUpdate(doc), lastUpdateId)
    for (let i = 0; i < logged; i++) {
      const before = Y.encodeStateVector(doc)
      records.set(`shape:logged-${i}`, note(`shape:logged-${i}`, text(cards + i)))
      await appendUpdate(server.db, conferenceId, Y.encodeStateAsUpdate(doc, before))
    }
    const expected = records.size
    doc.destroy()
    return { server, meeting, conferenceId, expected }
  }

  function open(ctx: Awaited<ReturnType<typeof storedMeeting>>, token: string): BoardClient {
    const client = connectBoard(ctx.server.syncUrl, ctx.conferenceId, token)
    clients.push(client)
    return client
  }

  async function hostile(ctx: Awaited<ReturnType<typeof storedMeeting>>, token: string): Promise<HostileClient> {
    const client = await connectHostile(ctx.server.syncUrl, ctx.conferenceId, token)
    hostiles.push(client)
    return client
  }

  const LIMIT = 64 * 1024
  /** A card of 1,000 characters of text (the most a card takes), each its own. */
  const FILLER = (i: number) => `${i} `.padEnd(1_000, 'x')

  for (const logged of [0, 8]) {
    it(`refuses growth past SYNC_MAX_BOARD_BYTES on a board just loaded from storage (${logged === 0 ? 'snapshot only' : 'snapshot and log'}); what a fresh client downloads stays within it`, async () => {
      // About 58 KB stored, nobody has opened it since the server started.
      const ctx = await storedMeeting({ SYNC_MAX_BOARD_BYTES: String(LIMIT) }, { cards: 52 - logged, text: FILLER, logged })
      const writer = await hostile(ctx, ctx.meeting.aunt.token)
      const watcher = open(ctx, ctx.meeting.mother.token)
      await waitFor(() => watcher.provider.synced && watcher.records.size === ctx.expected, { message: 'the stored board opens whole' })
      let sent = 0
      while (writer.refusals().length === 0) {
        const key = `shape:fill-${sent++}`
        writer.sendEdit((records) => records.set(key, note(key, FILLER(1000 + sent))))
        await waitFor(() => writer.refusals().length > 0 || watcher.records.has(key), { message: `fill ${sent}` })
        if (sent > 20) throw new Error('the board never filled up')
      }
      expect(writer.refusals()).toEqual(['board-full'])
      // Refused within the few cards that still fit, not after a board's worth more.
      expect(sent).toBeLessThanOrEqual(8)
      const stored = await storedBoard(ctx.server.db, ctx.conferenceId)
      expect(Y.encodeStateAsUpdate(stored).length).toBeLessThanOrEqual(LIMIT)
      stored.destroy()
    })
  }

  it('measures the board before refusing: a stored board whose log deleted most of it takes new cards', async () => {
    // The snapshot holds 58 KB of cards, the log deletes them: storage's bytes overstate the board.
    const ctx = await storedMeeting({ SYNC_MAX_BOARD_BYTES: String(LIMIT) }, { cards: 52, text: FILLER })
    const doc = await storedBoard(ctx.server.db, ctx.conferenceId)
    const before = Y.encodeStateVector(doc)
    doc.transact(() => {
      for (let i = 0; i < 52; i++) doc.getMap('records').delete(`shape:stored-${i}`)
    })
    await appendUpdate(ctx.server.db, ctx.conferenceId, Y.encodeStateAsUpdate(doc, before))
    doc.destroy()
    const writer = await hostile(ctx, ctx.meeting.aunt.token)
    const watcher = open(ctx, ctx.meeting.mother.token)
    await waitFor(() => watcher.provider.synced, { message: 'synced' })
    expect(watcher.records.has('shape:stored-0')).toBe(false)
    for (let i = 0; i < 10; i++) {
      const key = `shape:new-${i}`
      writer.sendEdit((records) => records.set(key, note(key, FILLER(i))))
      await waitFor(() => writer.refusals().length > 0 || watcher.records.has(key), { message: `card ${i}` })
    }
    expect(writer.refusals()).toEqual([])
  })

  for (const logged of [0, 3]) {
    it(`a board stored before opens whole (${logged === 0 ? 'snapshot only' : 'snapshot and log'}), and a fresh client after an edit gets the edit`, async () => {
      const ctx = await storedMeeting({}, { cards: 300, text: (i) => `Kaart ${i}`, logged })
      const mother = open(ctx, ctx.meeting.mother.token)
      const aunt = open(ctx, ctx.meeting.aunt.token)
      await waitFor(() => mother.provider.synced && aunt.provider.synced, { message: 'both synced' })
      expect(mother.records.size).toBe(ctx.expected)
      expect(aunt.records.toJSON()).toEqual(mother.records.toJSON())

      mother.records.set('shape:after-load', note('shape:after-load', 'nieuw na het openen'))
      mother.records.set('shape:gone', note('shape:gone', 'even neergezet'))
      await waitFor(() => aunt.records.has('shape:gone'), { message: 'the card reaches the aunt' })
      mother.records.delete('shape:gone')
      await waitFor(() => aunt.records.has('shape:after-load') && !aunt.records.has('shape:gone'), { message: 'the edits reach the aunt' })
      // A fresh page load after the edit: the board as it is now, not as it was loaded.
      const late = open(ctx, ctx.meeting.aunt.token)
      await waitFor(() => late.provider.synced, { message: 'the late client synced' })
      expect(late.records.has('shape:after-load')).toBe(true)
      expect(late.records.has('shape:gone')).toBe(false)
      expect(late.records.toJSON()).toEqual(mother.records.toJSON())
    })
  }
})
