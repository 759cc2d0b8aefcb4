import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join as joinPath } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createTicket } from '../../lib/server/auth/tickets'
import { startConference } from '../../lib/server/conference/start-conference'
import { seedInvitation, seedUser } from '../../lib/server/db/seed'
import { WriteRefusal } from '../../lib/protocol/close-codes'
import { cardRecord, connectPolicyBoard, storedRecords, type PolicyBoardClient } from '../helpers/policy-sync'
import { loadRecordCreators } from '../../lib/server/db/repositories/board-record-creators'
import { startTestServer, TEST_SECRET, waitFor, type TestServer } from '../helpers/test-server'

/**
 * Deleting and the board's structure, on a real server with stock providers (issue 9 part 3).
 * The finding: an aunt (network) selected all on her phone and deleted; the whole board, template
 * included, was gone for everyone, also after a reload.
 */

type Person = 'facilitator' | 'mother' | 'aunt'

interface Board {
  conferenceId: string
  tokens: Record<Person, string>
  participantIds: Record<Person, string>
}

/** A conference started the way the app starts one: its board is the template. */
async function startBoard(ts: TestServer): Promise<Board> {
  const user = await seedUser(ts.db, { email: `f-${Math.random()}@example.org`, name: 'Fenna Facilitator' })
  const conference = await startConference(ts.db, { title: 'Familie de Vries', kind: 'familiegroepsplan', user })
  const facilitator = await ts.db
    .selectFrom('participants')
    .select('id')
    .where('conference_id', '=', conference.id)
    .where('user_id', '=', user.id)
    .executeTakeFirstOrThrow()
  const mother = await seedInvitation(ts.db, { conferenceId: conference.id, displayName: 'Mama Sanne', role: 'family' })
  const aunt = await seedInvitation(ts.db, { conferenceId: conference.id, displayName: 'Tante Amira', role: 'network' })
  return {
    conferenceId: conference.id,
    tokens: { facilitator: createTicket(TEST_SECRET, facilitator.id, conference.id, 600), mother: mother.token, aunt: aunt.token },
    participantIds: { facilitator: facilitator.id, mother: mother.participant.id, aunt: aunt.participant.id },
  }
}

const typeOf = (value: unknown) => (value as { type?: string }).type
const areaKeys = (records: Record<string, unknown>) => Object.keys(records).filter((key) => typeOf(records[key]) === 'kring-area')

