import type WebSocket from 'ws'
import { afterEach, describe, expect, it } from 'vitest'
import { connectBoard, type BoardClient } from '../helpers/sync-clients'
import { seedMeeting, startTestServer, waitFor, type TestServer } from '../helpers/test-server'

describe('sync: two stock providers on one board', () => {
  let server: TestServer | undefined
  const clients: BoardClient[] = []

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server?.stop()
    server = undefined
  })

  it('converge on an edit made on either side', async () => {
    server = await startTestServer()
    const { conference, mother, aunt } = await seedMeeting(server.db)
    const a = connectBoard(server.syncUrl, conference.id, mother.token)
    const b = connectBoard(server.syncUrl, conference.id, aunt.token)
    clients.push(a, b)
    await waitFor(() => a.provider.synced && b.provider.synced, { message: 'both synced' })

    a.records.set('shape:1', { type: 'worry', text: 'Wie haalt Sem op?' })
    await waitFor(() => b.records.has('shape:1'), { message: 'edit from a at b' })
    expect(b.records.get('shape:1')).toEqual({ type: 'worry', text: 'Wie haalt Sem op?' })

    // b edits a's record and removes one of its own (only the facilitator removes others' records).
    b.records.set('shape:2', { type: 'strength', text: 'Oma woont dichtbij' })
    b.records.set('shape:3', { type: 'worry', text: 'Even weg' })
    b.records.set('shape:1', { type: 'worry', text: 'Wie haalt Sem op van school?' })
    b.records.delete('shape:3')
    await waitFor(() => a.records.has('shape:2') && !a.records.has('shape:3') && (a.records.get('shape:1') as { text: string }).text.endsWith('school?'), {
      message: 'edits from b at a',
    })
    expect(a.records.toJSON()).toEqual(b.records.toJSON())
  })

  it('a client that joins later receives the whole board', async () => {
    server = await startTestServer()
    const { conference, mother, aunt } = await seedMeeting(server.db)
    const a = connectBoard(server.syncUrl, conference.id, mother.token)
    clients.push(a)
    await waitFor(() => a.provider.synced)
    for (let i = 0; i < 20; i++) a.records.set(`shape:${i}`, { i })
    const b = connectBoard(server.syncUrl, conference.id, aunt.token)
    clients.push(b)
    await waitFor(() => b.records.size === 20, { message: 'late joiner has all 20 records' })
    expect(b.records.toJSON()).toEqual(a.records.toJSON())
  })

  it('awareness of one arrives at the other and is removed when it disconnects', async () => {
    server = await startTestServer()
    const { conference, mother, aunt } = await seedMeeting(server.db)
    const a = connectBoard(server.syncUrl, conference.id, mother.token)
    const b = connectBoard(server.syncUrl, conference.id, aunt.token)
    clients.push(a, b)
    a.provider.awareness.setLocalStateField('cursor', { x: 10, y: 20 })
    const aId = a.doc.clientID
    await waitFor(() => b.provider.awareness.getStates().get(aId)?.cursor !== undefined, { message: "a's cursor at b" })
    expect(b.provider.awareness.getStates().get(aId)).toEqual({ cursor: { x: 10, y: 20 } })

    // A hard disconnect (no awareness goodbye from the client): the server removes a's state.
    a.provider.shouldConnect = false
    ;(a.provider.ws as unknown as WebSocket).terminate()
    await waitFor(() => !b.provider.awareness.getStates().has(aId), { message: "a's state removed at b" })
  })
})
