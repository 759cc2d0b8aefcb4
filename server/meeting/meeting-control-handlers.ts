import type { ClientToServerEvents } from '../../lib/protocol/meeting'
import {
  EndPrivateTimePayload,
  LobbyDecisionPayload,
  RemoveParticipantPayload,
  SetConferenceSettingsPayload,
  SetPhasePayload,
  SetRolePayload,
} from '../../lib/protocol/meeting-control'
import type { MeetingControlDesk } from './meeting-control-desk'
import { onRequest, type RequestDeps } from './requests'
import type { MeetingSocket } from './types'

/** The events of running the meeting a client may send (added to the meeting server's list of known events). */
export const MEETING_CONTROL_EVENTS = [
  'phase:set',
  'private-time:end',
  'settings:set',
  'lobby:admit',
  'lobby:decline',
  'participant:remove',
  'participant:set-role',
] as const satisfies readonly (keyof ClientToServerEvents)[]

/**
 * Running the meeting, per socket in the meeting: parse, ask the gate (requests.ts), then hand to
 * the MeetingControlDesk, which applies the request and answers a refusal through the ack. Who is
 * asking comes from the handshake and the database, never from the payload.
 */
export function registerMeetingControlHandlers(socket: MeetingSocket, deps: RequestDeps, desk: MeetingControlDesk): void {
  onRequest(socket, deps, 'phase:set', SetPhasePayload, ({ phase }, asker) => desk.setPhase(asker, phase))
  onRequest(socket, deps, 'private-time:end', EndPrivateTimePayload, (_payload, asker) => desk.endPrivateTime(asker))
  onRequest(socket, deps, 'settings:set', SetConferenceSettingsPayload, ({ facilitatorStaysInPrivateTime }, asker) =>
    desk.setFacilitatorStays(asker, facilitatorStaysInPrivateTime),
  )
  onRequest(socket, deps, 'lobby:admit', LobbyDecisionPayload, ({ participantId }, asker) => desk.decide(asker, participantId, 'admitted'))
  onRequest(socket, deps, 'lobby:decline', LobbyDecisionPayload, ({ participantId }, asker) => desk.decide(asker, participantId, 'declined'))
  onRequest(socket, deps, 'participant:remove', RemoveParticipantPayload, ({ participantId, keepInvitation }, asker) =>
    desk.remove(asker, participantId, keepInvitation),
  )
  onRequest(socket, deps, 'participant:set-role', SetRolePayload, ({ participantId, role }, asker) => desk.setRole(asker, participantId, role))
}
