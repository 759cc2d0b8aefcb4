import { io, type Socket } from 'socket.io-client'
import type { Device } from '../../lib/conference/model'
import { connectMeeting, type MeetingClient, type MeetingClientOptions, type MeetingStatus } from '../../lib/meeting/meeting-client'
import type { ClosingMessage, MeetingError, RosterEntry, RosterMessage, WelcomeMessage } from '../../lib/protocol/meeting'
import { MEETING_PATH } from '../../lib/protocol/meeting'
import { afterEach, beforeEach } from 'vitest'
import { seedMeeting, startTestServer, waitFor, type TestServer } from '../helpers/test-server'

/**
 * Shared by the meeting-*.test.ts files: a real client wrapper (lib/meeting) that records
 * everything it hears, and a bare socket.io-client for the cases the wrapper would smooth over
 * (handshake refusals, hand-made bad payloads, oversize frames).
 */

export interface RecordedMeeting {
  client: MeetingClient
  welcome(): WelcomeMessage | undefined
  roster(): RosterMessage | undefined
  statuses: MeetingStatus[]
  closings: ClosingMessage[]
  errors: MeetingError[]
  tokenRequests(): number
  /** The roster entry of one participant, as this client last saw it. */
  entry(participantId: string): RosterEntry | undefined
  status(): MeetingStatus | undefined
}

export function joinMeeting(
  ts: TestServer,
  input: { conferenceId: string; token: string | (() => string | Promise<string>); device?: Device } & Partial<MeetingClientOptions>,
): RecordedMeeting {
  let tokenRequests = 0
  const token = input.token
  const client = connectMeeting({
    url: ts.httpUrl,
    conferenceId: input.conferenceId,
    device: input.device ?? 'desktop',
    transports: input.transports,
    getToken: () => {
      tokenRequests++
      return typeof token === 'function' ? token() : token
    },
  })
  let welcome: WelcomeMessage | undefined
  let roster: RosterMessage | undefined
  const statuses: MeetingStatus[] = []
  const closings: ClosingMessage[] = []
  const errors: MeetingError[] = []
  client.onWelcome((w) => (welcome = w))
  client.onRoster((r) => (roster = r))
  client.onStatus((s) => statuses.push(s))
  client.onClosing((c) => closings.push(c))
  client.onError((e) => errors.push(e))
  return {
    client,
    welcome: () => welcome,
    roster: () => roster,
    statuses,
    closings,
    errors,
    tokenRequests: () => tokenRequests,
    entry: (participantId) => roster?.entries.find((e) => e.participantId === participantId),
    status: () => statuses[statuses.length - 1],
  }
}

/** Wait until this client's roster shows the participant as described (undefined = absent). */
export function waitForEntry(
  meeting: RecordedMeeting,
  participantId: string,
  expected: { online: boolean; device?: Device | null } | 'absent',
  message = `roster entry of ${participantId}`,
): Promise<void> {
  return waitFor(
    () => {
      const entry = meeting.entry(participantId)
      if (expected === 'absent') return meeting.roster() !== undefined && entry === undefined
      if (!entry || entry.online !== expected.online) return false
      return expected.device === undefined || entry.device === expected.device
    },
    { message },
  )
}

export async function waitConnected(meeting: RecordedMeeting): Promise<void> {
  await waitFor(() => meeting.status()?.state === 'connected' && meeting.roster() !== undefined, { message: 'connected with a roster' })
}

/** A bare socket.io-client: no reconnection, so refusals and disconnects stay visible. */
export function rawSocket(ts: TestServer, auth: unknown, extra: { extraHeaders?: Record<string, string> } = {}): Socket {
  return io(ts.httpUrl, {
    path: MEETING_PATH,
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: auth as Record<string, unknown>,
    ...extra,
  })
}

/** Connect a bare socket and report how its handshake ended. */
export function handshakeOutcome(socket: Socket): Promise<{ connected: true } | { connected: false; message: string; data: unknown }> {
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ connected: true }))
    socket.once('connect_error', (err: Error & { data?: unknown }) => resolve({ connected: false, message: err.message, data: err.data }))
  })
}

/**
 * The setup every meeting-*.test.ts shares: a fresh real server and seeded meeting per test,
 * clients opened through `join` closed afterwards. `restart(env)` swaps in a server with other
 * settings (e.g. a slow revocation poll) for one test.
 */
export function useMeetingFixture() {
  let server: TestServer | undefined
  let seeded: Awaited<ReturnType<typeof seedMeeting>> | undefined
  const open: RecordedMeeting[] = []
  const start = async (env?: Record<string, string>) => {
    server = await startTestServer(env)
    seeded = await seedMeeting(server.db)
  }
  beforeEach(() => start())
  afterEach(async () => {
    for (const m of open.splice(0)) m.client.close()
    await server?.stop()
  })
  return {
    get ts(): TestServer {
      if (!server) throw new Error('meeting fixture used outside a test')
      return server
    },
    get seed(): Awaited<ReturnType<typeof seedMeeting>> {
      if (!seeded) throw new Error('meeting fixture used outside a test')
      return seeded
    },
    join(...args: Parameters<typeof joinMeeting>): RecordedMeeting {
      const meeting = joinMeeting(...args)
      open.push(meeting)
      return meeting
    },
    async restart(env: Record<string, string>): Promise<void> {
      await server?.stop()
      await start(env)
    },
  }
}
