import { createChannel, type Unsubscribe } from '../meeting/channel'
import {
  AckResult,
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

type TimedEmitter = {
  emit(event: PlanRequest, payload: unknown, ack: (err: Error | null, result?: unknown) => void): void
}

export interface AgreementClient {
  /** The open proposal (or null), on every change. Replays the latest to a new subscriber. */
  onProposal(cb: (message: ProposalMessage) => void): Unsubscribe
  /** A proposal ended without a version (withdrawn, or not stored). */
  onWithdrawn(cb: (message: PlanWithdrawnMessage) => void): Unsubscribe
  /** Everyone agreed: the version number and when. */
  onFrozen(cb: (message: PlanFrozenMessage) => void): Unsubscribe
  /** A server message could not be read (a protocol mismatch): shown as an error, never thrown. */
  onProtocolError(cb: (error: MeetingError) => void): Unsubscribe
  propose(): Promise<AckResult>
  confirm(proposalId: string): Promise<AckResult>
  confirmFor(proposalId: string, participantId: string): Promise<AckResult>
  withdraw(proposalId: string): Promise<AckResult>
  /** Stop listening (the socket itself belongs to whoever opened it). */
  dispose(): void
}

const ACK_TIMEOUT_MS = 15_000

const notConnected: AckResult = { ok: false, error: { code: 'server_error', message: 'not connected' } }

export function bindAgreement(socket: AgreementSocket): AgreementClient {
  const proposals = createChannel<ProposalMessage>({ replay: true })
  const withdrawn = createChannel<PlanWithdrawnMessage>({ replay: false })
  const frozen = createChannel<PlanFrozenMessage>({ replay: false })
  const protocolErrors = createChannel<MeetingError>({ replay: false })

  const unreadable = (what: string) => protocolErrors.emit({ code: 'server_error', message: `unreadable ${what} from server` })
  const listeners: [string, (raw: unknown) => void][] = [
    [
      'plan:proposal',
      (raw) => {
        const parsed = ProposalMessage.safeParse(raw)
        if (parsed.success) proposals.emit(parsed.data)
        else unreadable('proposal')
      },
    ],
    [
      'plan:withdrawn',
      (raw) => {
        const parsed = PlanWithdrawnMessage.safeParse(raw)
        if (parsed.success) withdrawn.emit(parsed.data)
        else unreadable('withdrawal')
      },
    ],
    [
      'plan:frozen',
      (raw) => {
        const parsed = PlanFrozenMessage.safeParse(raw)
        if (parsed.success) frozen.emit(parsed.data)
        else unreadable('frozen version')
      },
    ],
  ]
  for (const [event, listener] of listeners) socket.on(event, listener)

  const request = (event: PlanRequest, payload: object): Promise<AckResult> => {
    if (!socket.connected) return Promise.resolve(notConnected)
    return new Promise((resolve) => {
      // socket.io's types cannot decorate an optional ack with the timeout error; spell it out.
      const timed = socket.timeout(ACK_TIMEOUT_MS) as TimedEmitter
      timed.emit(event, payload, (err, result) => {
        if (err) return resolve({ ok: false, error: { code: 'server_error', message: 'no answer from server' } })
        const ack = AckResult.safeParse(result)
        resolve(ack.success ? ack.data : { ok: false, error: { code: 'server_error', message: 'unreadable answer from server' } })
      })
    })
  }

  return {
    onProposal: proposals.subscribe,
    onWithdrawn: withdrawn.subscribe,
    onFrozen: frozen.subscribe,
    onProtocolError: protocolErrors.subscribe,
    propose: () => request('plan:propose', {}),
    confirm: (proposalId) => request('plan:confirm', { proposalId }),
    confirmFor: (proposalId, participantId) => request('plan:confirm-for', { proposalId, participantId }),
    withdraw: (proposalId) => request('plan:withdraw', { proposalId }),
    dispose() {
      for (const [event, listener] of listeners) socket.off(event, listener)
    },
  }
}
