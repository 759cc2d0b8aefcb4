import { note, withoutBase } from '../helpers/board-records'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openDatabase } from '../../lib/server/db/connect'
import { countUpdates, createUpdateAppender } from '../../lib/server/db/repositories/yjs-log'
import { storedBoard } from '../helpers/hostile-client'
import { allowUpdates, refuseUpdates } from '../helpers/refuse-updates'
import { startServerProcess, type ServerProcess } from '../helpers/server-process'
import { connectBoard, type BoardClient } from '../helpers/sync-clients'
import { seedMeeting, startTestServer, waitFor, type TestServer } from '../helpers/test-server'

describe('sync: the board is stored', () => {
  const clients: BoardClient[] = []
  const servers: TestServer[] = []
  const processes: ServerProcess[] = []
  const dirs: string[] = []

  function tempDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'kring-sync-'))
    dirs.push(dir)
    return dir
  }
  function client(syncUrl: string, conferenceId: string, token: string): BoardClient {
    const c = connectBoard(syncUrl, conferenceId, token)
    clients.push(c)
    return c
  }
  async function start(dataDir: string, env: Record<string, string> = {}): Promise<TestServer> {
    const server = await startTestServer(env, dataDir)
    servers.push(server)
    return server
  }
  async function stop(server: TestServer): Promise<void> {
    servers.splice(servers.indexOf(server), 1)
    await server.stop()
  }

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    for (const s of servers.splice(0)) await s.stop()
    for (const p of processes.splice(0)) await p.kill('SIGKILL')
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
  })

  it('survives a graceful restart on the same data directory', async () => {
    const dir = tempDir()
    const first = await start(dir)
    const { conference, mother, aunt, professional } = await seedMeeting(first.db)
    const a = client(first.syncUrl, conference.id, mother.token)
    const b = client(first.syncUrl, conference.id, aunt.token)
    await waitFor(() => a.provider.synced && b.provider.synced)
    a.records.set('shape:plan', note('shape:plan', 'Oma brengt Sem naar school'))
    a.records.set('shape:gone', note('shape:gone', ''))
    a.records.delete('shape:gone')
    // b has every one of a's updates (relayed, hence stored): also the delete, not only the first set.
    const hasAll = () => Buffer.from(Y.encodeStateVector(b.doc)).equals(Buffer.from(Y.encodeStateVector(a.doc)))
    await waitFor(() => b.records.has('shape:plan') && !b.records.has('shape:gone') && hasAll(), { message: 'b has the edits' })
    a.destroy()
    b.destroy()
    await stop(first)

    const second = await start(dir)
    const c = client(second.syncUrl, conference.id, professional.token)
    await waitFor(() => c.provider.synced && c.records.has('shape:plan'), { message: 'board after restart' })
    expect(withoutBase(c.records.toJSON())).toEqual({ 'shape:plan': note('shape:plan', 'Oma brengt Sem naar school') })
  })

  it.each([
    { label: 'log only', compactAfter: '500' },
    { label: 'while compacting often', compactAfter: '7' },
  ])('keeps everything a client had received after kill -9 of the server ($label)', async ({ compactAfter }) => {
    const dir = tempDir()
    const seedDb = await openDatabase(join(dir, 'kring.sqlite'))
    const { conference, mother, aunt, professional } = await seedMeeting(seedDb)
    await seedDb.destroy()

    const first = await startServerProcess(dir, { COMPACT_AFTER_UPDATES: compactAfter })
    processes.push(first)
    const writer = client(first.syncUrl, conference.id, mother.token)
    const reader = client(first.syncUrl, conference.id, aunt.token)
    await waitFor(() => writer.provider.synced && reader.provider.synced, { message: 'both synced' })

    // The writer keeps editing; the server is killed in the middle of it.
    let writing = true
    const written = (async () => {
      for (let i = 0; writing && i < 2000; i++) {
        writer.records.set(`shape:${i}`, note(`shape:${i}`, `item ${i}`))
        if (i % 5 === 4) writer.records.delete(`shape:${i - 2}`)
        await new Promise((resolve) => setImmediate(resolve))
      }
    })()
    await waitFor(() => reader.records.size >= 40, { message: 'reader received edits' })
    await first.kill('SIGKILL')
    writing = false
    await written
    // Messages already on their way have arrived once the reader has noticed the connection is gone.
    await waitFor(() => !reader.provider.wsconnected, { message: 'reader saw the server go' })
    const received = reader.records.toJSON()
    const receivedState = Y.encodeStateAsUpdate(reader.doc)
    writer.destroy()
    reader.destroy()
    expect(Object.keys(received).length).toBeGreaterThanOrEqual(40)

    const second = await startServerProcess(dir, { COMPACT_AFTER_UPDATES: compactAfter })
    processes.push(second)
    const fresh = client(second.syncUrl, conference.id, professional.token)
    await waitFor(() => fresh.provider.synced, { message: 'fresh client synced after restart' })
    const recovered = fresh.records.toJSON()
    // Everything the reader had is there: merging the reader's whole state (inserts and deletes)
    // into the recovered board adds nothing. The server may also have stored a few edits it had
    // not relayed yet when it died (say, the writer's delete of an item the reader still shows);
    // those are fine to keep, so the records are not compared one by one.
    const merged = new Y.Doc()
    Y.applyUpdate(merged, Y.encodeStateAsUpdate(fresh.doc))
    const before = Y.encodeStateVector(merged)
    Y.applyUpdate(merged, receivedState)
    expect(Y.encodeStateVector(merged)).toEqual(before)
    expect(merged.getMap('records').toJSON()).toEqual(recovered)
  })

  it('compacts the log and unloads the room when everyone has left', async () => {
    const dir = tempDir()
    const server = await start(dir, { COMPACT_AFTER_UPDATES: '10' })
    const { conference, mother, aunt, professional } = await seedMeeting(server.db)
    const a = client(server.syncUrl, conference.id, mother.token)
    const b = client(server.syncUrl, conference.id, aunt.token)
    await waitFor(() => a.provider.synced && b.provider.synced)
    expect(server.server.sync.loadedRoomCount()).toBe(1)

    for (let i = 0; i < 45; i++) a.records.set(`shape:${i}`, note(`shape:${i}`, `${i}`))
    await waitFor(() => Object.keys(withoutBase(b.records.toJSON())).length === 45, { message: 'b has all 45 edits' })
    // 45 updates went in; the log was folded into a snapshot every 10.
    await waitFor(async () => (await countUpdates(server.db, conference.id)) < 10, { message: 'log compacted' })

    a.destroy()
    b.destroy()
    await waitFor(() => server.server.sync.loadedRoomCount() === 0, { message: 'room unloaded' })
    expect(await countUpdates(server.db, conference.id)).toBe(0)

    await stop(server)
    const again = await start(dir, { COMPACT_AFTER_UPDATES: '10' })
    const c = client(again.syncUrl, conference.id, professional.token)
    await waitFor(() => c.provider.synced && Object.keys(withoutBase(c.records.toJSON())).length === 45, { message: 'board intact after restart' })
    expect(c.records.get('shape:44')).toEqual(note('shape:44', '44'))
  })

  it('a rejoining client gets the same room again after it was unloaded', async () => {
    const server = await start(tempDir())
    const { conference, mother } = await seedMeeting(server.db)
    for (let round = 0; round < 5; round++) {
      const c = client(server.syncUrl, conference.id, mother.token)
      await waitFor(() => c.provider.synced && Object.keys(withoutBase(c.records.toJSON())).length === round, { message: `round ${round} sees earlier edits` })
      c.records.set(`shape:round-${round}`, note(`shape:round-${round}`, `${round}`))
      // Stored (whether or not an earlier round's unload folded the log meanwhile).
      await waitFor(async () => (await storedBoard(server.db, conference.id)).getMap('records').has(`shape:round-${round}`), { message: `round ${round} stored` })
      c.destroy()
      // No wait for the unload: the next connection may arrive while the room is unloading.
    }
    await waitFor(() => server.server.sync.loadedRoomCount() === 0, { message: 'room unloaded' })
  })

  it('closes a connection with 4500 when its edit cannot be stored, and takes the edit once storage is back', async () => {
    const server = await start(tempDir())
    const { conference, mother, aunt } = await seedMeeting(server.db)
    const a = client(server.syncUrl, conference.id, mother.token)
    const b = client(server.syncUrl, conference.id, aunt.token)
    await waitFor(() => a.provider.synced && b.provider.synced)

    await refuseUpdates(server.db)
    a.records.set('shape:late', note('shape:late', 'not yet stored'))
    await waitFor(() => a.closeCodes.includes(4500), { message: 'a closed with 4500' })
    expect(b.records.has('shape:late')).toBe(false)
    expect(b.provider.wsconnected).toBe(true)

    await allowUpdates(server.db)
    // The stock provider reconnects by itself and sends what the server lacks.
    await waitFor(() => b.records.has('shape:late'), { message: 'edit arrives after storage recovered' })
    expect(await countUpdates(server.db, conference.id)).toBeGreaterThan(0)
  })

  it('an edit stored while another transaction is open on the connection is not rolled back with it', async () => {
    const server = await start(tempDir())
    const { conference } = await seedMeeting(server.db)
    const append = createUpdateAppender(server.db)
    let appended: Promise<number> | undefined
    await expect(
      server.db.transaction().execute(async (tx) => {
        await tx.updateTable('conferences').set({ title: 'wordt teruggedraaid' }).where('id', '=', conference.id).execute()
        appended = append(conference.id, new Uint8Array([0, 0]))
        throw new Error('roll back')
      }),
    ).rejects.toThrow('roll back')
    expect(await appended).toBeGreaterThan(0)
    // The base board seeded with the conference, and this append.
    expect(await countUpdates(server.db, conference.id)).toBe(2)
  })
})
