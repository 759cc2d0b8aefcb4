import { InstancePresenceRecordType, type TLInstancePresence } from '@tldraw/tlschema'
import { afterEach, describe, expect, it } from 'vitest'
import { drawShape, strokePoint } from '../helpers/drawing'
import { connectKringClient, movePointer, putLocal, type KringClient } from '../helpers/kring-client'
import { connectBoard, type BoardClient } from '../helpers/sync-clients'
import { seedMeeting, startTestServer, waitFor, type TestServer } from '../helpers/test-server'

/**
 * Kring's own clients on a real server, beside a stock provider: a stroke drawn with a move every
 * few milliseconds goes out as a handful of updates instead of one per move, and every client ends
 * with the finished stroke; presence flows both ways, without echoes.
 */
describe('sync: coalesced strokes and lean presence with Kring’s binding', () => {
  const kring: KringClient[] = []
  const stock: BoardClient[] = []
  let server: TestServer | undefined

  afterEach(async () => {
    for (const c of kring.splice(0)) c.destroy()
    for (const c of stock.splice(0)) c.destroy()
    await server?.stop()
    server = undefined
  })

  it('a stroke of 60 moves arrives whole everywhere, sent as a few updates; presence converges without echoes', async () => {
    server = await startTestServer()
    const m = await seedMeeting(server.db)
    const drawer = await connectKringClient(server.syncUrl, m.conference.id, m.mother.token, { participantId: m.mother.participant.id, name: 'Mama Sanne' })
    const phone = await connectKringClient(server.syncUrl, m.conference.id, m.aunt.token, { participantId: m.aunt.participant.id, name: 'Tante Amira', liveCursors: false })
    kring.push(drawer, phone)
    const plain = connectBoard(server.syncUrl, m.conference.id, m.professional.token)
    stock.push(plain)
    await waitFor(() => plain.provider.synced)
    plain.provider.awareness.setLocalState({ user: { id: m.professional.participant.id, name: 'Jan' }, presence: { currentPageId: 'page:page' } })

    const updatesBefore = drawer.traffic.sentByType[0]?.messages ?? 0
    const points = [strokePoint(0)]
    putLocal(drawer.store, drawShape('shape:stroke', points))
    for (let n = 1; n <= 60; n++) {
      points.push(strokePoint(n))
      movePointer(drawer.store, points.at(-1)!.x, points.at(-1)!.y)
      putLocal(drawer.store, drawShape('shape:stroke', points))
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    // Pointer up: the stroke is complete, and goes out at once.
    const finished = drawShape('shape:stroke', points, true)
    putLocal(drawer.store, finished)
    drawer.binding.flush()
    const sentUpdates = (drawer.traffic.sentByType[0]?.messages ?? 0) - updatesBefore

    const props = (record: unknown) => (record as { props: unknown } | undefined)?.props
    await waitFor(() => (props(phone.store.get('shape:stroke' as never)) as { isComplete?: boolean } | undefined)?.isComplete === true, { message: 'the finished stroke on the phone' })
    await waitFor(() => (props(plain.records.get('shape:stroke')) as { isComplete?: boolean } | undefined)?.isComplete === true, { message: 'and at the stock client' })
    expect(props(phone.store.get('shape:stroke' as never))).toEqual(finished.props)
    expect(props(plain.records.get('shape:stroke'))).toEqual(finished.props)
    expect(plain.records.get('shape:stroke')).toEqual(drawer.records.get('shape:stroke'))
    // 60 moves in about half a second (more on a slow machine): a few windows of 120 ms, not 60 updates.
    expect(sentUpdates).toBeGreaterThan(1)
    expect(sentUpdates).toBeLessThan(20)

    // Presence: the phone ends with the drawer's last cursor, the drawer sees the phone and the stock client.
    const last = points.at(-1)!
    const cursorOf = (client: KringClient, clientId: number) =>
      (client.store.get(InstancePresenceRecordType.createId(`awareness-${clientId}`)) as TLInstancePresence | undefined)?.cursor
    await waitFor(() => cursorOf(phone, drawer.doc.clientID)?.x === Math.round(last.x * 10) / 10, { message: "the drawer's last cursor on the phone", timeoutMs: 3_000 })
    await waitFor(() => cursorOf(drawer, phone.doc.clientID) !== undefined && cursorOf(drawer, plain.doc.clientID) !== undefined, { message: 'the drawer sees both' })
    // Kring's clients send only their own presence, never the others' back.
    expect(new Set(drawer.traffic.sentAwarenessIds)).toEqual(new Set([drawer.doc.clientID]))
    expect(new Set(phone.traffic.sentAwarenessIds)).toEqual(new Set([phone.doc.clientID]))

    // Leaving: the drawer's presence goes from the phone.
    drawer.destroy()
    kring.splice(kring.indexOf(drawer), 1)
    await waitFor(() => cursorOf(phone, drawer.doc.clientID) === undefined, { message: "the drawer's cursor gone from the phone" })
  })
})
