import { z } from 'zod'
import { ParticipantRole } from '../conference/model'
import { PlanWarning } from './readiness'
import { Plan } from './schema'

/** One participant's yes to a proposed plan. */
export const AgreedBy = z.object({
  participantId: z.string().min(1).max(64),
  name: z.string().max(80),
  role: ParticipantRole,
  at: z.iso.datetime(),
  /** Set when the facilitator recorded a spoken yes on this person's behalf: the facilitator's participant id. */
  recordedBy: z.string().min(1).max(64).nullable(),
})
export type AgreedBy = z.infer<typeof AgreedBy>

/**
 * The open warnings the facilitator confirmed knowingly when proposing (lib/plan/readiness.ts):
 * which ones, who confirmed them and when (the moment of proposing). An empty list: there were none.
 */
export const AcceptedWarnings = z.object({
  by: z.object({ participantId: z.string().min(1).max(64), name: z.string().max(80) }),
  at: z.iso.datetime(),
  warnings: z.array(PlanWarning).max(500),
})
export type AcceptedWarnings = z.infer<typeof AcceptedWarnings>

/** A frozen, agreed version of a conference's plan. Never changes once stored. */
export const PlanVersion = z.object({
  id: z.string(),
  conferenceId: z.string(),
  version: z.number().int().positive(),
  plan: Plan,
  agreedBy: z.array(AgreedBy),
  frozenBy: z.string(),
  frozenAt: z.iso.datetime(),
  /** Null for versions frozen before warnings were recorded (they still parse). */
  acceptedWarnings: AcceptedWarnings.nullable().default(null),
})
export type PlanVersion = z.infer<typeof PlanVersion>

/** A version without its plan, for lists. */
export type PlanVersionSummary = Omit<PlanVersion, 'plan'>
