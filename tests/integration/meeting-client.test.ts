import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createTicket } from '../../lib/server/auth/tickets'
import { TEST_SECRET, waitFor } from '../helpers/test-server'
import { waitConnected, waitForEntry, useMeetingFixture } from './meeting-support'

describe('meeting client wrapper (lib/meeting) against a real server', () => {
  // A fresh server per test (REVOCATION_POLL_MS=200) with a seeded meeting.
  const fixture = useMeetingFixture()
  const join = fixture.join

  it('goes connecting → connected and replays welcome, roster and status to late subscribers', async () => {
    const mother = join(fixture.ts, { conferenceId: fixture.seed.conference.id, token: fixture.seed.mother.token })
    await waitConnected(mother)
    expect(mother.statuses).toEqual([{ state: 'connecting' }, { state: 'connected' }])

    const late: string[] = []
    const stops = [
      mother.client.onWelcome((w) => late.push(`welcome:${w.participantId}`)),
      mother.client.onRoster((r) => late.push(`roster:${r.entries.length}`)),
      mother.client.onStatus((s) => late.push(`status:${s.state}`)),
    ]
    expect(late).toEqual([`welcome:${fixture.seed.mother.participant.id}`, 'roster:4', 'status:connected'])

    // Unsubscribed listeners hear nothing more.
    for (const stop of stops) stop()
    join(fixture.ts, { conferenceId: fixture.seed.conference.id, token: fixture.seed.aunt.token })
    await waitForEntry(mother, fixture.seed.aunt.participant.id, { online: true })
    expect(late).toHaveLength(3)
  })

  it('signs in with a fresh ticket on every reconnect after the server let it go', async () => {
    let issued = 0
    const mother = join(fixture.ts, {
      conferenceId: fixture.seed.conference.id,
      token: () => {
        issued++
        return createTicket(TEST_SECRET, fixture.seed.mother.participant.id, fixture.seed.conference.id, 60)
      },
    })
    await waitConnected(mother)
    expect(issued).toBe(1)

    // A server-side close with a non-final code (as on shutdown): the client comes back by itself.
    fixture.ts.server.meeting.disconnectParticipant(fixture.seed.mother.participant.id, 1001, 'going away')
    await waitFor(() => mother.statuses.some((s) => s.state === 'disconnected'), { message: 'disconnected' })
    await waitFor(() => mother.status()?.state === 'connected', { message: 'reconnected' })
    expect(mother.closings).toEqual([{ code: 1001, reason: 'going away' }])
    expect(issued).toBe(2)
  })

  it('comes back on its own after the connection drops', async () => {
    const mother = join(fixture.ts, { conferenceId: fixture.seed.conference.id, token: fixture.seed.mother.token })
    await waitConnected(mother)
    // Catch the TCP socket of the next /socket.io upgrade: the aunt's.
    const tcp: Duplex[] = []
    const onUpgrade = (req: IncomingMessage, socket: Duplex) => {
      if (req.url?.startsWith('/socket.io/')) tcp.push(socket)
    }
    fixture.ts.server.http.on('upgrade', onUpgrade)
    const aunt = join(fixture.ts, { conferenceId: fixture.seed.conference.id, token: fixture.seed.aunt.token, device: 'phone' })
    await waitConnected(aunt)
    fixture.ts.server.http.off('upgrade', onUpgrade)
    await waitForEntry(mother, fixture.seed.aunt.participant.id, { online: true })
    expect(tcp).toHaveLength(1)

    // Cut it, as a flaky mobile network would.
    tcp[0]!.destroy()
    await waitFor(() => aunt.statuses.some((s) => s.state === 'disconnected'), { message: 'the aunt lost her connection' })
    await waitFor(() => aunt.status()?.state === 'connected', { message: 'the aunt is back' })
    await waitForEntry(mother, fixture.seed.aunt.participant.id, { online: true, device: 'phone' })
    expect(aunt.tokenRequests()).toBe(2)
  })

  it('sends the current device with a reconnect', async () => {
    const mother = join(fixture.ts, { conferenceId: fixture.seed.conference.id, token: fixture.seed.mother.token })
    const aunt = join(fixture.ts, { conferenceId: fixture.seed.conference.id, token: fixture.seed.aunt.token, device: 'desktop' })
    await waitForEntry(mother, fixture.seed.aunt.participant.id, { online: true, device: 'desktop' })
    await aunt.client.setDevice('phone')
    fixture.ts.server.meeting.disconnectParticipant(fixture.seed.aunt.participant.id, 1001, 'going away')
    await waitFor(() => aunt.tokenRequests() === 2 && aunt.status()?.state === 'connected', { message: 'the aunt is back' })
    await waitForEntry(mother, fixture.seed.aunt.participant.id, { online: true, device: 'phone' })
  })

  it('close() is final: no more reconnects, others see them leave', async () => {
    const mother = join(fixture.ts, { conferenceId: fixture.seed.conference.id, token: fixture.seed.mother.token })
    const aunt = join(fixture.ts, { conferenceId: fixture.seed.conference.id, token: fixture.seed.aunt.token })
    await waitForEntry(mother, fixture.seed.aunt.participant.id, { online: true })
    aunt.client.close()
    aunt.client.close()
    await waitForEntry(mother, fixture.seed.aunt.participant.id, { online: false })
    expect(aunt.status()).toEqual({ state: 'disconnected', reason: 'closed', willRetry: false })
    expect(aunt.statuses.filter((s) => s.state === 'disconnected')).toHaveLength(1)
    await expect(aunt.client.setDevice('phone')).resolves.toEqual({ ok: true })
  })

  it('also works over long-polling when asked to', async () => {
    const mother = join(fixture.ts, { conferenceId: fixture.seed.conference.id, token: fixture.seed.mother.token })
    const aunt = join(fixture.ts, { conferenceId: fixture.seed.conference.id, token: fixture.seed.aunt.token, device: 'phone', transports: ['polling'] })
    await waitConnected(aunt)
    await waitForEntry(mother, fixture.seed.aunt.participant.id, { online: true, device: 'phone' })
    await expect(aunt.client.setDevice('desktop')).resolves.toEqual({ ok: true })
    await waitForEntry(mother, fixture.seed.aunt.participant.id, { online: true, device: 'desktop' })
  })

  it('tells the client why when the server shuts down', async () => {
    const mother = join(fixture.ts, { conferenceId: fixture.seed.conference.id, token: fixture.seed.mother.token })
    await waitConnected(mother)
    await fixture.ts.server.meeting.close()
    await waitFor(() => mother.closings.length === 1, { message: 'closing received' })
    expect(mother.closings[0]).toEqual({ code: 1001, reason: 'server shutting down' })
    await waitFor(() => mother.status()?.state !== 'connected', { message: 'no longer connected' })
    expect(mother.status()).toMatchObject({ state: 'disconnected', willRetry: true })
  })
})
