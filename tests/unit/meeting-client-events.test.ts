import { createServer, type Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Server, type Socket as ServerSocket } from 'socket.io'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { connectMeeting, type MeetingClient, type MeetingStatus } from '../../lib/meeting/meeting-client'
import { MEETING_PATH } from '../../lib/protocol/meeting'

/**
 * The browser's meeting client against a stand-in socket.io server that says exactly what a test
 * wants: the meeting-control messages are parsed before anyone sees them, requests come back as
 * the server's answer, and a 4403 that says "wait" is not the end.
 */

let http: HttpServer
let io: Server
let url: string
const clients: MeetingClient[] = []

beforeEach(async () => {
  http = createServer()
  io = new Server(http, { path: MEETING_PATH })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`
})

afterEach(async () => {
  for (const client of clients.splice(0)) client.close()
  await io.close()
})

async function until(condition: () => boolean, what: string): Promise<void> {
  const start = Date.now()
  while (!condition()) {
    if (Date.now() - start > 5_000) throw new Error(`timed out: ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

function connect(): { client: MeetingClient; statuses: MeetingStatus[]; errors: string[] } {
  const client = connectMeeting({ url, conferenceId: 'conf-1', device: 'desktop', getToken: () => 'token' })
  clients.push(client)
  const statuses: MeetingStatus[] = []
  const errors: string[] = []
  client.onStatus((status) => statuses.push(status))
  client.onError((error) => errors.push(error.message))
  return { client, statuses, errors }
}

function nextSocket(): Promise<ServerSocket> {
  return new Promise((resolve) => io.once('connection', resolve))
}

describe('meeting client: running the meeting', () => {
  it('passes on the phase, where I stand, the lobby and the end of private time, and reports unreadable ones', async () => {
    const arriving = nextSocket()
    const { client, errors } = connect()
    const server = await arriving
    const phases: string[] = []
    const places: string[] = []
    const lobbies: number[] = []
    const ends: string[] = []
    client.onConferenceState((state) => phases.push(state.phase))
    client.onAccessState((access) => places.push(access.state))
    client.onLobby((lobby) => lobbies.push(lobby.waiting.length))
    client.onPrivateTimeEnded((ended) => ends.push(ended.endedBy))

    server.emit('conference:state', { conferenceId: 'conf-1', phase: 'besloten_deel', phaseChangedAt: '2026-03-01T10:00:00.000Z', facilitatorStaysInPrivateTime: false, timerEndsAt: null })
    server.emit('conference:state', { conferenceId: 'conf-1', phase: 'koffiepauze' })
    server.emit('access:state', { conferenceId: 'conf-1', state: 'waiting-room' })
    server.emit('lobby', { conferenceId: 'conf-1', waiting: [{ participantId: 'p9', displayName: 'Amira', role: 'network', since: '2026-03-01T10:00:00.000Z' }] })
    server.emit('private-time:ended', { conferenceId: 'conf-1', endedBy: 'p2', at: '2026-03-01T10:30:00.000Z' })

    await until(() => ends.length === 1, 'end of private time')
    expect(phases).toEqual(['besloten_deel'])
    expect(errors).toEqual(['unreadable conference state from server'])
    expect(places).toEqual(['waiting-room'])
    expect(lobbies).toEqual([1])
    expect(ends).toEqual(['p2'])

    // A view that mounts later still learns where things stand (the end of private time is a moment, not replayed).
    const late: string[] = []
    client.onConferenceState((state) => late.push(state.phase))
    client.onAccessState((access) => late.push(access.state))
    client.onPrivateTimeEnded(() => late.push('ended'))
    expect(late).toEqual(['besloten_deel', 'waiting-room'])
  })

  it('sends each request with its payload and resolves with the server’s answer, or a refusal when unanswered', async () => {
    const arriving = nextSocket()
    const { client, statuses } = connect()
    const server = await arriving
    await until(() => statuses.at(-1)?.state === 'connected', 'connected')
    const heard: [string, unknown][] = []
    for (const event of ['phase:set', 'private-time:end', 'settings:set', 'lobby:admit', 'lobby:decline', 'participant:remove', 'participant:set-role']) {
      server.on(event, (payload: unknown, ack: (result: unknown) => void) => {
        heard.push([event, payload])
        ack(event === 'lobby:decline' ? { ok: false, error: { code: 'conflict', message: 'not waiting' } } : { ok: true })
      })
    }

    expect(await client.setPhase('informatie')).toEqual({ ok: true })
    expect(await client.endPrivateTime()).toEqual({ ok: true })
    expect(await client.setFacilitatorStaysInPrivateTime(true)).toEqual({ ok: true })
    expect(await client.admit('p9')).toEqual({ ok: true })
    expect(await client.decline('p9')).toEqual({ ok: false, error: { code: 'conflict', message: 'not waiting' } })
    expect(await client.removeParticipant('p3', true)).toEqual({ ok: true })
    expect(await client.setRole('p3', 'observer')).toEqual({ ok: true })
    expect(heard).toEqual([
      ['phase:set', { phase: 'informatie' }],
      ['private-time:end', {}],
      ['settings:set', { facilitatorStaysInPrivateTime: true }],
      ['lobby:admit', { participantId: 'p9' }],
      ['lobby:decline', { participantId: 'p9' }],
      ['participant:remove', { participantId: 'p3', keepInvitation: true }],
      ['participant:set-role', { participantId: 'p3', role: 'observer' }],
    ])

    client.close()
    expect(await client.setPhase('afgesloten')).toMatchObject({ ok: false, error: { code: 'server_error' } })
  })

  it('closed with 4403 "private-time" it comes back by itself; closed with 4403 "removed" it stays out', async () => {
    let arriving = nextSocket()
    const { statuses } = connect()
    let server = await arriving
    await until(() => statuses.at(-1)?.state === 'connected', 'connected')

    arriving = nextSocket()
    server.emit('closing', { code: 4403, reason: 'private-time' })
    server.disconnect(true)
    await until(() => statuses.some((s) => s.state === 'disconnected' && s.reason === 'private-time' && s.willRetry), 'told to wait')
    server = await arriving
    await until(() => statuses.at(-1)?.state === 'connected', 'back')

    server.emit('closing', { code: 4403, reason: 'removed' })
    server.disconnect(true)
    await until(() => statuses.at(-1)?.state === 'refused', 'refused')
    expect(statuses.at(-1)).toEqual({ state: 'refused', code: 4403, reason: 'removed' })
  }, 15_000)
})
