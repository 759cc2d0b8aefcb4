import { acceptsExactly, type PlanReadiness, type PlanWarning } from '../plan/readiness'
import type { Plan } from '../plan/schema'
import type { AcceptedWarnings, AgreedBy } from '../plan/version'
import type { OpenProposal, ProposalRefusalDetails } from '../protocol/meeting'
import type { ConferencePhase, ParticipantRole } from './model'
import { isAgreementParty, type PolicyContext } from './policy'

/**
 * Agreeing on the plan, as pure state: no I/O, no clock, no ids of its own, so every rule is
 * unit-tested without a server (server/meeting/agreement-desk.ts does the I/O around it).
 *
 * Who may propose, withdraw, record a spoken yes or agree is not decided here: the meeting plane
 * asks the gate (lib/conference/gate.ts) before any of these functions runs (`plan.propose`,
 * `plan.confirm`). What is decided here is the state:
 * - A proposal fixes, at the moment it is made, who has to agree: everyone present then (with a
 *   live connection) whom the policy makes a party (`isAgreementParty`: who may agree in this
 *   phase). Not the facilitator, who leads the meeting and is recorded as the one who proposed and
 *   froze it; not an observer, who watches.
 * - That list does not change while the proposal is open. Someone who leaves meanwhile stays on
 *   it: they agree when they come back, or the facilitator records the yes they said aloud, or the
 *   facilitator withdraws and proposes again. Someone who arrives later is not on it and sees the
 *   proposal without being asked; proposing again includes them.
 * - Everyone agrees on their own device, once; agreeing twice changes nothing (the first time
 *   counts). A yes recorded by the facilitator carries `recordedBy`.
 * - When the last person on the list has agreed the proposal is complete and is frozen as the next
 *   version; nothing can be withdrawn or added while it is being frozen.
 * - One open proposal per conference at a time; every request names the proposal it means, so a
 *   late tap never agrees to a newer proposal than the one on the person's screen.
 * - Only a whole plan can be proposed (lib/plan/readiness.ts): one without an agreement or without
 *   an answer to the central question is refused (`not_proposable`, with the reasons). Its open
 *   warnings do not block, but the facilitator confirms each one knowingly: the request names the
 *   warnings they ticked, and when that is not exactly the plan's warnings as the server reads it
 *   (the board changed meanwhile) it is refused (`warnings_changed`, with the warnings now). The
 *   confirmed warnings, who confirmed them and when are kept with the proposal and frozen with it.
 */

export interface AgreementParty {
  participantId: string
  /** The name as shown at the table when proposed (kept for the frozen version's "who agreed"). */
  name: string
  role: ParticipantRole
}

/** Who makes a request; the gate has already said they may. */
export interface Actor {
  participantId: string
}

export interface Consent {
  at: string
  /** The facilitator's participant id for a spoken yes they recorded; null when agreed in person. */
  recordedBy: string | null
}

export interface Proposal {
  readonly id: string
  readonly proposedBy: string
  /** The facilitator's name as shown then (they confirmed the warnings). */
  readonly proposedByName: string
  readonly proposedAt: string
  /** The open warnings the facilitator confirmed knowingly when proposing. */
  readonly acceptedWarnings: readonly PlanWarning[]
  /** Who has to agree, fixed when proposed. */
  readonly parties: readonly AgreementParty[]
  /** Given consents, by participant id. */
  readonly consents: Readonly<Record<string, Consent>>
  /** `freezing`: everyone agreed and the version is being stored. */
  readonly status: 'open' | 'freezing'
}

export type RefusalCode = 'forbidden' | 'not_found' | 'conflict' | 'bad_request' | 'not_proposable' | 'warnings_changed'

export interface Refusal {
  code: RefusalCode
  /** For logs and developers (no names, no content); the UI chooses its own words by code. */
  message: string
  /** For `not_proposable` and `warnings_changed`: the reasons, or the warnings as they are now (ids and codes only). */
  details?: ProposalRefusalDetails
}

export type Step = { ok: true; proposal: Proposal; changed: boolean } | { ok: false; refusal: Refusal }

const refuse = (code: RefusalCode, message: string): { ok: false; refusal: Refusal } => ({ ok: false, refusal: { code, message } })

/** Why a proposal cannot be opened now, or null when it can (checked before reading the board). */
export function proposeRefusal(current: Proposal | null): Refusal | null {
  if (current) return { code: 'conflict', message: 'a proposal is already open; withdraw it first' }
  return null
}

/**
 * Open a proposal. `present` = everyone at the table with a live connection now, duplicates
 * allowed; `phase` and `context` are the conference's now, to choose the parties among them.
 */
export function propose(
  current: Proposal | null,
  input: {
    actor: Actor & { name: string }
    id: string
    at: string
    present: readonly AgreementParty[]
    phase: ConferencePhase
    context: PolicyContext
    /** The plan's readiness as derived from the board now. */
    readiness: PlanReadiness
    /** The ids of the warnings the facilitator confirmed. */
    acceptedWarnings: readonly string[]
  },
): Step {
  const refusal = proposeRefusal(current) ?? readinessRefusal(input.readiness, input.acceptedWarnings)
  if (refusal) return { ok: false, refusal }
  const seen = new Set<string>()
  const parties: AgreementParty[] = []
  for (const person of input.present) {
    if (!isAgreementParty(person.role, input.phase, input.context) || seen.has(person.participantId)) continue
    seen.add(person.participantId)
    parties.push({ participantId: person.participantId, name: person.name, role: person.role })
  }
  if (parties.length === 0) return refuse('bad_request', 'nobody is present who agrees to the plan')
  return {
    ok: true,
    changed: true,
    proposal: {
      id: input.id,
      proposedBy: input.actor.participantId,
      proposedByName: input.actor.name,
      proposedAt: input.at,
      acceptedWarnings: input.readiness.warnings,
      parties,
      consents: {},
      status: 'open',
    },
  }
}

