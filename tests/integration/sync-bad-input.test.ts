import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { countUpdates } from '../../lib/server/db/repositories/yjs-log'
import { note, withoutBase } from '../helpers/board-records'
import { connectBoard, connectRaw, syncUrlFor, type BoardClient, type RawClient } from '../helpers/sync-clients'
import { seedMeeting, startTestServer, waitFor, type TestServer } from '../helpers/test-server'

const MAX_BYTES = 4096

function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0) // messageSync
  encoding.writeVarUint(encoder, 2) // update
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

function validUpdate(key: string, value: unknown): Uint8Array {
  const doc = new Y.Doc()
  // A fixed client id fixes the layout: [1 client, 1 struct, client 1, clock 0, info byte, ...].
  doc.clientID = 1
  doc.getMap('records').set(key, value)
  return Y.encodeStateAsUpdate(doc)
}

function awarenessMessage(clientId: number, stateJson: string): Uint8Array {
  const inner = encoding.createEncoder()
  encoding.writeVarUint(inner, 1)
  encoding.writeVarUint(inner, clientId)
  encoding.writeVarUint(inner, 1)
  encoding.writeVarString(inner, stateJson)
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1) // messageAwareness
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner))
  return encoding.toUint8Array(encoder)
}

const update = validUpdate('shape:evil', { text: 'should never be stored' })

/** Each bad message and the close code it must earn. */
const cases: { name: string; message: () => Uint8Array; code: number }[] = [
  { name: 'a message over the size limit', message: () => syncUpdateMessage(new Uint8Array(MAX_BYTES * 2).fill(7)), code: 1009 },
  { name: 'garbage bytes', message: () => new Uint8Array([0xff, 0xfe, 0xfd, 0xfc, 0x01, 0x02]), code: 4400 },
  { name: 'an unknown message type', message: () => new Uint8Array([7, 0, 0]), code: 4400 },
  { name: 'an auth message from a client', message: () => new Uint8Array([2, 0, 2, 0x68, 0x69]), code: 4400 },
  { name: 'an unknown sync step', message: () => new Uint8Array([0, 9, 0]), code: 4400 },
  { name: 'a truncated document update', message: () => syncUpdateMessage(update.slice(0, update.length - 3)), code: 4400 },
  {
    name: 'a document update with corrupt content',
    message: () => {
      // The struct's info byte names its content type; 31 is no content type at all.
      const corrupt = update.slice()
      corrupt[4] = (corrupt[4]! & 0b11100000) | 31
      return syncUpdateMessage(corrupt)
    },
    code: 4400,
  },
  {
    name: 'a length field pointing past the message',
    message: () => new Uint8Array([0, 2, 0xff, 0x7f, 1, 2, 3]),
    code: 4400,
  },
  { name: 'trailing bytes after a valid update', message: () => new Uint8Array([...syncUpdateMessage(update), 0, 0]), code: 4400 },
  // A state that is not JSON is dropped, not fatal (tests/integration/sync-presence.test.ts); a broken frame is.
  { name: 'an awareness update with trailing bytes', message: () => new Uint8Array([...awarenessMessage(12345, 'null'), 0]), code: 4400 },
  { name: 'an awareness state whose length runs past the message', message: () => awarenessMessage(12345, '{"cursor": nope').slice(0, -3), code: 4400 },
]

describe('sync: bad input closes only the connection that sent it', () => {
  const clients: BoardClient[] = []
  const raws: RawClient[] = []
  let server: TestServer | undefined
  let dir: string | undefined

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    for (const r of raws.splice(0)) r.ws.terminate()
    await server?.stop()
    server = undefined
    if (dir) rmSync(dir, { recursive: true, force: true })
    dir = undefined
  })

  it.each(cases)('$name → $code', async ({ message, code }) => {
    dir = mkdtempSync(join(tmpdir(), 'kring-bad-'))
    const env = { SYNC_MAX_MESSAGE_BYTES: String(MAX_BYTES) }
    server = await startTestServer(env, dir)
    const { conference, mother, aunt, professional } = await seedMeeting(server.db)
    const a = connectBoard(server.syncUrl, conference.id, mother.token)
    const b = connectBoard(server.syncUrl, conference.id, aunt.token)
    clients.push(a, b)
    await waitFor(() => a.provider.synced && b.provider.synced)
    a.records.set('shape:good', note('shape:good', 'before'))
    await waitFor(() => b.records.has('shape:good'))
    const storedBefore = await countUpdates(server.db, conference.id)

    const raw = connectRaw(syncUrlFor(server.syncUrl, conference.id, professional.token))
    raws.push(raw)
    await raw.whenOpen
    await waitFor(() => raw.messages.length > 0, { message: 'raw client got sync step 1' })
    raw.ws.send(message())
    const closed = await raw.whenClosed
    expect(closed.code).toBe(code)

    // Everyone else is still connected and still syncing.
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true)
    a.records.set('shape:after', note('shape:after', 'after'))
    await waitFor(() => b.records.has('shape:after'), { message: 'sync still works for others' })
    expect(b.records.has('shape:evil')).toBe(false)
    expect(await countUpdates(server.db, conference.id)).toBe(storedBefore + 1)

    // The stored board is intact and holds nothing from the bad message.
    for (const c of clients.splice(0)) c.destroy()
    await server.stop()
    server = await startTestServer(env, dir)
    const fresh = connectBoard(server.syncUrl, conference.id, mother.token)
    clients.push(fresh)
    await waitFor(() => fresh.provider.synced && fresh.records.size === 4, { message: 'board reloaded' })
    expect(withoutBase(fresh.records.toJSON())).toEqual({ 'shape:good': note('shape:good', 'before'), 'shape:after': note('shape:after', 'after') })
  })

  it('a stock provider whose message is too big is closed with 1009 and the others keep syncing', async () => {
    server = await startTestServer({ SYNC_MAX_MESSAGE_BYTES: String(MAX_BYTES) })
    const { conference, mother, aunt } = await seedMeeting(server.db)
    const a = connectBoard(server.syncUrl, conference.id, mother.token)
    const b = connectBoard(server.syncUrl, conference.id, aunt.token)
    clients.push(a, b)
    await waitFor(() => a.provider.synced && b.provider.synced)
    a.records.set('shape:huge', note('shape:huge', 'x'.repeat(MAX_BYTES * 2)))
    await waitFor(() => a.closeCodes.includes(1009), { message: 'a closed with 1009' })
    a.provider.disconnect()
    b.records.set('shape:small', note('shape:small', 'fine'))
    const c = connectBoard(server.syncUrl, conference.id, mother.token)
    clients.push(c)
    await waitFor(() => c.records.has('shape:small'), { message: 'others still sync' })
    expect(c.records.has('shape:huge')).toBe(false)
  })
})
