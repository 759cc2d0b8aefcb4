import { z } from 'zod'
import { ConferencePhase, Device, ParticipantRole } from '../conference/model'
import { AcceptedWarningIds, BlockingReasonSchema, PlanWarning } from '../plan/readiness'
import { Plan } from '../plan/schema'
import { AgreedBy } from '../plan/version'
import type { FacilitationClientEvents, FacilitationServerEvents } from './facilitation'
import type { MeetingControlClientEvents, MeetingControlServerEvents } from './meeting-control'

/**
 * The meeting plane (socket.io on /socket.io): one versioned protocol shared by server and
 * client. Every payload from the network is parsed with these schemas before it is used.
 */
export const MEETING_PROTOCOL_VERSION = 1

/** Sent by the client in the socket.io handshake (`auth`). */
export const MeetingHandshake = z.object({
  token: z.string().min(1).max(1024),
  conferenceId: z.string().min(1).max(64),
  device: Device,
  protocol: z.literal(MEETING_PROTOCOL_VERSION).optional(),
})
export type MeetingHandshake = z.infer<typeof MeetingHandshake>

export const RosterEntry = z.object({
  participantId: z.string(),
  displayName: z.string(),
  role: ParticipantRole,
  online: z.boolean(),
  /** The device of the most recent live connection; null when offline. */
  device: Device.nullable(),
})
export type RosterEntry = z.infer<typeof RosterEntry>

export const RosterMessage = z.object({
  conferenceId: z.string(),
  phase: ConferencePhase,
  entries: z.array(RosterEntry),
})
export type RosterMessage = z.infer<typeof RosterMessage>

export const WelcomeMessage = z.object({
  protocol: z.literal(MEETING_PROTOCOL_VERSION),
  participantId: z.string(),
  role: ParticipantRole,
  displayName: z.string(),
})
export type WelcomeMessage = z.infer<typeof WelcomeMessage>

/**
 * What a refused `plan:propose` says about the plan (lib/plan/readiness.ts): why it cannot be
 * proposed (`not_proposable`), or the warnings as they are now (`warnings_changed`).
 */
export const ProposalRefusalDetails = z.object({
  blocking: z.array(BlockingReasonSchema).max(10).optional(),
  warnings: z.array(PlanWarning).max(500).optional(),
})
export type ProposalRefusalDetails = z.infer<typeof ProposalRefusalDetails>

/** A refusal the server reports instead of silently dropping a request. */
export const MeetingError = z.object({
  /**
   * `conflict`: the request clashes with the state it met (a proposal already open, one being frozen).
   * `not_proposable`: the plan has no agreement or does not answer the central question (`details.blocking`).
   * `warnings_changed`: the warnings the facilitator confirmed are not the plan's warnings now (`details.warnings`).
   */
  code: z.enum(['bad_request', 'forbidden', 'not_found', 'conflict', 'not_proposable', 'warnings_changed', 'server_error']),
  message: z.string(),
  details: ProposalRefusalDetails.optional(),
})
export type MeetingError = z.infer<typeof MeetingError>

/** Client → server: the device changed (e.g. a tablet rotated into phone layout). */
export const SetDevicePayload = z.object({ device: Device })

// ---- agreeing on the plan (plan:*) ----------------------------------------------------------
// The facilitator proposes the plan as it stands; everyone present at that moment agrees on their
// own device (or the facilitator records a spoken yes for them); then the server freezes it as the
// next version. See lib/conference/agreement.ts for the rules.

export const ProposalId = z.string().min(1).max(64)

/** Someone who has to agree to an open proposal, and whether they did. */
export const ProposalParty = z.object({
  participantId: z.string().max(64),
  name: z.string().max(80),
  role: ParticipantRole,
  /** When they agreed; null while they still have to. */
  agreedAt: z.iso.datetime().nullable(),
  /** The facilitator's participant id when the facilitator recorded a spoken yes for this person. */
  recordedBy: z.string().max(64).nullable(),
})
export type ProposalParty = z.infer<typeof ProposalParty>

export const OpenProposal = z.object({
  id: ProposalId,
  /** The facilitator's participant id. */
  proposedBy: z.string().max(64),
  proposedAt: z.iso.datetime(),
  /** The plan exactly as it will be frozen: the board at the moment of proposing. */
  plan: Plan,
  /** Everyone who was present when it was proposed (the facilitator aside), in roster order. */
  parties: z.array(ProposalParty),
  /** The open warnings the facilitator confirmed knowingly when proposing. */
  acceptedWarnings: z.array(PlanWarning).max(500).default([]),
})
export type OpenProposal = z.infer<typeof OpenProposal>

