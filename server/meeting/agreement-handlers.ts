import {
  ConfirmPlanForPayload,
  ConfirmPlanPayload,
  ProposePlanPayload,
  WithdrawPlanPayload,
  type ClientToServerEvents,
} from '../../lib/protocol/meeting'
import type { AgreementDesk } from './agreement-desk'
import { onRequest, type RequestDeps } from './requests'
import { conferenceRoom, type MeetingIo, type MeetingSocket } from './types'

/** The plan:* events a client may send (added to the meeting server's list of known events). */
export const AGREEMENT_EVENTS = ['plan:propose', 'plan:confirm', 'plan:confirm-for', 'plan:withdraw'] as const satisfies readonly (keyof ClientToServerEvents)[]

/**
 * Agreeing on the plan, per socket: parse, ask the gate (`plan.propose` to propose, withdraw or
 * record a spoken yes; `plan.confirm` to agree), then hand to the AgreementDesk, which applies the
 * rules (lib/conference/agreement.ts) and answers refusals with a clear error. Who is asking comes
 * from the handshake and the database, never from the payload. A socket that joins hears the open
 * proposal at once.
 */
export function registerAgreementHandlers(socket: MeetingSocket, io: MeetingIo, deps: RequestDeps, desk: AgreementDesk): void {
  const { conferenceId } = socket.data

  onRequest(socket, deps, 'plan:propose', ProposePlanPayload, (payload, asker) => desk.propose(asker, payload.acceptedWarnings))
  onRequest(socket, deps, 'plan:confirm', ConfirmPlanPayload, ({ proposalId }, asker) => desk.confirm(asker, proposalId))
  onRequest(socket, deps, 'plan:confirm-for', ConfirmPlanForPayload, ({ proposalId, participantId }, asker) =>
    desk.confirmFor(asker, proposalId, participantId),
  )
  onRequest(socket, deps, 'plan:withdraw', WithdrawPlanPayload, ({ proposalId }, asker) => desk.withdraw(asker, proposalId))

  socket.on('disconnect', () => {
    // socket.io has taken the socket out of its rooms by now.
    if ((io.sockets.adapter.rooms.get(conferenceRoom(conferenceId))?.size ?? 0) === 0) {
      desk.conferenceEmptied(conferenceId).catch((err: unknown) => deps.logger.warn({ err, conferenceId }, 'open proposal not dropped'))
    }
  })

  // The open proposal carries the plan: only for someone at the table now (not the waiting room).
  if (socket.data.access === 'in') {
    desk.current(conferenceId).then(
      (proposal) => {
        if (socket.connected && socket.data.access === 'in') socket.emit('plan:proposal', { conferenceId, proposal })
      },
      (err: unknown) => deps.logger.warn({ err, conferenceId }, 'open proposal not read'),
    )
  }
}
