import type { Socket } from 'socket.io-client'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { CloseCode } from '../../lib/protocol/close-codes'
import { seedMeeting, startTestServer, waitFor, type TestServer } from '../helpers/test-server'
import { handshakeOutcome, rawSocket } from './meeting-support'

/**
 * Caps on simultaneous sockets (MAX_SOCKETS_PER_ADDRESS, MAX_SOCKETS_PER_PARTICIPANT), sync and
 * meeting counted together. The test process is the "proxy" (TRUST_PROXY=1): each client claims
 * its address in X-Forwarded-For, so several addresses can be played from one machine.
 */

const FAMILY_HOME = '203.0.113.7'
const ELSEWHERE = '198.51.100.9'

interface Board {
  provider: WebsocketProvider
  closedWith: () => number | undefined
  destroy(): void
}

describe('socket caps per address and per participant', () => {
  let ts: TestServer | undefined
  const boards: Board[] = []
  const sockets: Socket[] = []

  afterEach(async () => {
    for (const b of boards.splice(0)) b.destroy()
    for (const s of sockets.splice(0)) s.disconnect()
    await ts?.stop()
    ts = undefined
  })

  async function start(env: Record<string, string>) {
    ts = await startTestServer(env)
    return { ts, seed: await seedMeeting(ts.db) }
  }

  /** A stock y-websocket client whose requests say they come from `address`. */
  function board(server: TestServer, conferenceId: string, token: string, address: string): Board {
    class FromAddress extends WebSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols, { headers: { 'x-forwarded-for': address } })
      }
    }
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(server.syncUrl, conferenceId, doc, {
      params: { token },
      WebSocketPolyfill: FromAddress as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      maxBackoffTime: 300,
    })
    let closedWith: number | undefined
    // y-websocket stops at a 44xx close and reports it as `closed`.
    provider.on('closed', ({ code }) => (closedWith = code))
    const made: Board = {
      provider,
      closedWith: () => closedWith,
      destroy() {
        provider.destroy()
        doc.destroy()
      },
    }
    boards.push(made)
    return made
  }

  function meetingSocket(server: TestServer, conferenceId: string, token: string, address: string): Socket {
    const socket = rawSocket(server, { token, conferenceId, device: 'desktop' }, { extraHeaders: { 'x-forwarded-for': address } })
    sockets.push(socket)
    return socket
  }

  const synced = (b: Board) => waitFor(() => b.provider.synced, { message: 'board synced' })
  /** How a board's connection ended up: synced, or closed by the server with a code. */
  const outcome = async (b: Board): Promise<'synced' | number> => {
    await waitFor(() => b.provider.synced || b.closedWith() !== undefined, { message: 'board synced or refused' })
    return b.provider.synced ? 'synced' : b.closedWith()!
  }
  const refusedWith = (b: Board, code: number) => waitFor(() => b.closedWith() === code, { message: `board closed with ${code}` })

  it('refuses the sync socket beyond the cap of one address with 4429, while another address still gets in', async () => {
    const { ts, seed } = await start({ TRUST_PROXY: '1', MAX_SOCKETS_PER_ADDRESS: '4', MAX_SOCKETS_PER_PARTICIPANT: '8' })
    const id = seed.conference.id
    const home = [seed.mother, seed.mother, seed.aunt, seed.aunt].map((p) => board(ts, id, p.token, FAMILY_HOME))
    for (const b of home) await synced(b)

    const oneTooMany = board(ts, id, seed.professional.token, FAMILY_HOME)
    await refusedWith(oneTooMany, CloseCode.TooManyConnections)
    expect(oneTooMany.provider.synced).toBe(false)

    const elsewhere = board(ts, id, seed.professional.token, ELSEWHERE)
    await synced(elsewhere)

    // A tab that closes gives its place back (once the server has seen it close).
    home[0]!.destroy()
    await waitFor(async () => (await outcome(board(ts, id, seed.professional.token, FAMILY_HOME))) === 'synced', {
      message: 'a place freed at home',
    })
  })

  it('counts sync and meeting sockets together, and refuses the meeting socket with 4429 in connect_error', async () => {
    const { ts, seed } = await start({ TRUST_PROXY: '1', MAX_SOCKETS_PER_ADDRESS: '4', MAX_SOCKETS_PER_PARTICIPANT: '8' })
    const id = seed.conference.id
    await synced(board(ts, id, seed.mother.token, FAMILY_HOME))
    await synced(board(ts, id, seed.aunt.token, FAMILY_HOME))
    expect(await handshakeOutcome(meetingSocket(ts, id, seed.mother.token, FAMILY_HOME))).toEqual({ connected: true })
    expect(await handshakeOutcome(meetingSocket(ts, id, seed.aunt.token, FAMILY_HOME))).toEqual({ connected: true })

    expect(await handshakeOutcome(meetingSocket(ts, id, seed.professional.token, FAMILY_HOME))).toMatchObject({
      connected: false,
      data: { code: CloseCode.TooManyConnections, reason: 'too many connections' },
    })
    await refusedWith(board(ts, id, seed.professional.token, FAMILY_HOME), CloseCode.TooManyConnections)
    expect(await handshakeOutcome(meetingSocket(ts, id, seed.professional.token, ELSEWHERE))).toEqual({ connected: true })

    // A meeting socket that disconnects gives its place back.
    sockets[0]!.disconnect()
    await waitFor(async () => (await handshakeOutcome(meetingSocket(ts, id, seed.professional.token, FAMILY_HOME))).connected, {
      message: 'a place freed at home',
    })
  })

  it('caps one participant over all addresses', async () => {
    const { ts, seed } = await start({ TRUST_PROXY: '1', MAX_SOCKETS_PER_ADDRESS: '60', MAX_SOCKETS_PER_PARTICIPANT: '3' })
    const id = seed.conference.id
    for (const address of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) await synced(board(ts, id, seed.mother.token, address))
    await refusedWith(board(ts, id, seed.mother.token, '192.0.2.4'), CloseCode.TooManyConnections)
    expect(await handshakeOutcome(meetingSocket(ts, id, seed.mother.token, '192.0.2.5'))).toMatchObject({
      connected: false,
      data: { code: CloseCode.TooManyConnections },
    })
    // Someone else from the same addresses is not affected.
    await synced(board(ts, id, seed.aunt.token, '192.0.2.1'))
  })

  it('fits a family of twelve behind one address, each with a board and a meeting socket, with the defaults', async () => {
    const { ts, seed } = await start({ TRUST_PROXY: '1' })
    const id = seed.conference.id
    const { seedInvitation } = await import('../../lib/server/db/seed')
    const family = [seed.mother, seed.aunt]
    for (let i = family.length; i < 12; i++) family.push(await seedInvitation(ts.db, { conferenceId: id, displayName: `Familielid ${i}`, role: 'family' }))
    const tabs = family.map((member) => board(ts, id, member.token, FAMILY_HOME))
    for (const tab of tabs) await synced(tab)
    for (const member of family) expect(await handshakeOutcome(meetingSocket(ts, id, member.token, FAMILY_HOME))).toEqual({ connected: true })
  })

  it('does not believe X-Forwarded-For without TRUST_PROXY: made-up addresses all count as the one they come from', async () => {
    const { ts, seed } = await start({ MAX_SOCKETS_PER_ADDRESS: '3', MAX_SOCKETS_PER_PARTICIPANT: '8' })
    const id = seed.conference.id
    for (const address of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) await synced(board(ts, id, seed.aunt.token, address))
    await refusedWith(board(ts, id, seed.mother.token, '192.0.2.4'), CloseCode.TooManyConnections)
  })
})
