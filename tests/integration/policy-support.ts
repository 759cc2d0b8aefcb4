import type { Socket } from 'socket.io-client'
import type { z } from 'zod'
import type { Device } from '../../lib/conference/model'
import { FollowMessage, HandsMessage, SpotlightMessage, TimerMessage } from '../../lib/protocol/facilitation'
import {
  AckResult,
  ClosingMessage,
  MeetingRefusal,
  PlanFrozenMessage,
  PlanWithdrawnMessage,
  ProposalMessage,
  RosterMessage,
  WelcomeMessage,
  type ClientToServerEvents,
} from '../../lib/protocol/meeting'
import { AccessStateMessage, ConferenceStateMessage, LobbyMessage, PrivateTimeEndedMessage } from '../../lib/protocol/meeting-control'
import { waitFor, type TestServer } from '../helpers/test-server'
import { rawSocket } from './meeting-support'

/**
 * A bare socket.io client (no reconnection) for the policy tests that records, parsed with the
 * protocol's schemas, every message the meeting plane sends it, from the first one on (the
 * listeners are in place before the handshake): what the person would see, to tell "changed"
 * from "changed nothing".
 */

const serverMessages = {
  welcome: WelcomeMessage,
  'access:state': AccessStateMessage,
  'conference:state': ConferenceStateMessage,
  roster: RosterMessage,
  lobby: LobbyMessage,
  'private-time:ended': PrivateTimeEndedMessage,
  hands: HandsMessage,
  follow: FollowMessage,
  spotlight: SpotlightMessage,
  timer: TimerMessage,
  'plan:proposal': ProposalMessage,
  'plan:withdrawn': PlanWithdrawnMessage,
  'plan:frozen': PlanFrozenMessage,
  closing: ClosingMessage,
} as const

type Heard = { [K in keyof typeof serverMessages]: z.infer<(typeof serverMessages)[K]>[] }
export type ServerMessageName = keyof typeof serverMessages
export type RequestName = keyof ClientToServerEvents

export interface MeetingPerson {
  socket: Socket
  /** Every event name heard, in order (also `error` and unknown ones). */
  names: string[]
  heard: Heard
  last<K extends ServerMessageName>(event: K): Heard[K][number] | undefined
  request(event: RequestName, payload: unknown): Promise<AckResult>
  close(): void
}

function recorder(socket: Socket): MeetingPerson {
  const heard = Object.fromEntries(Object.keys(serverMessages).map((name) => [name, []])) as unknown as Heard
  const person: MeetingPerson = {
    socket,
    names: [],
    heard,
    last: (event) => heard[event].at(-1),
    async request(event, payload) {
      const answer: unknown = await socket.timeout(10_000).emitWithAck(event as never, payload)
      return AckResult.parse(answer)
    },
    close: () => void socket.disconnect(),
  }
  socket.onAny((event: string, message: unknown) => {
    person.names.push(event)
    if (event in serverMessages) {
      const name = event as ServerMessageName
      ;(heard[name] as unknown[]).push(serverMessages[name].parse(message))
    }
  })
  return person
}

export type Arrival = { connected: true; person: MeetingPerson } | { connected: false; refusal: MeetingRefusal }

/** Knock on the meeting plane: connected (and told where one stands), or refused in the handshake. */
export async function knock(ts: TestServer, conferenceId: string, token: string, device: Device = 'desktop'): Promise<Arrival> {
  const socket = rawSocket(ts, { token, conferenceId, device })
  const person = recorder(socket)
  const outcome = await new Promise<{ ok: true } | { ok: false; data: unknown }>((resolve) => {
    socket.once('connect', () => resolve({ ok: true }))
    socket.once('connect_error', (err: Error & { data?: unknown }) => resolve({ ok: false, data: err.data }))
  })
  if (!outcome.ok) {
    socket.disconnect()
    return { connected: false, refusal: MeetingRefusal.parse(outcome.data) }
  }
  await waitFor(() => person.heard['access:state'].length > 0, { message: 'the first access state' })
  return { connected: true, person }
}

/** Join the meeting; fails the test when refused. */
export async function join(ts: TestServer, conferenceId: string, token: string): Promise<MeetingPerson> {
  const arrival = await knock(ts, conferenceId, token)
  if (!arrival.connected) throw new Error(`refused: ${arrival.refusal.code} ${arrival.refusal.reason}`)
  return arrival.person
}

/** The outcome of a request as the table writes it: ok, or the refusal's code. */
export function outcomeOf(ack: AckResult): string {
  return ack.ok ? 'ok' : ack.error.code
}
