import * as decoding from 'lib0/decoding'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ParticipantRole } from '../../lib/conference/model'
import { appendUpdate, countUpdates } from '../../lib/server/db/repositories/yjs-log'
import { WriteRefusal } from '../../server/sync/write-policy'
import { craftedOverwrite, syncUpdateMessage } from '../helpers/crafted-updates'
import {
  bottomLineRecord,
  cardRecord,
  connectPolicyBoard,
  SEEDED_LINE,
  seedEveryRole,
  setPhase,
  shapeRecord,
  storedRecords,
  type EveryRole,
  type PolicyBoardClient,
} from '../helpers/policy-sync'
import { connectRaw, syncUrlFor, type RawClient } from '../helpers/sync-clients'
import { startTestServer, waitFor, type TestServer } from '../helpers/test-server'

/**
 * Hand-built updates on a real server that overwrite a map key without listing the replaced
 * value in their delete set (a stock client always lists it). Yjs would still replace the value,
 * so the server must judge the value being replaced, not only the delete set: a bottom line stays
 * the professionals', a scale mark its owner's. Refused, nothing stored, nobody else sees it.
 */

const MARK = 'shape:mark-amira'

function scaleMark(id: string, participantId: string, value: number) {
  return shapeRecord(id, 'kring-scale-mark', { w: 40, h: 56, participantId, name: 'Tante Amira', value })
}

let ts: TestServer
const open: PolicyBoardClient[] = []
const raws: RawClient[] = []

beforeAll(async () => {
  ts = await startTestServer()
})

afterEach(() => {
  for (const client of open.splice(0)) client.destroy()
  for (const raw of raws.splice(0)) raw.ws.terminate()
})

afterAll(async () => {
  await ts.stop()
})

async function connectSynced(seeded: EveryRole, role: ParticipantRole): Promise<PolicyBoardClient> {
  const client = connectPolicyBoard(ts.syncUrl, seeded.conferenceId, seeded.tokens[role])
  open.push(client)
  await waitFor(() => client.provider.synced && client.records.has(SEEDED_LINE) && client.records.has(MARK), { message: `${role} synced` })
  return client
}

function deniedReasons(raw: RawClient): string[] {
  return raw.messages.flatMap((message) => {
    const decoder = decoding.createDecoder(message)
    if (decoding.readVarUint(decoder) !== 2 || decoding.readVarUint(decoder) !== 0) return []
    return [decoding.readVarString(decoder)]
  })
}

/** Every value a client's board showed under `key`, from its first sync on. */
function historyOf(client: PolicyBoardClient, key: string): unknown[] {
  const seen: unknown[] = [client.records.get(key)]
  client.records.observe((event) => {
    if (event.keysChanged.has(key)) seen.push(client.records.get(key))
  })
  return seen
}

interface Case {
  name: string
  writer: ParticipantRole
  key: string
  value: (seeded: EveryRole) => unknown
  reason: string
}

const cases: Case[] = [
  ...(['family', 'network'] as const).map((writer) => ({
    name: `${writer}: a bottom line turned into a card`,
    writer,
    key: SEEDED_LINE,
    value: () => cardRecord(SEEDED_LINE, 'Geen ondergrens meer'),
    reason: WriteRefusal.BottomLine,
  })),
  {
    name: "family: a bottom line's text changed and ticked off through an overwrite",
    writer: 'family',
    key: SEEDED_LINE,
    value: (seeded) => bottomLineRecord(SEEDED_LINE, 'Sam mag thuisblijven', seeded.participantIds.family),
    reason: WriteRefusal.BottomLine,
  },
  {
    name: "family: a bottom line overwritten with someone else's scale mark",
    writer: 'family',
    key: SEEDED_LINE,
    value: (seeded) => scaleMark(SEEDED_LINE, seeded.participantIds.network, 9),
    reason: WriteRefusal.BottomLine,
  },
  {
    name: "family: someone else's scale mark overwritten with a card",
    writer: 'family',
    key: MARK,
    value: () => cardRecord(MARK, 'Geen schaal meer'),
    reason: WriteRefusal.ScaleMark,
  },
  {
    name: "family: someone else's scale mark overwritten with the writer's own",
    writer: 'family',
    key: MARK,
    value: (seeded) => scaleMark(MARK, seeded.participantIds.family, 1),
    reason: WriteRefusal.ScaleMark,
  },
]