/** Why this plan cannot be proposed with these confirmed warnings, or null when it can. */
export function readinessRefusal(readiness: PlanReadiness, acceptedWarnings: readonly string[]): Refusal | null {
  if (readiness.blocking.length > 0) {
    return { code: 'not_proposable', message: `the plan cannot be proposed: ${readiness.blocking.join(', ')}`, details: { blocking: readiness.blocking } }
  }
  if (!acceptsExactly(readiness.warnings, acceptedWarnings)) {
    return {
      code: 'warnings_changed',
      message: `the confirmed warnings are not the plan's ${readiness.warnings.length} open warnings`,
      details: { warnings: readiness.warnings },
    }
  }
  return null
}

/** The warnings the facilitator confirmed, who and when, as stored with the frozen version. */
export function acceptedWarningsOf(proposal: Proposal): AcceptedWarnings {
  return {
    by: { participantId: proposal.proposedBy, name: proposal.proposedByName },
    at: proposal.proposedAt,
    warnings: [...proposal.acceptedWarnings],
  }
}

/** The actor agrees for themselves (only someone on the list). */
export function confirm(current: Proposal | null, input: { actor: Actor; proposalId: string; at: string }): Step {
  const found = requireProposal(current, input.proposalId)
  if (!found.ok) return found
  const proposal = found.proposal
  if (!isParty(proposal, input.actor.participantId)) {
    return refuse('forbidden', 'only the people present when the plan was proposed agree to it')
  }
  return addConsent(proposal, input.actor.participantId, { at: input.at, recordedBy: null })
}

/** The actor (who leads the meeting) records the spoken yes of someone on the list. */
export function confirmFor(
  current: Proposal | null,
  input: { actor: Actor; proposalId: string; participantId: string; at: string },
): Step {
  const found = requireProposal(current, input.proposalId)
  if (!found.ok) return found
  const proposal = found.proposal
  if (!isParty(proposal, input.participantId)) return refuse('not_found', 'that person is not on this proposal')
  return addConsent(proposal, input.participantId, { at: input.at, recordedBy: input.actor.participantId })
}

/** The proposal is taken back. The result is "no proposal". */
export function withdraw(current: Proposal | null, input: { proposalId: string }): { ok: true } | { ok: false; refusal: Refusal } {
  const found = requireProposal(current, input.proposalId)
  if (!found.ok) return found
  if (found.proposal.status === 'freezing') return refuse('conflict', 'everyone agreed; the plan is being frozen')
  return { ok: true }
}

/** Everyone on the list has agreed. */
export function isComplete(proposal: Proposal): boolean {
  return proposal.parties.every((p) => proposal.consents[p.participantId] !== undefined)
}

/** Mark a complete proposal as being frozen; from now on it cannot be withdrawn. */
export function startFreezing(proposal: Proposal): Proposal {
  if (!isComplete(proposal)) throw new Error('only a complete proposal can be frozen')
  return { ...proposal, status: 'freezing' }
}

/** Who agreed and when, in list order, as stored with the frozen version. */
export function agreedByOf(proposal: Proposal): AgreedBy[] {
  const agreed: AgreedBy[] = []
  for (const party of proposal.parties) {
    const consent = proposal.consents[party.participantId]
    if (!consent) continue
    agreed.push({ participantId: party.participantId, name: party.name, role: party.role, at: consent.at, recordedBy: consent.recordedBy })
  }
  return agreed
}

/** The proposal as every client sees it (protocol: `plan:proposal`). */
export function toOpenProposal(proposal: Proposal, plan: Plan): OpenProposal {
  return {
    id: proposal.id,
    proposedBy: proposal.proposedBy,
    proposedAt: proposal.proposedAt,
    plan,
    acceptedWarnings: [...proposal.acceptedWarnings],
    parties: proposal.parties.map((party) => {
      const consent = proposal.consents[party.participantId]
      return {
        participantId: party.participantId,
        name: party.name,
        role: party.role,
        agreedAt: consent?.at ?? null,
        recordedBy: consent?.recordedBy ?? null,
      }
    }),
  }
}

function requireProposal(current: Proposal | null, proposalId: string): { ok: true; proposal: Proposal } | { ok: false; refusal: Refusal } {
  if (!current) return refuse('not_found', 'there is no open proposal')
  if (current.id !== proposalId) return refuse('not_found', 'that proposal is no longer open')
  return { ok: true, proposal: current }
}

function isParty(proposal: Proposal, participantId: string): boolean {
  return proposal.parties.some((p) => p.participantId === participantId)
}

function addConsent(proposal: Proposal, participantId: string, consent: Consent): Step {
  // Agreeing twice (or while the version is being stored, when everyone already has) changes nothing.
  if (proposal.consents[participantId] !== undefined) return { ok: true, proposal, changed: false }
  return { ok: true, changed: true, proposal: { ...proposal, consents: { ...proposal.consents, [participantId]: consent } } }
}
