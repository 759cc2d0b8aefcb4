import type { Socket } from 'socket.io-client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AckResult, MeetingError } from '../../lib/protocol/meeting'
import { seedMeeting, startTestServer, waitFor, type TestServer } from '../helpers/test-server'
import { handshakeOutcome, joinMeeting, rawSocket, waitConnected, waitForEntry, type RecordedMeeting } from './meeting-support'

const MAX_BYTES = 8 * 1024

describe('meeting plane: bad input is answered, never fatal', () => {
  let ts: TestServer
  let seed: Awaited<ReturnType<typeof seedMeeting>>
  const sockets: Socket[] = []
  const meetings: RecordedMeeting[] = []

  beforeEach(async () => {
    ts = await startTestServer({ MEETING_MAX_MESSAGE_BYTES: String(MAX_BYTES) })
    seed = await seedMeeting(ts.db)
  })
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.disconnect()
    for (const m of meetings.splice(0)) m.client.close()
    await ts.stop()
  })

  /** The aunt on a bare socket (to send what the wrapper never would) plus her errors. */
  async function auntSocket() {
    const socket = rawSocket(ts, { token: seed.aunt.token, conferenceId: seed.conference.id, device: 'desktop' })
    sockets.push(socket)
    const errors: MeetingError[] = []
    socket.on('error', (e: MeetingError) => errors.push(e))
    expect(await handshakeOutcome(socket)).toEqual({ connected: true })
    return { socket, errors }
  }

  function observer() {
    const mother = joinMeeting(ts, { conferenceId: seed.conference.id, token: seed.mother.token })
    meetings.push(mother)
    return mother
  }

  const sendWithAck = (socket: Socket, ...args: unknown[]) =>
    socket.timeout(10_000).emitWithAck('device:set', ...args) as Promise<AckResult>

  it.each([
    ['a wrong type', 'phone'],
    ['a wrong device', { device: 'tablet' }],
    ['a missing device', {}],
    ['no payload', undefined],
    ['null', null],
    ['a huge value under the size limit', { device: 'x'.repeat(MAX_BYTES / 2) }],
    ['an array', [{ device: 'phone' }]],
  ])('device:set with %s: error event and failed ack, and the socket keeps working', async (_label, payload) => {
    const mother = observer()
    const { socket, errors } = await auntSocket()
    await waitForEntry(mother, seed.aunt.participant.id, { online: true, device: 'desktop' })

    const ack = await sendWithAck(socket, payload)
    expect(ack).toMatchObject({ ok: false, error: { code: 'bad_request' } })
    await waitFor(() => errors.length === 1, { message: 'an error event' })
    expect(errors[0]).toMatchObject({ code: 'bad_request' })
    expect(errors[0]!.message.length).toBeLessThanOrEqual(200)

    // Still connected, still heard, and the roster did not change because of the bad request.
    expect(socket.connected).toBe(true)
    expect(mother.entry(seed.aunt.participant.id)).toMatchObject({ online: true, device: 'desktop' })
    expect(await sendWithAck(socket, { device: 'phone' })).toEqual({ ok: true })
    await waitForEntry(mother, seed.aunt.participant.id, { online: true, device: 'phone' })
  })

  it('answers a bad payload without an ack with an error event', async () => {
    const { socket, errors } = await auntSocket()
    socket.emit('device:set', 42)
    await waitFor(() => errors.length === 1, { message: 'an error event' })
    expect(errors[0]!.code).toBe('bad_request')
    expect(socket.connected).toBe(true)
  })

  it('answers an unknown event with an error event (and a failed ack)', async () => {
    const { socket, errors } = await auntSocket()
    const ack = (await socket.timeout(10_000).emitWithAck('phase:jump' as never, { phase: 'afgesloten' })) as AckResult
    expect(ack).toEqual({ ok: false, error: { code: 'bad_request', message: 'unknown event: phase:jump' } })
    socket.emit('whatever' as never)
    await waitFor(() => errors.length === 2, { message: 'two error events' })
    expect(socket.connected).toBe(true)
  })

  it('the client wrapper refuses a bad device itself and reports server errors', async () => {
    const aunt = joinMeeting(ts, { conferenceId: seed.conference.id, token: seed.aunt.token })
    meetings.push(aunt)
    await waitConnected(aunt)
    await expect(aunt.client.setDevice('tablet' as never)).resolves.toMatchObject({ ok: false, error: { code: 'bad_request' } })
    expect(aunt.status()).toEqual({ state: 'connected' })
  })

  it('an over-size message disconnects only that socket; everyone else carries on', async () => {
    const mother = observer()
    const professional = joinMeeting(ts, { conferenceId: seed.conference.id, token: seed.professional.token, device: 'phone' })
    meetings.push(professional)
    const { socket } = await auntSocket()
    await waitForEntry(mother, seed.aunt.participant.id, { online: true })
    await waitForEntry(mother, seed.professional.participant.id, { online: true })

    const reasons: string[] = []
    socket.on('disconnect', (reason) => reasons.push(reason))
    socket.emit('device:set', { device: 'x'.repeat(MAX_BYTES * 2) })

    await waitFor(() => reasons.length === 1, { message: 'the sender is disconnected' })
    await waitForEntry(mother, seed.aunt.participant.id, { online: false }, 'the sender is shown offline')
    // Others are untouched and the server still serves requests and newcomers.
    expect(mother.status()).toEqual({ state: 'connected' })
    expect(professional.status()).toEqual({ state: 'connected' })
    await expect(professional.client.setDevice('desktop')).resolves.toEqual({ ok: true })
    await waitForEntry(mother, seed.professional.participant.id, { online: true, device: 'desktop' })
    const back = await auntSocket()
    expect(back.socket.connected).toBe(true)
    await waitForEntry(mother, seed.aunt.participant.id, { online: true })
  })
})
