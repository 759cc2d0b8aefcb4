import type { Socket } from 'socket.io-client'
import { createTicket } from '../../lib/server/auth/tickets'
import type { Device, InvitableRole } from '../../lib/conference/model'
import type { Db } from '../../lib/server/db/connect'
import { seedInvitation } from '../../lib/server/db/seed'
import { inviteToConference } from '../../lib/server/conference/invitations'
import { findParticipant } from '../../lib/server/db/repositories/participants'
import {
  AckResult,
  ClosingMessage,
  MeetingRefusal,
  RosterMessage,
  WelcomeMessage,
  type ClientToServerEvents,
} from '../../lib/protocol/meeting'
import { AccessStateMessage, ConferenceStateMessage, LobbyMessage, PrivateTimeEndedMessage } from '../../lib/protocol/meeting-control'
import { TEST_SECRET, waitFor, type TestServer } from '../helpers/test-server'
import { rawSocket } from './meeting-support'

/**
 * A bare socket.io client (no reconnection) that records, parsed with the protocol's schemas,
 * everything the meeting plane tells it: for the meeting-control and policy-meeting tests, which
 * need to see exactly what a person in the lobby or the waiting room does and does not hear.
 */
export interface ControlClient {
  socket: Socket
  /** Every event name heard, in order (also unknown ones). */
  heard: string[]
  welcomes: WelcomeMessage[]
  states: ConferenceStateMessage[]
  access: AccessStateMessage[]
  lobbies: LobbyMessage[]
  rosters: RosterMessage[]
  ended: PrivateTimeEndedMessage[]
  closings: ClosingMessage[]
  disconnected: () => boolean
  lastState(): ConferenceStateMessage | undefined
  lastAccess(): AccessStateMessage['state'] | undefined
  lastLobby(): LobbyMessage | undefined
  lastRoster(): RosterMessage | undefined
  request(event: keyof ClientToServerEvents, payload: unknown): Promise<AckResult>
  close(): void
}

function record(socket: Socket): ControlClient {
  const client: ControlClient = {
    socket,
    heard: [],
    welcomes: [],
    states: [],
    access: [],
    lobbies: [],
    rosters: [],
    ended: [],
    closings: [],
    disconnected: () => !socket.connected,
    lastState: () => client.states.at(-1),
    lastAccess: () => client.access.at(-1)?.state,
    lastLobby: () => client.lobbies.at(-1),
    lastRoster: () => client.rosters.at(-1),
    async request(event, payload) {
      const answer: unknown = await socket.timeout(10_000).emitWithAck(event as never, payload)
      return AckResult.parse(answer)
    },
    close: () => void socket.disconnect(),
  }
  socket.onAny((event: string, message: unknown) => {
    client.heard.push(event)
    if (event === 'welcome') client.welcomes.push(WelcomeMessage.parse(message))
    if (event === 'conference:state') client.states.push(ConferenceStateMessage.parse(message))
    if (event === 'access:state') client.access.push(AccessStateMessage.parse(message))
    if (event === 'lobby') client.lobbies.push(LobbyMessage.parse(message))
    if (event === 'roster') client.rosters.push(RosterMessage.parse(message))
    if (event === 'private-time:ended') client.ended.push(PrivateTimeEndedMessage.parse(message))
    if (event === 'closing') client.closings.push(ClosingMessage.parse(message))
  })
  return client
}

/** Open a meeting socket for a token; resolves once connected (and told where it stands), rejects with the refusal. */
export async function connectControl(ts: TestServer, conferenceId: string, token: string, device: Device = 'desktop'): Promise<ControlClient> {
  const socket = rawSocket(ts, { token, conferenceId, device })
  const client = record(socket)
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('connect_error', (err: Error & { data?: unknown }) => {
      const refusal = MeetingRefusal.safeParse(err.data)
      reject(Object.assign(new Error(`refused: ${err.message}`), { refusal: refusal.success ? refusal.data : null }))
    })
  })
  await waitFor(() => client.access.length > 0, { message: 'the first access state' })
  return client
}

/** How a connection attempt was refused (code and reason), or null when it was let through. */
export async function refusalOf(ts: TestServer, conferenceId: string, token: string): Promise<MeetingRefusal | null> {
  try {
    const client = await connectControl(ts, conferenceId, token)
    client.close()
    return null
  } catch (err) {
    return (err as { refusal?: MeetingRefusal | null }).refusal ?? { code: 0, reason: String(err) }
  }
}

/** Wait until the client is in the meeting with a conference state and a roster. */
export async function waitInMeeting(client: ControlClient): Promise<void> {
  await waitFor(() => client.lastState() !== undefined && client.lastRoster() !== undefined, { message: 'conference state and roster' })
}

/** A socket credential for someone who signs in (the facilitator): a ticket, as the app hands out. */
export function ticketFor(participantId: string, conferenceId: string): string {
  return createTicket(TEST_SECRET, participantId, conferenceId, 600)
}

/** An invitation that needs the facilitator to admit the person, made the way the invite form's route makes it. */
export async function seedAdmissionInvitation(ts: TestServer, conferenceId: string, displayName: string, role: InvitableRole = 'network') {
  const invited = await inviteToConference(ts.db, { conferenceId, displayName, role, requiresAdmission: true, actor: 'cli', publicUrl: ts.httpUrl })
  const participant = await findParticipant(ts.db, invited.participant.id)
  if (!participant) throw new Error('invitation not stored')
  return { participant, token: invited.token }
}

/** A plain invitation of one more person (a child, an observer, a neighbour). */
export function seedPerson(db: Db, conferenceId: string, displayName: string, role: InvitableRole) {
  return seedInvitation(db, { conferenceId, displayName, role })
}

/** The conference row's meeting columns as stored. */
export function storedConference(db: Db, conferenceId: string) {
  return db
    .selectFrom('conferences')
    .select(['phase', 'phase_changed_at', 'facilitator_stays_private', 'timer_ends_at'])
    .where('id', '=', conferenceId)
    .executeTakeFirstOrThrow()
}

/** The participant row's meeting columns as stored. */
export function storedParticipant(db: Db, participantId: string) {
  return db
    .selectFrom('participants')
    .select(['role', 'requires_admission', 'admission', 'removed_at', 'revoked_at'])
    .where('id', '=', participantId)
    .executeTakeFirstOrThrow()
}

/** Audit rows of some actions, oldest first, as stored (ids only). */
export function auditRows(db: Db, conferenceId: string, actions: string[]) {
  return db
    .selectFrom('audit_log')
    .select(['actor', 'action', 'detail'])
    .where('conference_id', '=', conferenceId)
    .where('action', 'in', actions)
    .orderBy('id', 'asc')
    .execute()
}
