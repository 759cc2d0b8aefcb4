import { note } from '../helpers/board-records'
import { connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createTicket } from '../../lib/server/auth/tickets'
import { createInviteToken } from '../../lib/server/auth/tokens'
import { getLiveEvents } from '../../lib/server/conference/live-events'
import { revokeParticipant } from '../../lib/server/db/repositories/participants'
import { countUpdates } from '../../lib/server/db/repositories/yjs-log'
import { connectBoard, connectRaw, syncUrlFor, type BoardClient, type RawClient } from '../helpers/sync-clients'
import { seedMeeting, startTestServer, TEST_SECRET, waitFor, type TestServer } from '../helpers/test-server'

describe('sync: who may open a board', () => {
  let server: TestServer | undefined
  const clients: BoardClient[] = []
  const raws: RawClient[] = []

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    for (const r of raws.splice(0)) r.ws.terminate()
    await server?.stop()
    server = undefined
  })

  async function boardWithContent() {
    server = await startTestServer()
    const meeting = await seedMeeting(server.db)
    const writer = connectBoard(server.syncUrl, meeting.conference.id, meeting.mother.token)
    clients.push(writer)
    await waitFor(() => writer.provider.synced)
    writer.records.set('shape:secret', note('shape:secret', 'private family matter'))
    const db = server.db
    // More than the base board the conference was seeded with.
    await waitFor(async () => (await countUpdates(db, meeting.conference.id)) > 1, { message: 'board has content' })
    return { server, meeting }
  }

  /** Connect raw and expect a close with `code` and not one byte of the board. */
  async function expectRefused(url: string, code: number) {
    const raw = connectRaw(url)
    raws.push(raw)
    const closed = await raw.whenClosed
    expect(closed.code).toBe(code)
    expect(raw.messages).toHaveLength(0)
  }

  it('no token → 4401, nothing of the board sent', async () => {
    const { server, meeting } = await boardWithContent()
    await expectRefused(syncUrlFor(server.syncUrl, meeting.conference.id), 4401)
  })

  it('an unknown or malformed token → 4401', async () => {
    const { server, meeting } = await boardWithContent()
    await expectRefused(syncUrlFor(server.syncUrl, meeting.conference.id, createInviteToken()), 4401)
    await expectRefused(syncUrlFor(server.syncUrl, meeting.conference.id, 'not-a-token'), 4401)
    await expectRefused(syncUrlFor(server.syncUrl, meeting.conference.id, 'kt.forged.ticket'), 4401)
  })

  it("another conference's token → 4403", async () => {
    const { server, meeting } = await boardWithContent()
    const other = await seedMeeting(server.db)
    await expectRefused(syncUrlFor(server.syncUrl, meeting.conference.id, other.aunt.token), 4403)
    const ticket = createTicket(TEST_SECRET, other.facilitator.id, other.conference.id, 600)
    await expectRefused(syncUrlFor(server.syncUrl, meeting.conference.id, ticket), 4403)
  })

  it('a revoked invitation → 4403', async () => {
    const { server, meeting } = await boardWithContent()
    await revokeParticipant(server.db, meeting.conference.id, meeting.aunt.participant.id)
    await expectRefused(syncUrlFor(server.syncUrl, meeting.conference.id, meeting.aunt.token), 4403)
  })

  it("the stock provider stops on 4401 and reports the code", async () => {
    const { server, meeting } = await boardWithContent()
    const intruder = connectBoard(server.syncUrl, meeting.conference.id, createInviteToken())
    clients.push(intruder)
    await waitFor(() => intruder.closeCodes.includes(4401), { message: 'provider saw 4401' })
    expect(intruder.records.size).toBe(0)
    expect(intruder.provider.shouldConnect).toBe(false)
  })

  it('clients that go away while being authenticated do not disturb the server', async () => {
    const { server, meeting } = await boardWithContent()
    const path = `/sync/${meeting.conference.id}?token=${meeting.aunt.token}`
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        new Promise<void>((resolve) => {
          const socket = connect(server.port, '127.0.0.1', () => {
            socket.write(
              `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
                `Sec-WebSocket-Key: ${Buffer.from(`key-${i}-0123456`).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
            )
            // Gone before the server has looked the token up; half of them abruptly.
            if (i % 2 === 0) socket.destroy()
            else socket.end()
            resolve()
          })
          socket.on('error', () => resolve())
        }),
      ),
    )
    const aunt = connectBoard(server.syncUrl, meeting.conference.id, meeting.aunt.token)
    clients.push(aunt)
    await waitFor(() => aunt.records.has('shape:secret'), { message: 'a normal client still gets the board' })
  })

  it("a facilitator's ticket from the app opens the board", async () => {
    const { server, meeting } = await boardWithContent()
    const ticket = createTicket(TEST_SECRET, meeting.facilitator.id, meeting.conference.id, 600)
    const facilitator = connectBoard(server.syncUrl, meeting.conference.id, ticket)
    clients.push(facilitator)
    await waitFor(() => facilitator.records.has('shape:secret'), { message: 'facilitator sees the board' })
  })
})

describe('sync: revocation closes live connections', () => {
  let server: TestServer | undefined
  const clients: BoardClient[] = []

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server?.stop()
    server = undefined
  })

  async function aBoardWithTheAunt() {
    server = await startTestServer()
    const meeting = await seedMeeting(server.db)
    const mother = connectBoard(server.syncUrl, meeting.conference.id, meeting.mother.token)
    const aunt = connectBoard(server.syncUrl, meeting.conference.id, meeting.aunt.token)
    // The aunt on a second device as well.
    const auntPhone = connectBoard(server.syncUrl, meeting.conference.id, meeting.aunt.token)
    const professional = connectBoard(server.syncUrl, meeting.conference.id, meeting.professional.token)
    clients.push(mother, aunt, auntPhone, professional)
    await waitFor(() => [mother, aunt, auntPhone, professional].every((c) => c.provider.synced))
    return { server, meeting, mother, aunt, auntPhone, professional }
  }

  async function expectOnlyAuntClosed({ mother, aunt, auntPhone, professional }: Awaited<ReturnType<typeof aBoardWithTheAunt>>) {
    await waitFor(() => aunt.closeCodes.includes(4403) && auntPhone.closeCodes.includes(4403), { message: 'both aunt devices closed with 4403' })
    // The stock provider does not reconnect after a 4403; the others stay and keep syncing.
    expect(aunt.provider.shouldConnect).toBe(false)
    mother.records.set('shape:after', note('shape:after', 'na intrekking'))
    await waitFor(() => professional.records.has('shape:after'), { message: 'others still sync' })
    expect(aunt.records.has('shape:after')).toBe(false)
    expect(auntPhone.records.has('shape:after')).toBe(false)
    expect(mother.closeCodes).toEqual([])
  }

  it('through the in-process revocation event', async () => {
    const board = await aBoardWithTheAunt()
    const { server, meeting } = board
    await revokeParticipant(server.db, meeting.conference.id, meeting.aunt.participant.id)
    getLiveEvents().emit('participant.revoked', { conferenceId: meeting.conference.id, participantId: meeting.aunt.participant.id })
    await expectOnlyAuntClosed(board)
  })

  it('through the database alone (revoked by another process, caught by the poll)', async () => {
    const board = await aBoardWithTheAunt()
    const { server, meeting } = board
    await revokeParticipant(server.db, meeting.conference.id, meeting.aunt.participant.id)
    await expectOnlyAuntClosed(board)
  })
})
