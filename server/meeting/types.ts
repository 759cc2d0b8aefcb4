import type { Server, Socket } from 'socket.io'
import type { AccessState } from '../../lib/conference/access-state'
import type { Device, ParticipantRole } from '../../lib/conference/model'
import type { ClientToServerEvents, ServerToClientEvents } from '../../lib/protocol/meeting'

/** What the handshake established about a socket; set by the auth middleware, kept current by AdmissionDesk. */
export interface MeetingSocketData {
  participantId: string
  conferenceId: string
  /** The participant's role now: a role change reaches live sockets at once (AdmissionDesk). */
  role: ParticipantRole
  /** Shown in `welcome`; kept in memory only, never logged. */
  displayName: string
  device: Device
  /**
   * Where this socket stands, as last told to it (`access:state`). Only `in` and `waiting-room`
   * sockets are in the conference's room and have the meeting's handlers; a `lobby` socket hears
   * nothing of the conference (server/meeting/admission-desk.ts).
   */
  access: AccessState
}

// socket.io's own server-to-server events are not used: what instances tell each other about a
// meeting goes through server/scale-out/ (Redis, each message size-limited and parsed with zod).
type InterServerEvents = Record<string, never>

export type MeetingIo = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, MeetingSocketData>
export type MeetingSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, MeetingSocketData>

/** The socket.io room of one conference: every roster broadcast goes there. */
export function conferenceRoom(conferenceId: string): string {
  return `conference:${conferenceId}`
}
