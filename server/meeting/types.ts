import type { Server, Socket } from 'socket.io'
import type { Device, ParticipantRole } from '../../lib/conference/model'
import type { ClientToServerEvents, ServerToClientEvents } from '../../lib/protocol/meeting'

/** What the handshake established about a socket; set once by the auth middleware. */
export interface MeetingSocketData {
  participantId: string
  conferenceId: string
  role: ParticipantRole
  /** Shown in `welcome`; kept in memory only, never logged. */
  displayName: string
  device: Device
}

// No events travel between server instances yet (the Redis adapter comes with scale-out).
type InterServerEvents = Record<string, never>

export type MeetingIo = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, MeetingSocketData>
export type MeetingSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, MeetingSocketData>

/** The socket.io room of one conference: every roster broadcast goes there. */
export function conferenceRoom(conferenceId: string): string {
  return `conference:${conferenceId}`
}
