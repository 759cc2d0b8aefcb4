import { z } from 'zod'
import { ConferencePhase, Device, ParticipantRole } from '../conference/model'

/**
 * The meeting plane (socket.io on /socket.io): one versioned protocol shared by server and
 * client. Every payload from the network is parsed with these schemas before it is used.
 */
export const MEETING_PROTOCOL_VERSION = 1

/** Sent by the client in the socket.io handshake (`auth`). */
export const MeetingHandshake = z.object({
  token: z.string().min(1).max(1024),
  conferenceId: z.string().min(1).max(64),
  device: Device,
  protocol: z.literal(MEETING_PROTOCOL_VERSION).optional(),
})
export type MeetingHandshake = z.infer<typeof MeetingHandshake>

export const RosterEntry = z.object({
  participantId: z.string(),
  displayName: z.string(),
  role: ParticipantRole,
  online: z.boolean(),
  /** The device of the most recent live connection; null when offline. */
  device: Device.nullable(),
})
export type RosterEntry = z.infer<typeof RosterEntry>

export const RosterMessage = z.object({
  conferenceId: z.string(),
  phase: ConferencePhase,
  entries: z.array(RosterEntry),
})
export type RosterMessage = z.infer<typeof RosterMessage>

export const WelcomeMessage = z.object({
  protocol: z.literal(MEETING_PROTOCOL_VERSION),
  participantId: z.string(),
  role: ParticipantRole,
  displayName: z.string(),
})
export type WelcomeMessage = z.infer<typeof WelcomeMessage>

/** A refusal the server reports instead of silently dropping a request. */
export const MeetingError = z.object({
  code: z.enum(['bad_request', 'forbidden', 'not_found', 'server_error']),
  message: z.string(),
})
export type MeetingError = z.infer<typeof MeetingError>

/** Client → server: the device changed (e.g. a tablet rotated into phone layout). */
export const SetDevicePayload = z.object({ device: Device })

/** The typed event maps used by socket.io's generics on both sides. */
export interface ServerToClientEvents {
  welcome: (message: WelcomeMessage) => void
  roster: (message: RosterMessage) => void
  error: (error: MeetingError) => void
  /** The server is closing this socket: why, as a close code (4401/4403). */
  closing: (info: { code: number; reason: string }) => void
}

export interface ClientToServerEvents {
  'device:set': (payload: unknown, ack?: (result: { ok: true } | { ok: false; error: MeetingError }) => void) => void
}

/** Where socket.io listens; the client and the server's upgrade routing both use it. */
export const MEETING_PATH = '/socket.io'

/**
 * The `data` of a refused handshake (the client's `connect_error`): 4401 unknown or expired
 * credential, 4403 valid credential that may not enter (revoked, other conference).
 * Other codes (1001 while the server shuts down) mean "try again later".
 */
export const MeetingRefusal = z.object({
  code: z.number().int(),
  reason: z.string().max(200),
})
export type MeetingRefusal = z.infer<typeof MeetingRefusal>

/** The payload of `closing`: the server is about to disconnect this socket, and why. */
export const ClosingMessage = z.object({
  code: z.number().int(),
  reason: z.string().max(200),
})
export type ClosingMessage = z.infer<typeof ClosingMessage>

/** The answer to every client → server request that carries an acknowledgement. */
export const AckResult = z.union([z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), error: MeetingError })])
export type AckResult = z.infer<typeof AckResult>
