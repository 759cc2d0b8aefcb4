import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import { seedInvitation } from '../../lib/server/db/seed'
import { awarenessMessage, connectHostile, type HostileClient } from '../helpers/hostile-client'
import { connectBoard, type BoardClient } from '../helpers/sync-clients'
import { seedMeeting, startTestServer, waitFor, type TestServer } from '../helpers/test-server'

/**
 * Presence on a real server: everyone sees everyone's latest state and who left; the echo of
 * others' presence that stock providers send back is neither relayed back nor re-broadcast; a bad
 * state is dropped without closing anyone; states go on paced per sender, slower to phones.
 */

interface Entry {
  clientId: number
  clock: number
  state: { user?: { id: string }; presence?: { cursor?: { x: number } } } | null
}

/** Every awareness entry a raw client received, in order. */
function awarenessEntries(client: HostileClient): Entry[] {
  const entries: Entry[] = []
  for (const message of client.raw.messages) {
    const decoder = decoding.createDecoder(message)
    if (decoding.readVarUint(decoder) !== 1) continue
    const inner = decoding.createDecoder(decoding.readVarUint8Array(decoder))
    const count = decoding.readVarUint(inner)
    for (let i = 0; i < count; i++) {
      entries.push({ clientId: decoding.readVarUint(inner), clock: decoding.readVarUint(inner), state: JSON.parse(decoding.readVarString(inner)) as Entry['state'] })
    }
  }
  return entries
}

const of = (client: HostileClient, clientId: number) => awarenessEntries(client).filter((e) => e.clientId === clientId)

function stateOf(participantId: string, x: number, extra: Record<string, unknown> = {}) {
  return { user: { id: participantId, name: 'Iemand' }, presence: { currentPageId: 'page:page', cursor: { x, y: 0, type: 'default', rotation: 0 } }, ...extra }
}