/** Server → client, on every change and to every socket that joins: the open proposal, or none. */
export const ProposalMessage = z.object({
  conferenceId: z.string(),
  proposal: OpenProposal.nullable(),
})
export type ProposalMessage = z.infer<typeof ProposalMessage>

/** Server → client: a proposal ended without a version (the facilitator withdrew it, or storing it failed). */
export const PlanWithdrawnMessage = z.object({
  conferenceId: z.string(),
  proposalId: ProposalId,
  reason: z.enum(['withdrawn', 'not-saved']),
})
export type PlanWithdrawnMessage = z.infer<typeof PlanWithdrawnMessage>

/** Server → client: everyone agreed and the plan is stored as `version`; it never changes again. */
export const PlanFrozenMessage = z.object({
  conferenceId: z.string(),
  proposalId: ProposalId,
  version: z.number().int().positive(),
  frozenAt: z.iso.datetime(),
  agreedBy: z.array(AgreedBy),
})
export type PlanFrozenMessage = z.infer<typeof PlanFrozenMessage>

/**
 * Client → server `plan:propose` (facilitator only): the server reads the board itself; the
 * request carries only the ids of the open warnings the facilitator confirmed (PlanWarning.id).
 * They must be exactly the plan's warnings when the server reads it, or it answers `warnings_changed`.
 */
export const ProposePlanPayload = z.strictObject({ acceptedWarnings: AcceptedWarningIds.default([]) })
/** Client → server `plan:confirm`: I agree to this proposal (the id guards against a newer one). */
export const ConfirmPlanPayload = z.strictObject({ proposalId: ProposalId })
/** Client → server `plan:confirm-for` (facilitator only): record the spoken yes of someone present. */
export const ConfirmPlanForPayload = z.strictObject({ proposalId: ProposalId, participantId: z.string().min(1).max(64) })
/** Client → server `plan:withdraw` (facilitator only). */
export const WithdrawPlanPayload = z.strictObject({ proposalId: ProposalId })

type AckCallback = (result: { ok: true } | { ok: false; error: MeetingError }) => void

/** The typed event maps used by socket.io's generics on both sides (meeting control and facilitation in their own files). */
export interface ServerToClientEvents extends MeetingControlServerEvents, FacilitationServerEvents {
  welcome: (message: WelcomeMessage) => void
  roster: (message: RosterMessage) => void
  error: (error: MeetingError) => void
  /** The server is closing this socket: why, as a close code (4401/4403). */
  closing: (info: { code: number; reason: string }) => void
  'plan:proposal': (message: ProposalMessage) => void
  'plan:withdrawn': (message: PlanWithdrawnMessage) => void
  'plan:frozen': (message: PlanFrozenMessage) => void
}

export interface ClientToServerEvents extends MeetingControlClientEvents, FacilitationClientEvents {
  'device:set': (payload: unknown, ack?: AckCallback) => void
  'plan:propose': (payload: unknown, ack?: AckCallback) => void
  'plan:confirm': (payload: unknown, ack?: AckCallback) => void
  'plan:confirm-for': (payload: unknown, ack?: AckCallback) => void
  'plan:withdraw': (payload: unknown, ack?: AckCallback) => void
}

/** Where socket.io listens; the client and the server's upgrade routing both use it. */
export const MEETING_PATH = '/socket.io'

/**
 * The `data` of a refused handshake (the client's `connect_error`): 4401 unknown or expired
 * credential, 4403 valid credential that may not enter (revoked, other conference).
 * Other codes (1001 while the server shuts down) mean "try again later".
 */
export const MeetingRefusal = z.object({
  code: z.number().int(),
  reason: z.string().max(200),
})
export type MeetingRefusal = z.infer<typeof MeetingRefusal>

/** The payload of `closing`: the server is about to disconnect this socket, and why. */
export const ClosingMessage = z.object({
  code: z.number().int(),
  reason: z.string().max(200),
})
export type ClosingMessage = z.infer<typeof ClosingMessage>

/** The answer to every client → server request that carries an acknowledgement. */
export const AckResult = z.union([z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), error: MeetingError })])
export type AckResult = z.infer<typeof AckResult>
