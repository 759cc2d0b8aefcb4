import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { inviteParticipant } from '../../lib/server/db/repositories/participants'
import { ForbiddenReason } from '../../lib/protocol/close-codes'
import { WriteRefusal } from '../../server/sync/write-policy'
import {
  bottomLineRecord,
  cardRecord,
  connectPolicyBoard,
  SEEDED_CARD,
  SEEDED_LINE,
  SEEDED_LINE_TEXT,
  seedEveryRole,
  setFacilitatorStays,
  setParticipantAccess,
  setPhase,
  storedRecords,
  type EveryRole,
  type PolicyBoardClient,
} from '../helpers/policy-sync'
import { connectRaw, syncUrlFor, type RawClient } from '../helpers/sync-clients'
import { startTestServer, waitFor, type TestServer } from '../helpers/test-server'

/**
 * Live changes on the sync socket: a change of phase, setting, role or admission takes effect on
 * connections that are already open, at once and without a reconnect; and bottom lines are the
 * professionals' alone.
 */

let ts: TestServer
let seeded: EveryRole
const open: PolicyBoardClient[] = []
const raws: RawClient[] = []

beforeEach(async () => {
  ts = await startTestServer()
  seeded = await seedEveryRole(ts.db)
})

afterEach(async () => {
  for (const client of open.splice(0)) client.destroy()
  for (const raw of raws.splice(0)) raw.ws.terminate()
  await ts.stop()
})

function connect(token: string): PolicyBoardClient {
  const client = connectPolicyBoard(ts.syncUrl, seeded.conferenceId, token)
  open.push(client)
  return client
}

async function connectSynced(token: string, message: string): Promise<PolicyBoardClient> {
  const client = connect(token)
  await waitFor(() => client.provider.synced && client.records.has(SEEDED_CARD), { message })
  return client
}

async function waitStored(key: string, message = `${key} stored`): Promise<void> {
  await waitFor(async () => key in (await storedRecords(ts.db, seeded.conferenceId)), { message })
}

describe('sync: private family time on live connections', () => {
  it('closes the professional (4403 private-time) the moment it starts, and lets them back to the family’s plan when it ends', async () => {
    await setPhase(ts.db, seeded.conferenceId, 'informatie', false)
    const family = await connectSynced(seeded.tokens.family, 'family synced')
    const professional = await connectSynced(seeded.tokens.professional, 'professional synced')
    const facilitator = await connectSynced(seeded.tokens.facilitator, 'facilitator synced')
    const observer = await connectSynced(seeded.tokens.observer, 'observer synced')

    family.records.set('shape:before', cardRecord('shape:before', 'voor het besloten deel'))
    await waitFor(() => professional.records.has('shape:before'), { message: 'professional sees the informatie edit' })

    await setPhase(ts.db, seeded.conferenceId, 'besloten_deel')
    // Closed by the event itself, not by a reconnect: the provider stops on the 4403.
    for (const [who, client] of [['professional', professional], ['facilitator', facilitator], ['observer', observer]] as const) {
      await waitFor(() => client.closed() !== null, { message: `${who} closed` })
      expect(client.closed(), who).toEqual({ code: 4403, reason: ForbiddenReason.PrivateTime })
      expect(client.provider.shouldConnect, who).toBe(false)
    }

    // The family makes its plan; none of it reaches the professional, not even on a fresh connection.
    family.records.set('shape:plan', cardRecord('shape:plan', 'Oma haalt Sam op van school'))
    await waitStored('shape:plan')
    const fresh = connect(seeded.tokens.professional)
    await waitFor(() => fresh.closed() !== null, { message: 'fresh professional connection refused' })
    expect(fresh.closed()).toEqual({ code: 4403, reason: ForbiddenReason.PrivateTime })
    expect(fresh.records.size).toBe(0)
    expect(professional.records.has('shape:plan')).toBe(false)
    expect(family.closed()).toBeNull()

    // "We are ready": the professional connects again (same document) and gets the plan.
    await setPhase(ts.db, seeded.conferenceId, 'plan_en_afspraken')
    professional.provider.connect()
    await waitFor(() => professional.records.has('shape:plan'), { message: 'professional syncs the family’s plan' })
    professional.records.set('shape:after', cardRecord('shape:after', 'reactie van de jeugdbeschermer'))
    await waitStored('shape:after')
  })

  it('follows the private-time setting: a facilitator who stayed is closed when the setting says they leave', async () => {
    await setFacilitatorStays(ts.db, seeded.conferenceId, true, false)
    await setPhase(ts.db, seeded.conferenceId, 'besloten_deel', false)
    const facilitator = await connectSynced(seeded.tokens.facilitator, 'staying facilitator synced')
    facilitator.records.set('shape:facilitator', cardRecord('shape:facilitator', 'notitie'))
    await waitStored('shape:facilitator')

    await setFacilitatorStays(ts.db, seeded.conferenceId, false)
    await waitFor(() => facilitator.closed() !== null, { message: 'facilitator closed' })
    expect(facilitator.closed()).toEqual({ code: 4403, reason: ForbiddenReason.PrivateTime })
  })
})