describe('sync: presence', () => {
  const clients: BoardClient[] = []
  const raws: HostileClient[] = []
  let server: TestServer | undefined

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    for (const r of raws.splice(0)) r.raw.ws.terminate()
    await server?.stop()
    server = undefined
  })

  let conferenceId = ''

  async function meeting() {
    server = await startTestServer()
    const seeded = await seedMeeting(server.db)
    const observer = await seedInvitation(server.db, { conferenceId: seeded.conference.id, displayName: 'Olga', role: 'observer' })
    conferenceId = seeded.conference.id
    return { ...seeded, observer }
  }

  /** A raw websocket on the meeting's board: sends crafted awareness, records what arrives. */
  async function raw(token: string): Promise<HostileClient> {
    const client = await connectHostile(server!.syncUrl, conferenceId, token)
    raws.push(client)
    return client
  }

  it('stock providers: everyone ends with everyone’s latest state, and whoever leaves is removed everywhere', async () => {
    const m = await meeting()
    const people = [
      { token: m.mother.token, id: m.mother.participant.id },
      { token: m.aunt.token, id: m.aunt.participant.id },
      { token: m.professional.token, id: m.professional.participant.id },
    ]
    const boards = people.map((p) => connectBoard(server!.syncUrl, m.conference.id, p.token))
    clients.push(...boards)
    await waitFor(() => boards.every((b) => b.provider.synced))
    // Thirty quick moves each, all at once: far faster than the relay passes them on.
    for (let x = 1; x <= 30; x++) {
      boards.forEach((b, i) => b.provider.awareness.setLocalState(stateOf(people[i]!.id, x)))
      await new Promise((resolve) => setImmediate(resolve))
    }
    const sees = (viewer: BoardClient, other: BoardClient) =>
      (viewer.provider.awareness.getStates().get(other.doc.clientID) as Entry['state'] | undefined)?.presence?.cursor?.x === 30
    await waitFor(() => boards.every((viewer) => boards.every((other) => other === viewer || sees(viewer, other))), { message: 'everyone sees everyone at x=30' })

    const leaving = boards[2]!
    leaving.provider.shouldConnect = false
    ;(leaving.provider.ws as unknown as { terminate(): void }).terminate()
    await waitFor(() => boards.slice(0, 2).every((b) => !b.provider.awareness.getStates().has(leaving.doc.clientID)), { message: 'the leaver removed everywhere' })
  })

  it('the echo of others’ presence is not sent back nor on; someone else’s client id cannot be taken over', async () => {
    const m = await meeting()
    const mother = await raw(m.mother.token)
    const watcher = await raw(m.professional.token)
    // A stock provider echoes every state it receives back to the server.
    const aunt = connectBoard(server!.syncUrl, m.conference.id, m.aunt.token)
    clients.push(aunt)
    await waitFor(() => aunt.provider.synced)
    aunt.provider.awareness.setLocalState(stateOf(m.aunt.participant.id, 5))
    const MOTHER = 7001
    for (let clock = 1; clock <= 10; clock++) {
      mother.raw.ws.send(awarenessMessage([{ clientId: MOTHER, clock, stateJson: JSON.stringify(stateOf(m.mother.participant.id, clock)) }]))
      await new Promise((resolve) => setTimeout(resolve, 15))
    }
    // The observer tries to overwrite the mother's presence with a later clock (as an echo would, or worse).
    const observer = await raw(m.observer.token)
    observer.raw.ws.send(awarenessMessage([{ clientId: MOTHER, clock: 999, stateJson: JSON.stringify(stateOf(m.observer.participant.id, -1)) }]))
    await waitFor(() => of(watcher, MOTHER).at(-1)?.clock === 10, { message: "the mother's last state at the watcher" })
    await waitFor(() => (aunt.provider.awareness.getStates().get(MOTHER) as Entry['state'] | undefined)?.presence?.cursor?.x === 10, { message: 'and at the aunt' })
    // Give an echo every chance to come round: the aunt's own next state must arrive after it.
    aunt.provider.awareness.setLocalState(stateOf(m.aunt.participant.id, 6))
    await waitFor(() => of(watcher, aunt.doc.clientID).some((e) => e.state?.presence?.cursor?.x === 6), { message: "the aunt's second state" })

    const clocks = of(watcher, MOTHER).map((e) => e.clock)
    // Each of the mother's states at most once, in order: the aunt's echoes were not passed on.
    expect(clocks).toEqual([...new Set(clocks)].sort((a, b) => a - b))
    expect(clocks).not.toContain(999)
    // Nobody receives their own presence back.
    expect(of(mother, MOTHER)).toEqual([])
    expect(of(watcher, aunt.doc.clientID).map((e) => e.state?.presence?.cursor?.x)).toEqual([5, 6])
    expect(observer.raw.closed).toBeNull()
  })

  it('a presence state that is not JSON or not Kring’s is dropped; the sender stays connected and its next state passes', async () => {
    const m = await meeting()
    const mother = await raw(m.mother.token)
    const watcher = await raw(m.aunt.token)
    mother.sendAwareness(8001, 1, '{"cursor": nope')
    mother.sendAwareness(8001, 2, JSON.stringify({ user: { id: m.mother.participant.id, name: 'Mama' }, presence: { currentPageId: 7 } }))
    mother.sendAwareness(8001, 3, JSON.stringify(stateOf(m.mother.participant.id, 3)))
    await waitFor(() => of(watcher, 8001).length > 0, { message: 'the valid state arrives' })
    expect(of(watcher, 8001).map((e) => e.clock)).toEqual([3])
    expect(mother.raw.closed).toBeNull()
  })

  it('relays one sender at most 15 times a second, the latest state last; a phone that does not show cursors gets it about once a second', async () => {
    const m = await meeting()
    const desktop = await raw(m.aunt.token)
    const phone = await raw(m.professional.token)
    desktop.sendAwareness(9002, 1, JSON.stringify(stateOf(m.aunt.participant.id, 0)))
    phone.sendAwareness(9003, 1, JSON.stringify(stateOf(m.professional.participant.id, 0, { view: { liveCursors: false } })))
    const mother = await raw(m.mother.token)
    const started = Date.now()
    let clock = 0
    while (Date.now() - started < 600) {
      clock++
      mother.sendAwareness(9001, clock, JSON.stringify(stateOf(m.mother.participant.id, clock)))
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    const sentFor = Date.now() - started
    await waitFor(() => of(desktop, 9001).at(-1)?.clock === clock, { message: 'the last state at the desktop' })
    await waitFor(() => of(phone, 9001).at(-1)?.clock === clock, { message: 'the last state at the phone', timeoutMs: 3_000 })
    expect(clock).toBeGreaterThan(40)
    const atDesktop = of(desktop, 9001).length
    expect(atDesktop).toBeGreaterThan(2)
    expect(atDesktop).toBeLessThanOrEqual(Math.ceil((sentFor / 1000) * 15) + 2)
    // The arrival at once, then the latest once a second.
    expect(of(phone, 9001).length).toBeLessThanOrEqual(Math.ceil(sentFor / 1000) + 2)
    expect(of(phone, 9001)[0]?.clock).toBe(1)
  })
})