describe('sync: an overwrite with an empty delete set is judged by the value it replaces', () => {
  it.each(cases)('$name → refused ($reason)', async ({ writer, key, value, reason }) => {
    const seeded = await seedEveryRole(ts.db)
    await setPhase(ts.db, seeded.conferenceId, 'informatie', false)
    // The network member's mark on a scale, as her device stored it.
    const markDoc = new Y.Doc()
    markDoc.getMap('records').set(MARK, scaleMark(MARK, seeded.participantIds.network, 3))
    await appendUpdate(ts.db, seeded.conferenceId, Y.encodeStateAsUpdate(markDoc))
    const before = await storedRecords(ts.db, seeded.conferenceId)
    const storedBefore = await countUpdates(ts.db, seeded.conferenceId)

    const watcher = await connectSynced(seeded, 'child')
    const history = historyOf(watcher, key)
    const crafted = craftedOverwrite(watcher.doc, key, value(seeded))

    const raw = connectRaw(syncUrlFor(ts.syncUrl, seeded.conferenceId, seeded.tokens[writer]))
    raws.push(raw)
    await raw.whenOpen
    await waitFor(() => raw.messages.length > 0, { message: 'sync step 1 from the server' })
    raw.ws.send(syncUpdateMessage(crafted))
    // Either the server refuses it, or (a hole) it applies and relays it.
    await waitFor(() => deniedReasons(raw).length > 0 || history.length > 1, { message: 'refusal or relay' })
    expect(history, 'the watcher saw the overwrite').toEqual([before[key]])
    expect(deniedReasons(raw)).toEqual([reason])
    expect(raw.closed).toBeNull()

    // Edits reach others in the order the server takes them: once a later edit has arrived, a
    // relayed overwrite would have arrived before it.
    const professional = await connectSynced(seeded, 'professional')
    professional.records.set('shape:later', cardRecord('shape:later', 'later'))
    await waitFor(() => watcher.records.has('shape:later'), { message: 'later edit relayed' })
    expect(history).toEqual([before[key]])

    // Nothing of it was stored: only the later edit, and a fresh reader sees the value as it was.
    expect(await countUpdates(ts.db, seeded.conferenceId)).toBe(storedBefore + 1)
    expect((await storedRecords(ts.db, seeded.conferenceId))[key]).toEqual(before[key])
    const fresh = await connectSynced(seeded, writer)
    expect(fresh.records.get(key)).toEqual(before[key])
  })

  it("a stale device's stock overwrite of an earlier value replaces the current bottom line too: refused", async () => {
    const seeded = await seedEveryRole(ts.db)
    await setPhase(ts.db, seeded.conferenceId, 'informatie', false)
    const markDoc = new Y.Doc()
    markDoc.getMap('records').set(MARK, scaleMark(MARK, seeded.participantIds.network, 3))
    await appendUpdate(ts.db, seeded.conferenceId, Y.encodeStateAsUpdate(markDoc))

    // The family member's phone synced, then went offline.
    const watcher = await connectSynced(seeded, 'child')
    const phone = new Y.Doc()
    // A client id above the professional's: Yjs orders concurrent values of a key by client id, so
    // the phone's value lands after (and replaces) the professional's newer one.
    phone.clientID = 0xffffffff
    Y.applyUpdate(phone, Y.encodeStateAsUpdate(watcher.doc))

    // Meanwhile the professional ticks the bottom line off: the value the phone knows is deleted.
    const professional = await connectSynced(seeded, 'professional')
    professional.records.set(SEEDED_LINE, bottomLineRecord(SEEDED_LINE, 'Sam gaat elke schooldag naar school', seeded.participantIds.professional))
    await waitFor(async () => JSON.stringify((await storedRecords(ts.db, seeded.conferenceId))[SEEDED_LINE]).includes(seeded.participantIds.professional), {
      message: 'tick stored',
    })
    await waitFor(() => JSON.stringify(watcher.records.get(SEEDED_LINE)).includes(seeded.participantIds.professional), { message: 'tick relayed' })
    const before = await storedRecords(ts.db, seeded.conferenceId)
    const history = historyOf(watcher, SEEDED_LINE)

    const updates: Uint8Array[] = []
    phone.on('update', (update: Uint8Array) => updates.push(update))
    phone.getMap('records').set(SEEDED_LINE, cardRecord(SEEDED_LINE, 'Geen ondergrens meer'))
    const raw = connectRaw(syncUrlFor(ts.syncUrl, seeded.conferenceId, seeded.tokens.family))
    raws.push(raw)
    await raw.whenOpen
    await waitFor(() => raw.messages.length > 0, { message: 'sync step 1 from the server' })
    raw.ws.send(syncUpdateMessage(updates[0]!))
    await waitFor(() => deniedReasons(raw).length > 0 || history.length > 1, { message: 'refusal or relay' })
    expect(history, 'the watcher saw the overwrite').toEqual([before[SEEDED_LINE]])
    expect(deniedReasons(raw)).toEqual([WriteRefusal.BottomLine])

    professional.records.set('shape:later', cardRecord('shape:later', 'later'))
    await waitFor(() => watcher.records.has('shape:later'), { message: 'later edit relayed' })
    expect(history).toEqual([before[SEEDED_LINE]])
    expect((await storedRecords(ts.db, seeded.conferenceId))[SEEDED_LINE]).toEqual(before[SEEDED_LINE])
  })
})