describe('sync: role and admission changes on live connections', () => {
  it('a role change to observer makes the next write refused, without a reconnect', async () => {
    await setPhase(ts.db, seeded.conferenceId, 'informatie', false)
    const network = await connectSynced(seeded.tokens.network, 'network member synced')
    const child = await connectSynced(seeded.tokens.child, 'child synced')
    network.records.set('shape:network-1', cardRecord('shape:network-1', 'ik help op woensdag'))
    await waitStored('shape:network-1')

    await setParticipantAccess(ts.db, seeded.conferenceId, seeded.participantIds.network, { role: 'observer' })
    // A second change, announced after the first, whose effect the test can see: the child is
    // removed. The server re-reads changed participants in order, so once the child's connection
    // is closed the network member's new role is in force.
    await setParticipantAccess(ts.db, seeded.conferenceId, seeded.participantIds.child, { removed_at: new Date().toISOString(), requires_admission: 1, admission: null })
    await waitFor(() => child.closed() !== null, { message: 'child removed' })
    expect(child.closed()).toEqual({ code: 4403, reason: ForbiddenReason.Removed })

    network.records.set('shape:network-2', cardRecord('shape:network-2', 'als observator'))
    await waitFor(() => network.denials.length === 1, { message: 'write refused' })
    expect(network.denials).toEqual([WriteRefusal.ReadOnly])
    expect(network.closed()).toBeNull()
    expect(network.provider.wsconnected).toBe(true)
    expect(await storedRecords(ts.db, seeded.conferenceId)).not.toHaveProperty('shape:network-2')
    // Still a reader: it keeps receiving the board.
    const family = await connectSynced(seeded.tokens.family, 'family synced')
    family.records.set('shape:family', cardRecord('shape:family', 'van mama'))
    await waitFor(() => network.records.has('shape:family'), { message: 'observer still reads' })
  })

  it('a role change that leaves someone outside private time closes them at once', async () => {
    await setPhase(ts.db, seeded.conferenceId, 'besloten_deel', false)
    const network = await connectSynced(seeded.tokens.network, 'network member synced')
    await setParticipantAccess(ts.db, seeded.conferenceId, seeded.participantIds.network, { role: 'professional' })
    await waitFor(() => network.closed() !== null, { message: 'closed after the role change' })
    expect(network.closed()).toEqual({ code: 4403, reason: ForbiddenReason.PrivateTime })
  })

  it('admission: waiting in the lobby is refused, admitted syncs, declined is refused, removed is closed', async () => {
    await setPhase(ts.db, seeded.conferenceId, 'informatie', false)
    const { participant: uncle, token: uncleToken } = await inviteParticipant(ts.db, {
      conferenceId: seeded.conferenceId,
      displayName: 'Oom Karim',
      role: 'network',
      requiresAdmission: true,
    })
    const { participant: neighbour, token: neighbourToken } = await inviteParticipant(ts.db, {
      conferenceId: seeded.conferenceId,
      displayName: 'Buurvrouw Els',
      role: 'network',
      requiresAdmission: true,
    })

    const early = connect(uncleToken)
    await waitFor(() => early.closed() !== null, { message: 'not admitted yet' })
    expect(early.closed()).toEqual({ code: 4403, reason: ForbiddenReason.AwaitingAdmission })
    expect(early.records.size).toBe(0)

    await setParticipantAccess(ts.db, seeded.conferenceId, uncle.id, { admission: 'waiting' })
    const waiting = connect(uncleToken)
    await waitFor(() => waiting.closed() !== null, { message: 'still waiting' })
    expect(waiting.closed()).toEqual({ code: 4403, reason: ForbiddenReason.AwaitingAdmission })

    await setParticipantAccess(ts.db, seeded.conferenceId, uncle.id, { admission: 'admitted' })
    const admitted = await connectSynced(uncleToken, 'admitted uncle synced')

    await setParticipantAccess(ts.db, seeded.conferenceId, neighbour.id, { admission: 'waiting' })
    await setParticipantAccess(ts.db, seeded.conferenceId, neighbour.id, { admission: 'declined' })
    const declined = connect(neighbourToken)
    await waitFor(() => declined.closed() !== null, { message: 'declined' })
    expect(declined.closed()).toEqual({ code: 4403, reason: ForbiddenReason.Declined })

    // Removed with the invitation kept (as the meeting plane stores it): out at once.
    await setParticipantAccess(ts.db, seeded.conferenceId, uncle.id, { removed_at: new Date().toISOString(), requires_admission: 1, admission: null })
    await waitFor(() => admitted.closed() !== null, { message: 'removed' })
    expect(admitted.closed()).toEqual({ code: 4403, reason: ForbiddenReason.Removed })
  })
})

