import type { Logger } from '../../lib/log/logger'
import {
  ConfirmPlanForPayload,
  ConfirmPlanPayload,
  ProposePlanPayload,
  WithdrawPlanPayload,
  type ClientToServerEvents,
} from '../../lib/protocol/meeting'
import type { AgreementDesk } from './agreement-desk'
import { onClientEvent } from './client-events'
import { conferenceRoom, type MeetingIo, type MeetingSocket } from './types'

/** The plan:* events a client may send (added to the meeting server's list of known events). */
export const AGREEMENT_EVENTS = ['plan:propose', 'plan:confirm', 'plan:confirm-for', 'plan:withdraw'] as const satisfies readonly (keyof ClientToServerEvents)[]

/**
 * Agreeing on the plan, per socket: parse, then hand to the AgreementDesk, which applies the rules
 * (lib/conference/agreement.ts) and answers refusals with a clear error. Who is asking comes from
 * the handshake, never from the payload. A socket that joins hears the open proposal at once.
 */
export function registerAgreementHandlers(socket: MeetingSocket, io: MeetingIo, logger: Logger, desk: AgreementDesk): void {
  const { conferenceId } = socket.data
  const actor = () => ({ participantId: socket.data.participantId, role: socket.data.role })

  onClientEvent(socket, logger, 'plan:propose', ProposePlanPayload, () => desk.propose(conferenceId, actor()))
  onClientEvent(socket, logger, 'plan:confirm', ConfirmPlanPayload, ({ proposalId }) => desk.confirm(conferenceId, actor(), proposalId))
  onClientEvent(socket, logger, 'plan:confirm-for', ConfirmPlanForPayload, ({ proposalId, participantId }) =>
    desk.confirmFor(conferenceId, actor(), proposalId, participantId),
  )
  onClientEvent(socket, logger, 'plan:withdraw', WithdrawPlanPayload, ({ proposalId }) => desk.withdraw(conferenceId, actor(), proposalId))

  socket.on('disconnect', () => {
    // socket.io has taken the socket out of its rooms by now.
    if ((io.sockets.adapter.rooms.get(conferenceRoom(conferenceId))?.size ?? 0) === 0) desk.conferenceEmptied(conferenceId)
  })

  // The open proposal carries the plan: only for someone at the table now (not the waiting room).
  if (socket.data.access === 'in') socket.emit('plan:proposal', { conferenceId, proposal: desk.current(conferenceId) })
}
