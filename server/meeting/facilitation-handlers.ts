import {
  ClearHandsPayload,
  FollowStopPayload,
  FollowViewportPayload,
  OwnHandPayload,
  SetSpotlightPayload,
  SetTimerPayload,
} from '../../lib/protocol/facilitation'
import type { ClientToServerEvents } from '../../lib/protocol/meeting'
import type { FacilitationDesk } from './facilitation-desk'
import { onRequest, type RequestDeps } from './requests'
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
 * Raised hands, follow me, the phase timer and spotlight, per socket: parse, ask the gate
 * (requests.ts), then hand to the FacilitationDesk, which applies the request and answers
 * refusals. Who is asking comes from the handshake and the database, never from the payload.
 * Call after the socket joined its conference's room: it is told at once where everything stands.
 */
export function registerFacilitationHandlers(socket: MeetingSocket, deps: RequestDeps, desk: FacilitationDesk): void {
  const { logger } = deps
  onRequest(socket, deps, 'hand:raise', OwnHandPayload, (_payload, asker) => desk.raiseHand(asker))
  onRequest(socket, deps, 'hand:lower', OwnHandPayload, (_payload, asker) => desk.lowerHand(asker))
  onRequest(socket, deps, 'hand:clear', ClearHandsPayload, ({ participantId }, asker) => desk.clearHands(asker, participantId))
  onRequest(socket, deps, 'follow:start', FollowViewportPayload, ({ viewport }, asker) => desk.startFollow(socket, asker, viewport))
  onRequest(socket, deps, 'follow:viewport', FollowViewportPayload, ({ viewport }, asker) => desk.updateFollow(socket, asker, viewport))
  onRequest(socket, deps, 'follow:stop', FollowStopPayload, (_payload, asker) => desk.stopFollowing(asker))
  onRequest(socket, deps, 'timer:set', SetTimerPayload, ({ minutes }, asker) => desk.setTimer(asker, minutes))
  onRequest(socket, deps, 'spotlight:set', SetSpotlightPayload, ({ region }, asker) => desk.setSpotlight(asker, region))

  socket.on('disconnect', () => {
    desk.leave(socket).catch((err: unknown) => logger.error({ err, conferenceId: socket.data.conferenceId }, 'facilitation leave failed'))
  })
  desk.join(socket).catch((err: unknown) => logger.error({ err, conferenceId: socket.data.conferenceId }, 'facilitation join failed'))
}
