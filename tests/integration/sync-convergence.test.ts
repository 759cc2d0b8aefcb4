import { note, withoutBase } from '../helpers/board-records'
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

    a.records.set('shape:1', note('shape:1', 'Wie haalt Sem op?'))
    await waitFor(() => b.records.has('shape:1'), { message: 'edit from a at b' })
    expect(b.records.get('shape:1')).toEqual(note('shape:1', 'Wie haalt Sem op?'))

    // b edits a's record and removes one of its own (only the facilitator removes others' records).
    b.records.set('shape:2', note('shape:2', 'Oma woont dichtbij'))
    b.records.set('shape:3', note('shape:3', 'Even weg'))
    b.records.set('shape:1', note('shape:1', 'Wie haalt Sem op van school?'))
    b.records.delete('shape:3')
    await waitFor(() => a.records.has('shape:2') && !a.records.has('shape:3') && JSON.stringify(a.records.get('shape:1')).includes('school?'), {
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
    for (let i = 0; i < 20; i++) a.records.set(`shape:${i}`, note(`shape:${i}`, `${i}`))
    const b = connectBoard(server.syncUrl, conference.id, aunt.token)
    clients.push(b)
    await waitFor(() => Object.keys(withoutBase(b.records.toJSON())).length === 20, { message: 'late joiner has all 20 records' })
    expect(b.records.toJSON()).toEqual(a.records.toJSON())
  })

  it('awareness of one arrives at the other and is removed when it disconnects', async () => {
    server = await startTestServer()
    const { conference, mother, aunt } = await seedMeeting(server.db)
    const a = connectBoard(server.syncUrl, conference.id, mother.token)
    const b = connectBoard(server.syncUrl, conference.id, aunt.token)
    clients.push(a, b)
    // Kring's awareness state: who it is (the sender's participant id) and tldraw's presence.
    const state = { user: { id: mother.participant.id, name: 'Mama Sanne' }, presence: { currentPageId: 'page:page', cursor: { x: 10, y: 20, type: 'default', rotation: 0 } } }
    a.provider.awareness.setLocalState(state)
    const aId = a.doc.clientID
    await waitFor(() => b.provider.awareness.getStates().get(aId)?.presence !== undefined, { message: "a's cursor at b" })
    expect(b.provider.awareness.getStates().get(aId)).toEqual(state)

    // A hard disconnect (no awareness goodbye from the client): the server removes a's state.
    a.provider.shouldConnect = false
    ;(a.provider.ws as unknown as WebSocket).terminate()
    await waitFor(() => !b.provider.awareness.getStates().has(aId), { message: "a's state removed at b" })
  })
})
