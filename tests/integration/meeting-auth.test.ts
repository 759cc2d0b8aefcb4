import type { Socket } from 'socket.io-client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTicket } from '../../lib/server/auth/tickets'
import { revokeParticipant } from '../../lib/server/db/repositories/participants'
import { seedMeeting, startTestServer, TEST_SECRET, waitFor, type TestServer } from '../helpers/test-server'
import { handshakeOutcome, joinMeeting, rawSocket, waitConnected, type RecordedMeeting } from './meeting-support'

describe('meeting plane: who may connect', () => {
  let ts: TestServer
  let seed: Awaited<ReturnType<typeof seedMeeting>>
  const sockets: Socket[] = []
  const meetings: RecordedMeeting[] = []
  const raw = (...args: Parameters<typeof rawSocket>) => {
    const socket = rawSocket(...args)
    sockets.push(socket)
    return socket
  }

  beforeEach(async () => {
    ts = await startTestServer()
    seed = await seedMeeting(ts.db)
  })
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.disconnect()
    for (const m of meetings.splice(0)) m.client.close()
    await ts.stop()
  })

  const handshake = (token: unknown, conferenceId = seed.conference.id) =>
    handshakeOutcome(raw(ts, { token, conferenceId, device: 'desktop' }))

  it('refuses a missing token with 4401', async () => {
    const outcome = await handshakeOutcome(raw(ts, { conferenceId: seed.conference.id, device: 'desktop' }))
    expect(outcome).toMatchObject({ connected: false, data: { code: 4401 } })
  })

  it('refuses a garbage token with 4401', async () => {
    expect(await handshake('not-a-token')).toMatchObject({ connected: false, data: { code: 4401 } })
    expect(await handshake('t1.garbage.ticket')).toMatchObject({ connected: false, data: { code: 4401 } })
    expect(await handshake(12345)).toMatchObject({ connected: false, data: { code: 4401 } })
  })

  it('refuses a handshake without auth at all with 4401', async () => {
    expect(await handshakeOutcome(raw(ts, undefined))).toMatchObject({ connected: false, data: { code: 4401 } })
  })

  it("refuses another conference's token with 4403", async () => {
    const other = await seedMeeting(ts.db)
    expect(await handshake(other.mother.token)).toMatchObject({ connected: false, data: { code: 4403 } })
    const ticket = createTicket(TEST_SECRET, other.mother.participant.id, other.conference.id, 60)
    expect(await handshake(ticket)).toMatchObject({ connected: false, data: { code: 4403 } })
  })

  it('refuses a revoked invitation with 4403', async () => {
    await revokeParticipant(ts.db, seed.conference.id, seed.aunt.participant.id)
    expect(await handshake(seed.aunt.token)).toMatchObject({ connected: false, data: { code: 4403, reason: 'invitation revoked' } })
  })

  it('accepts an invitation token and a ticket', async () => {
    expect(await handshake(seed.mother.token)).toEqual({ connected: true })
    const ticket = createTicket(TEST_SECRET, seed.facilitator.id, seed.conference.id, 60)
    expect(await handshake(ticket)).toEqual({ connected: true })
  })

  it("accepts a page from Kring's own origin and refuses one from another site", async () => {
    const auth = { token: seed.mother.token, conferenceId: seed.conference.id, device: 'desktop' }
    const own = new URL(ts.config.publicUrl).origin
    expect(await handshakeOutcome(raw(ts, auth, { extraHeaders: { origin: own } }))).toEqual({ connected: true })
    const foreign = await handshakeOutcome(raw(ts, auth, { extraHeaders: { origin: 'https://evil.example' } }))
    expect(foreign.connected).toBe(false)
    const opaque = await handshakeOutcome(raw(ts, auth, { extraHeaders: { origin: 'null' } }))
    expect(opaque.connected).toBe(false)
  })

  it('the client wrapper reports a 4403 refusal and stops trying', async () => {
    const other = await seedMeeting(ts.db)
    const meeting = joinMeeting(ts, { conferenceId: seed.conference.id, token: other.mother.token })
    meetings.push(meeting)
    await waitFor(() => meeting.status()?.state === 'refused', { message: 'refused' })
    expect(meeting.status()).toMatchObject({ state: 'refused', code: 4403 })
    expect(meeting.tokenRequests()).toBe(1)
    expect(meeting.welcome()).toBeUndefined()
  })

  it('the client wrapper asks for a fresh token once after a 4401, then gives up', async () => {
    const meeting = joinMeeting(ts, { conferenceId: seed.conference.id, token: 'expired-or-garbage' })
    meetings.push(meeting)
    await waitFor(() => meeting.status()?.state === 'refused', { message: 'refused' })
    expect(meeting.status()).toMatchObject({ state: 'refused', code: 4401 })
    expect(meeting.tokenRequests()).toBe(2)
  })

  it('the client wrapper gets in when the fresh token is good', async () => {
    // The first ticket has expired; getToken fetches a valid one for the retry.
    const tokens = ['t1.expired.ticket', seed.mother.token]
    const meeting = joinMeeting(ts, { conferenceId: seed.conference.id, token: () => tokens.shift() ?? seed.mother.token })
    meetings.push(meeting)
    await waitConnected(meeting)
    expect(meeting.welcome()?.participantId).toBe(seed.mother.participant.id)
    expect(meeting.statuses.map((s) => s.state)).not.toContain('refused')
  })
})
