import type { Logger } from '../../lib/log/logger'
import {
  ClearHandsPayload,
  FollowStopPayload,
  FollowViewportPayload,
  OwnHandPayload,
  SetSpotlightPayload,
  SetTimerPayload,
} from '../../lib/protocol/facilitation'
import type { ClientToServerEvents } from '../../lib/protocol/meeting'
import { onClientEvent } from './client-events'
import type { FacilitationDesk } from './facilitation-desk'
import type { MeetingSocket } from './types'

/** The facilitation events a client may send (added to the meeting server's list of known events). */
export const FACILITATION_EVENTS = [
  'hand:raise',
  'hand:lower',
  'hand:clear',
  'follow:start',
  'follow:viewport',
  'follow:stop',
  'timer:set',
  'spotlight:set',
] as const satisfies readonly (keyof ClientToServerEvents)[]

/**
 * Raised hands, follow me, the phase timer and spotlight, per socket: parse, then hand to the
 * FacilitationDesk, which asks the policy and answers refusals. Who is asking comes from the
 * handshake, never from the payload. Call after the socket joined its conference's room: it is
 * told at once where everything stands.
 */
export function registerFacilitationHandlers(socket: MeetingSocket, logger: Logger, desk: FacilitationDesk): void {
  onClientEvent(socket, logger, 'hand:raise', OwnHandPayload, () => desk.raiseHand(socket))
  onClientEvent(socket, logger, 'hand:lower', OwnHandPayload, () => desk.lowerHand(socket))
  onClientEvent(socket, logger, 'hand:clear', ClearHandsPayload, ({ participantId }) => desk.clearHands(socket, participantId))
  onClientEvent(socket, logger, 'follow:start', FollowViewportPayload, ({ viewport }) => desk.startFollow(socket, viewport))
  onClientEvent(socket, logger, 'follow:viewport', FollowViewportPayload, ({ viewport }) => desk.updateFollow(socket, viewport))
  onClientEvent(socket, logger, 'follow:stop', FollowStopPayload, () => desk.stopFollowing(socket))
  onClientEvent(socket, logger, 'timer:set', SetTimerPayload, ({ minutes }) => desk.setTimer(socket, minutes))
  onClientEvent(socket, logger, 'spotlight:set', SetSpotlightPayload, ({ region }) => desk.setSpotlight(socket, region))

  socket.on('disconnect', () => {
    desk.leave(socket).catch((err: unknown) => logger.error({ err, conferenceId: socket.data.conferenceId }, 'facilitation leave failed'))
  })
  desk.join(socket).catch((err: unknown) => logger.error({ err, conferenceId: socket.data.conferenceId }, 'facilitation join failed'))
}
