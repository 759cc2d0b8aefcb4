import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ForbiddenReason } from '../../lib/protocol/close-codes'
import { cardRecord, connectPolicyBoard, SEEDED_CARD, seedEveryRole, setPhase, storedRecords, type EveryRole, type PolicyBoardClient } from '../helpers/policy-sync'
import { connectRaw, syncUrlFor, type RawClient } from '../helpers/sync-clients'
import { startTestServer, waitFor, type TestServer } from '../helpers/test-server'

/**
 * "During private time a professional's client receives no document bytes at all", checked on
 * the wire: a bare websocket with the professional's token records every frame it receives. It
 * reads the board in informatie like any client (sync step 1 → the document, then live updates
 * and presence); from the moment private time starts it receives no sync (0) or awareness (1)
 * message, only the 4403 close; and a connection opened during private time receives nothing
 * but the close.
 */

const MESSAGE_SYNC = 0
const MESSAGE_AWARENESS = 1

let ts: TestServer
let seeded: EveryRole
const boards: PolicyBoardClient[] = []
const raws: RawClient[] = []

beforeEach(async () => {
  ts = await startTestServer()
  seeded = await seedEveryRole(ts.db)
})

afterEach(async () => {
  for (const client of boards.splice(0)) client.destroy()
  for (const raw of raws.splice(0)) raw.ws.terminate()
  await ts.stop()
})

function syncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc))
  return encoding.toUint8Array(encoder)
}

function messageType(message: Uint8Array): number {
  return decoding.readVarUint(decoding.createDecoder(message))
}

/** The document as the raw client received it: every sync step 2 and update applied. */
function documentOf(messages: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc()
  for (const message of messages) {
    const decoder = decoding.createDecoder(message)
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) continue
    if (decoding.readVarUint(decoder) === 0) continue // the server's own step 1: a state vector
    Y.applyUpdate(doc, decoding.readVarUint8Array(decoder))
  }
  return doc
}

function professionalRaw(): RawClient {
  const raw = connectRaw(syncUrlFor(ts.syncUrl, seeded.conferenceId, seeded.tokens.professional))
  raws.push(raw)
  return raw
}

describe('sync: private time sends a professional no document bytes at all', () => {
  it('connected before private time: after the phase change only the 4403 close arrives', async () => {
    await setPhase(ts.db, seeded.conferenceId, 'informatie', false)
    const family = connectPolicyBoard(ts.syncUrl, seeded.conferenceId, seeded.tokens.family)
    boards.push(family)
    await waitFor(() => family.provider.synced, { message: 'family synced' })
    family.provider.awareness.setLocalStateField('user', { id: seeded.participantIds.family, name: 'Mama Sanne' })

    const raw = professionalRaw()
    await raw.whenOpen
    raw.ws.send(syncStep1(new Y.Doc()))
    await waitFor(() => documentOf(raw.messages).getMap('records').has(SEEDED_CARD), { message: 'the raw client reads the board' })
    family.records.set('shape:informatie', cardRecord('shape:informatie', 'in het informatiedeel'))
    await waitFor(() => documentOf(raw.messages).getMap('records').has('shape:informatie'), { message: 'and its live updates' })
    await waitFor(() => raw.messages.some((m) => messageType(m) === MESSAGE_AWARENESS), { message: 'and presence' })

    const before = raw.messages.length
    await setPhase(ts.db, seeded.conferenceId, 'besloten_deel')
    // The family works on: edits and presence that the room relays to everyone still on the board.
    family.records.set('shape:besloten', cardRecord('shape:besloten', 'wat de familie onder elkaar bespreekt'))
    family.provider.awareness.setLocalStateField('user', { id: seeded.participantIds.family, name: 'Mama Sanne typt' })
    await waitFor(async () => 'shape:besloten' in (await storedRecords(ts.db, seeded.conferenceId)), { message: 'family edit stored' })

    const closed = await raw.whenClosed
    expect(closed).toEqual({ code: 4403, reason: ForbiddenReason.PrivateTime })
    const after = raw.messages.slice(before)
    expect(after.filter((m) => messageType(m) === MESSAGE_SYNC || messageType(m) === MESSAGE_AWARENESS)).toEqual([])
    expect(after).toEqual([])
    expect(documentOf(raw.messages).getMap('records').has('shape:besloten')).toBe(false)
  })

  it('connecting during private time: the handshake, then the 4403 close, and not one message', async () => {
    await setPhase(ts.db, seeded.conferenceId, 'besloten_deel', false)
    const raw = professionalRaw()
    const closed = await raw.whenClosed
    expect(raw.opened).toBe(true)
    expect(closed).toEqual({ code: 4403, reason: ForbiddenReason.PrivateTime })
    expect(raw.messages).toEqual([])
  })
})
