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