describe('sync: who may delete what', () => {
  const servers: TestServer[] = []
  const clients: PolicyBoardClient[] = []

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    for (const s of servers.splice(0)) await s.stop()
  })

  async function start(dataDir?: string): Promise<TestServer> {
    const ts = await startTestServer({}, dataDir)
    servers.push(ts)
    return ts
  }

  async function join(ts: TestServer, board: Board, who: Person): Promise<PolicyBoardClient> {
    const client = connectPolicyBoard(ts.syncUrl, board.conferenceId, board.tokens[who])
    clients.push(client)
    await waitFor(() => client.provider.synced, { message: `${who} synced` })
    return client
  }

  it("the aunt's select-all-delete is refused whole: nothing is stored, everyone keeps the board", async () => {
    const ts = await start()
    const board = await startBoard(ts)
    const mother = await join(ts, board, 'mother')
    const aunt = await join(ts, board, 'aunt')
    mother.records.set('shape:mothers-card', cardRecord('shape:mothers-card', 'Sam slaapt slecht'))
    await waitFor(() => aunt.records.has('shape:mothers-card'), { message: "the mother's card reaches the aunt" })
    const before = await storedRecords(ts.db, board.conferenceId)
    expect(areaKeys(before).length).toBeGreaterThan(0)

    // Select all, delete: one update removing every record of the board.
    aunt.doc.transact(() => {
      for (const key of [...aunt.records.keys()]) aunt.records.delete(key)
    })
    await waitFor(() => aunt.denials.includes(WriteRefusal.Delete), { message: 'the refusal reaches the aunt' })

    expect(await storedRecords(ts.db, board.conferenceId)).toEqual(before)
    expect(mother.records.toJSON()).toEqual(before)
    const fresh = await join(ts, board, 'mother')
    expect(fresh.records.toJSON()).toEqual(before)
  })

  /** Write a card from `client` and wait until the server stored it. */
  async function addCard(ts: TestServer, board: Board, client: PolicyBoardClient, key: string, text: string): Promise<void> {
    client.records.set(key, cardRecord(key, text))
    await waitFor(async () => key in (await storedRecords(ts.db, board.conferenceId)), { message: `${key} stored` })
  }

  const textOf = (value: unknown) => (value as { props: { text: string } }).props.text

  it('the aunt removes a card she added herself; the server noted her as its creator', async () => {
    const ts = await start()
    const board = await startBoard(ts)
    const mother = await join(ts, board, 'mother')
    const aunt = await join(ts, board, 'aunt')
    await addCard(ts, board, aunt, 'shape:aunts-card', 'Ik kan op woensdag koken')
    // Stored is not yet relayed: the mother must have the card before its removal can reach her.
    await waitFor(() => mother.records.has('shape:aunts-card'), { message: 'the card reaches the mother' })
    expect((await loadRecordCreators(ts.db, board.conferenceId)).get('shape:aunts-card')).toBe(board.participantIds.aunt)

    aunt.records.delete('shape:aunts-card')
    await waitFor(() => !mother.records.has('shape:aunts-card'), { message: 'the removal reaches the mother' })
    expect(await storedRecords(ts.db, board.conferenceId)).not.toHaveProperty('shape:aunts-card')
    expect(aunt.denials).toEqual([])
  })

  it("the aunt moves and edits the mother's card, but cannot remove it", async () => {
    const ts = await start()
    const board = await startBoard(ts)
    const mother = await join(ts, board, 'mother')
    const aunt = await join(ts, board, 'aunt')
    await addCard(ts, board, mother, 'shape:mothers-card', 'Sam slaapt slecht')
    await waitFor(() => aunt.records.has('shape:mothers-card'))

    const card = aunt.records.get('shape:mothers-card') as ReturnType<typeof cardRecord>
    aunt.records.set('shape:mothers-card', { ...card, x: 300, y: 200, props: { ...card.props, text: 'Sam slaapt slecht sinds de verhuizing' } })
    await waitFor(() => textOf(mother.records.get('shape:mothers-card')) === 'Sam slaapt slecht sinds de verhuizing', { message: 'the edit reaches the mother' })
    expect(aunt.denials).toEqual([])

    aunt.records.delete('shape:mothers-card')
    await waitFor(() => aunt.denials.includes(WriteRefusal.Delete), { message: 'the removal is refused' })
    const stored = await storedRecords(ts.db, board.conferenceId)
    expect(textOf(stored['shape:mothers-card'])).toBe('Sam slaapt slecht sinds de verhuizing')
    expect(mother.records.has('shape:mothers-card')).toBe(true)
  })

  it("the server does not take a record's own word for who added it", async () => {
    const ts = await start()
    const board = await startBoard(ts)
    const mother = await join(ts, board, 'mother')
    const card = { ...cardRecord('shape:mothers-card', 'Sam slaapt slecht'), meta: { kringCreatedBy: board.participantIds.aunt } }
    mother.records.set('shape:mothers-card', card)
    await waitFor(async () => 'shape:mothers-card' in (await storedRecords(ts.db, board.conferenceId)))

    const aunt = await join(ts, board, 'aunt')
    aunt.records.delete('shape:mothers-card')
    await waitFor(() => aunt.denials.includes(WriteRefusal.Delete), { message: 'the removal is refused' })
    expect(await storedRecords(ts.db, board.conferenceId)).toHaveProperty('shape:mothers-card')
  })

  it('the aunt cannot change, add or remove an area; the stored board keeps its structure', async () => {
    const ts = await start()
    const board = await startBoard(ts)
    const mother = await join(ts, board, 'mother')
    const before = await storedRecords(ts.db, board.conferenceId)
    const [areaKey] = areaKeys(before)
    const area = before[areaKey!] as { x: number }

    // Each attempt from a fresh connection: a refused edit stays in the refused client's copy.
    const moving = await join(ts, board, 'aunt')
    moving.records.set(areaKey!, { ...area, x: area.x + 500 })
    await waitFor(() => moving.denials.includes(WriteRefusal.Locked), { message: 'moving the area is refused' })

    const adding = await join(ts, board, 'aunt')
    adding.records.set('shape:aunts-area', { ...area, id: 'shape:aunts-area' })
    await waitFor(() => adding.denials.includes(WriteRefusal.Locked), { message: 'adding an area is refused' })

    const renaming = await join(ts, board, 'aunt')
    const pageKey = Object.keys(before).find((key) => key.startsWith('page:'))!
    renaming.records.set(pageKey, { ...(before[pageKey] as object), name: 'Mijn bord' })
    await waitFor(() => renaming.denials.includes(WriteRefusal.Locked), { message: 'renaming the page is refused' })

    const removing = await join(ts, board, 'aunt')
    removing.records.delete(areaKey!)
    await waitFor(() => removing.denials.includes(WriteRefusal.Delete), { message: 'removing the area is refused' })

    expect(await storedRecords(ts.db, board.conferenceId)).toEqual(before)
    expect(mother.records.toJSON()).toEqual(before)
  })

  it('the facilitator removes anything: her card, an area, the whole board', async () => {
    const ts = await start()
    const board = await startBoard(ts)
    const mother = await join(ts, board, 'mother')
    const facilitator = await join(ts, board, 'facilitator')
    await addCard(ts, board, mother, 'shape:mothers-card', 'Sam slaapt slecht')
    await waitFor(() => facilitator.records.has('shape:mothers-card'))

    facilitator.records.delete('shape:mothers-card')
    const [areaKey] = areaKeys(await storedRecords(ts.db, board.conferenceId))
    facilitator.records.delete(areaKey!)
    await waitFor(() => !mother.records.has('shape:mothers-card') && !mother.records.has(areaKey!), { message: 'the removals reach the mother' })

    facilitator.doc.transact(() => {
      for (const key of [...facilitator.records.keys()]) facilitator.records.delete(key)
    })
    await waitFor(async () => Object.keys(await storedRecords(ts.db, board.conferenceId)).length === 0, { message: 'the board emptied' })
    expect(facilitator.denials).toEqual([])
  })

  it('who added what survives a restart of the server', async () => {
    const dir = mkdtempSync(joinPath(tmpdir(), 'kring-creators-'))
    try {
      const first = await start(dir)
      const board = await startBoard(first)
      const mother = await join(first, board, 'mother')
      const aunt = await join(first, board, 'aunt')
      await addCard(first, board, mother, 'shape:mothers-card', 'Sam slaapt slecht')
      await addCard(first, board, aunt, 'shape:aunts-card', 'Ik kan op woensdag koken')
      for (const c of clients.splice(0)) c.destroy()
      servers.splice(servers.indexOf(first), 1)
      await first.stop()

      const second = await start(dir)
      const auntAgain = await join(second, board, 'aunt')
      auntAgain.records.delete('shape:mothers-card')
      await waitFor(() => auntAgain.denials.includes(WriteRefusal.Delete), { message: "removing the mother's card is refused" })

      const auntFresh = await join(second, board, 'aunt')
      auntFresh.records.delete('shape:aunts-card')
      await waitFor(async () => !('shape:aunts-card' in (await storedRecords(second.db, board.conferenceId))), { message: 'her own card removed' })
      expect(auntFresh.denials).toEqual([])
      expect(await storedRecords(second.db, board.conferenceId)).toHaveProperty('shape:mothers-card')
    } finally {
      for (const c of clients.splice(0)) c.destroy()
      for (const s of servers.splice(0)) await s.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
