import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { countUpdates } from '../../lib/server/db/repositories/yjs-log'
import { note } from '../helpers/board-records'
import { startSyncOnlyServer } from '../helpers/sync-only-server'
import { connectBoard, connectRaw, syncUrlFor, type BoardClient, type RawClient } from '../helpers/sync-clients'
import { seedMeeting, waitFor } from '../helpers/test-server'

type SyncOnly = Awaited<ReturnType<typeof startSyncOnlyServer>>

function updateMessage(key: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('records').set(key, note(key, 'from a read-only seat'))
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, 2)
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc))
  return encoding.toUint8Array(encoder)
}

/** The permission-denied reason in a y-protocols auth message, or null for other messages. */
function permissionDenied(message: Uint8Array): string | null {
  const decoder = decoding.createDecoder(message)
  if (decoding.readVarUint(decoder) !== 2 || decoding.readVarUint(decoder) !== 0) return null
  return decoding.readVarString(decoder)
}

function isRelayedUpdate(message: Uint8Array): boolean {
  return message[0] === 0 && message[1] === 2
}

describe('sync: server options', () => {
  let server: SyncOnly | undefined
  const clients: BoardClient[] = []
  const raws: RawClient[] = []

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    for (const r of raws.splice(0)) r.ws.terminate()
    await server?.stop()
    server = undefined
  })

  it('a write the policy refuses is reported to its sender, not stored and not relayed', async () => {
    server = await startSyncOnlyServer({
      writePolicy: (connection) => (connection.role === 'network' ? { allowed: false, reason: 'read-only' } : { allowed: true }),
    })
    const { conference, mother, aunt } = await seedMeeting(server.db)
    const motherBoard = connectBoard(server.syncUrl, conference.id, mother.token)
    clients.push(motherBoard)
    await waitFor(() => motherBoard.provider.synced)

    const raw = connectRaw(syncUrlFor(server.syncUrl, conference.id, aunt.token))
    raws.push(raw)
    await raw.whenOpen
    raw.ws.send(updateMessage('shape:refused'))
    await waitFor(() => raw.messages.some((m) => permissionDenied(m) === 'read-only'), { message: 'refusal reported' })
    expect(raw.closed).toBeNull()

    // Still a reader: it gets the mother's edit; its own edit went nowhere.
    motherBoard.records.set('shape:allowed', note('shape:allowed', 'ok'))
    await waitFor(() => raw.messages.some(isRelayedUpdate), { message: 'reader receives edits' })
    const reader = connectBoard(server.syncUrl, conference.id, mother.token)
    clients.push(reader)
    await waitFor(() => reader.records.has('shape:allowed'))
    expect(reader.records.has('shape:refused')).toBe(false)
    expect(motherBoard.records.has('shape:refused')).toBe(false)
    // The base board seeded with the conference, and the mother's edit.
    expect(await countUpdates(server.db, conference.id)).toBe(2)
  })

  it('keep-alive drops a connection that stops answering pings and keeps the others', async () => {
    server = await startSyncOnlyServer({ keepAliveIntervalMs: 100 })
    const { conference, mother, aunt } = await seedMeeting(server.db)
    const board = connectBoard(server.syncUrl, conference.id, mother.token)
    clients.push(board)
    const silent = connectRaw(syncUrlFor(server.syncUrl, conference.id, aunt.token), { autoPong: false })
    raws.push(silent)
    await silent.whenOpen
    const closed = await silent.whenClosed
    expect(closed.code).toBe(1006)
    expect(board.provider.wsconnected).toBe(true)
    expect(board.closeCodes).toEqual([])
  })
})