describe('sync: bottom lines are the professionals’ alone', () => {
  const line = (key: string) => async () => (await storedRecords(ts.db, seeded.conferenceId))[key] as { props: { text: string; tickedBy: string } } | undefined

  it('a professional adds, ticks off and deletes bottom lines', async () => {
    await setPhase(ts.db, seeded.conferenceId, 'informatie', false)
    const professional = await connectSynced(seeded.tokens.professional, 'professional synced')
    professional.records.set('shape:line-2', bottomLineRecord('shape:line-2', 'Er is altijd een volwassene thuis'))
    await waitStored('shape:line-2')

    await setPhase(ts.db, seeded.conferenceId, 'plan_en_afspraken')
    professional.records.set(SEEDED_LINE, bottomLineRecord(SEEDED_LINE, SEEDED_LINE_TEXT, seeded.participantIds.professional))
    await waitFor(async () => (await line(SEEDED_LINE)())?.props.tickedBy === seeded.participantIds.professional, { message: 'ticked off' })
    professional.records.delete('shape:line-2')
    await waitFor(async () => (await line('shape:line-2')()) === undefined, { message: 'deleted' })
    expect(professional.denials).toEqual([])
  })

  it('a family member’s update that creates, changes or deletes one is refused whole; the stored board is unchanged', async () => {
    await setPhase(ts.db, seeded.conferenceId, 'plan_en_afspraken', false)
    const before = await storedRecords(ts.db, seeded.conferenceId)
    const attempts: [string, (records: PolicyBoardClient['records']) => void][] = [
      ['create', (records) => records.set('shape:family-line', bottomLineRecord('shape:family-line', 'van de familie'))],
      ['tick', (records) => records.set(SEEDED_LINE, bottomLineRecord(SEEDED_LINE, SEEDED_LINE_TEXT, seeded.participantIds.family))],
      ['change', (records) => records.set(SEEDED_LINE, bottomLineRecord(SEEDED_LINE, 'Sam gaat soms naar school'))],
      ['delete', (records) => records.delete(SEEDED_LINE)],
      ['turn a card into one', (records) => records.set(SEEDED_CARD, bottomLineRecord(SEEDED_CARD, 'verstopt'))],
      [
        'a card and the bottom line together',
        (records) => {
          records.doc!.transact(() => {
            records.set('shape:family-card', cardRecord('shape:family-card', 'mag wel'))
            records.set(SEEDED_LINE, bottomLineRecord(SEEDED_LINE, 'mag niet'))
          })
        },
      ],
    ]
    // One fresh client per attempt: Yjs cannot take back an update, so a refused client's later
    // edits build on content the server never accepted.
    await Promise.all(
      attempts.map(async ([what, attempt]) => {
        const family = await connectSynced(seeded.tokens.family, `family synced (${what})`)
        attempt(family.records)
        await waitFor(() => family.denials.length === 1, { message: `refused: ${what}` })
        expect(family.denials, what).toEqual([WriteRefusal.BottomLine])
        expect(family.closed(), what).toBeNull()
      }),
    )
    expect(await storedRecords(ts.db, seeded.conferenceId)).toEqual(before)
    // A fresh reader sees the bottom line as it was.
    const reader = await connectSynced(seeded.tokens.child, 'reader synced')
    expect(reader.records.get(SEEDED_LINE)).toEqual(before[SEEDED_LINE])
    expect(reader.records.has('shape:family-card')).toBe(false)

    // Everything else stays theirs to change.
    const family = await connectSynced(seeded.tokens.family, 'family synced')
    family.records.set(SEEDED_CARD, cardRecord(SEEDED_CARD, 'Zorg over school en eten'))
    await waitFor(async () => JSON.stringify((await storedRecords(ts.db, seeded.conferenceId))[SEEDED_CARD]).includes('en eten'), { message: 'card change stored' })
    expect(family.denials).toEqual([])
  })
})

