import type { Logger } from '../../lib/log/logger'
import type { ClientToServerEvents } from '../../lib/protocol/meeting'
import {
  EndPrivateTimePayload,
  LobbyDecisionPayload,
  RemoveParticipantPayload,
  SetConferenceSettingsPayload,
  SetPhasePayload,
  SetRolePayload,
} from '../../lib/protocol/meeting-control'
import { onClientEvent } from './client-events'
import type { MeetingControlDesk } from './meeting-control-desk'
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
 * Running the meeting, per socket in the meeting: parse, then hand to the MeetingControlDesk,
 * which asks the policy and answers a refusal through the ack. Who is asking comes from the
 * handshake (and the database), never from the payload.
 */
export function registerMeetingControlHandlers(socket: MeetingSocket, logger: Logger, desk: MeetingControlDesk): void {
  onClientEvent(socket, logger, 'phase:set', SetPhasePayload, ({ phase }) => desk.setPhase(socket, phase))
  onClientEvent(socket, logger, 'private-time:end', EndPrivateTimePayload, () => desk.endPrivateTime(socket))
  onClientEvent(socket, logger, 'settings:set', SetConferenceSettingsPayload, ({ facilitatorStaysInPrivateTime }) =>
    desk.setFacilitatorStays(socket, facilitatorStaysInPrivateTime),
  )
  onClientEvent(socket, logger, 'lobby:admit', LobbyDecisionPayload, ({ participantId }) => desk.decide(socket, participantId, 'admitted'))
  onClientEvent(socket, logger, 'lobby:decline', LobbyDecisionPayload, ({ participantId }) => desk.decide(socket, participantId, 'declined'))
  onClientEvent(socket, logger, 'participant:remove', RemoveParticipantPayload, ({ participantId, keepInvitation }) =>
    desk.remove(socket, participantId, keepInvitation),
  )
  onClientEvent(socket, logger, 'participant:set-role', SetRolePayload, ({ participantId, role }) => desk.setRole(socket, participantId, role))
}
