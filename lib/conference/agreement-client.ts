import { createChannel, type Unsubscribe } from '../meeting/channel'
import { parsedListener, requestWithAck, unreadableMessage } from '../meeting/socket-messages'
import {
  type AckResult,
  PlanFrozenMessage,
  PlanWithdrawnMessage,
  ProposalMessage,
  type ClientToServerEvents,
  type MeetingError,
} from '../protocol/meeting'

/**
 * The client side of agreeing on the plan (plan:* on the meeting plane), over any connected
 * socket.io client socket: every server message is parsed with the protocol's zod schemas before
 * anyone sees it, every request is answered (an ack, or a timeout). Framework-free, so the
 * browser's hook and the integration tests use the same code.
 */

/** The part of a socket.io client socket this needs. */
export interface AgreementSocket {
  on(event: string, listener: (raw: unknown) => void): unknown
  off(event: string, listener: (raw: unknown) => void): unknown
  readonly connected: boolean
  timeout(ms: number): unknown
}

type PlanRequest = Extract<keyof ClientToServerEvents, `plan:${string}`>

export interface AgreementClient {
  /** The open proposal (or null), on every change. Replays the latest to a new subscriber. */
  onProposal(cb: (message: ProposalMessage) => void): Unsubscribe
  /** A proposal ended without a version (withdrawn, or not stored). */
  onWithdrawn(cb: (message: PlanWithdrawnMessage) => void): Unsubscribe
  /** Everyone agreed: the version number and when. */
  onFrozen(cb: (message: PlanFrozenMessage) => void): Unsubscribe
  /** A server message could not be read (a protocol mismatch): shown as an error, never thrown. */
  onProtocolError(cb: (error: MeetingError) => void): Unsubscribe
  /** Propose the plan as it stands, confirming these open warnings (PlanWarning ids; none by default). */
  propose(acceptedWarnings?: readonly string[]): Promise<AckResult>
  confirm(proposalId: string): Promise<AckResult>
  confirmFor(proposalId: string, participantId: string): Promise<AckResult>
  withdraw(proposalId: string): Promise<AckResult>
  /** Stop listening (the socket itself belongs to whoever opened it). */
  dispose(): void
}

const ACK_TIMEOUT_MS = 15_000

export function bindAgreement(socket: AgreementSocket): AgreementClient {
  const proposals = createChannel<ProposalMessage>({ replay: true })
  const withdrawn = createChannel<PlanWithdrawnMessage>({ replay: false })
  const frozen = createChannel<PlanFrozenMessage>({ replay: false })
  const protocolErrors = createChannel<MeetingError>({ replay: false })

  const unreadable = (what: string) => () => protocolErrors.emit(unreadableMessage(what))
  const listeners: [string, (raw: unknown) => void][] = [
    ['plan:proposal', parsedListener(ProposalMessage, proposals.emit, unreadable('proposal'))],
    ['plan:withdrawn', parsedListener(PlanWithdrawnMessage, withdrawn.emit, unreadable('withdrawal'))],
    ['plan:frozen', parsedListener(PlanFrozenMessage, frozen.emit, unreadable('frozen version'))],
  ]
  for (const [event, listener] of listeners) socket.on(event, listener)

  const request = (event: PlanRequest, payload: object) => requestWithAck(socket, event, payload, ACK_TIMEOUT_MS)

  return {
    onProposal: proposals.subscribe,
    onWithdrawn: withdrawn.subscribe,
    onFrozen: frozen.subscribe,
    onProtocolError: protocolErrors.subscribe,
    propose: (acceptedWarnings = []) => request('plan:propose', { acceptedWarnings: [...acceptedWarnings] }),
    confirm: (proposalId) => request('plan:confirm', { proposalId }),
    confirmFor: (proposalId, participantId) => request('plan:confirm-for', { proposalId, participantId }),
    withdraw: (proposalId) => request('plan:withdraw', { proposalId }),
    dispose() {
      for (const [event, listener] of listeners) socket.off(event, listener)
    },
  }
}