/** A y-protocols sync message: step 2 (1) or update (2) carrying `update`. */
function syncMessage(step: 1 | 2, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, step)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

function deniedReasons(raw: RawClient): string[] {
  return raw.messages.flatMap((message) => {
    const decoder = decoding.createDecoder(message)
    if (decoding.readVarUint(decoder) !== 2 || decoding.readVarUint(decoder) !== 0) return []
    return [decoding.readVarString(decoder)]
  })
}

describe('sync: edits that build on content the board lacks are never stored', () => {
  it('after a refused edit, the same document’s later edits are refused as out-of-sync; a fresh document writes again', async () => {
    await setPhase(ts.db, seeded.conferenceId, 'informatie', false)
    const family = await connectSynced(seeded.tokens.family, 'family synced')
    family.records.set(SEEDED_LINE, bottomLineRecord(SEEDED_LINE, 'door de familie veranderd'))
    await waitFor(() => family.denials.length === 1, { message: 'bottom line refused' })
    // This document still holds the refused edit; what it writes next builds on it.
    family.records.set('shape:after-refusal', cardRecord('shape:after-refusal', 'na de weigering'))
    await waitFor(() => family.denials.length === 2, { message: 'next edit refused' })
    expect(family.denials).toEqual([WriteRefusal.BottomLine, WriteRefusal.OutOfSync])
    expect(await storedRecords(ts.db, seeded.conferenceId)).not.toHaveProperty('shape:after-refusal')

    const reloaded = await connectSynced(seeded.tokens.family, 'family reloaded')
    reloaded.records.set('shape:after-refusal', cardRecord('shape:after-refusal', 'opnieuw, op een verse kopie'))
    await waitStored('shape:after-refusal')
    expect(reloaded.denials).toEqual([])
  })

  it('an edit that races the client’s own sync step 2 is not refused: the step 2 brings it', async () => {
    await setPhase(ts.db, seeded.conferenceId, 'informatie', false)
    // Offline the phone made a card, then edited it; the edit goes out before the step 2.
    const phone = new Y.Doc()
    Y.applyUpdate(phone, Y.encodeStateAsUpdate(await boardDoc()))
    const updates: Uint8Array[] = []
    phone.on('update', (update: Uint8Array) => updates.push(update))
    phone.getMap('records').set('shape:offline', cardRecord('shape:offline', 'offline gemaakt'))
    phone.getMap('records').set('shape:offline', cardRecord('shape:offline', 'offline gemaakt en verbeterd'))
    const raw = connectRaw(syncUrlFor(ts.syncUrl, seeded.conferenceId, seeded.tokens.family))
    raws.push(raw)
    await raw.whenOpen
    raw.ws.send(syncMessage(2, updates[1]!))
    raw.ws.send(syncMessage(1, Y.encodeStateAsUpdate(phone)))
    await waitFor(async () => JSON.stringify((await storedRecords(ts.db, seeded.conferenceId))['shape:offline'] ?? '').includes('verbeterd'), {
      message: 'the offline card, as edited, is stored',
    })
    expect(deniedReasons(raw)).toEqual([])
  })
})

/** The stored board as a Y.Doc, as a device that synced earlier holds it. */
async function boardDoc(): Promise<Y.Doc> {
  const doc = new Y.Doc()
  const reader = await connectSynced(seeded.tokens.child, 'reader synced')
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(reader.doc))
  return doc
}
