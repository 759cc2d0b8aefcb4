import { z } from 'zod'
import { ParticipantRole } from '../conference/model'
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

/** A frozen, agreed version of a conference's plan. Never changes once stored. */
export const PlanVersion = z.object({
  id: z.string(),
  conferenceId: z.string(),
  version: z.number().int().positive(),
  plan: Plan,
  agreedBy: z.array(AgreedBy),
  frozenBy: z.string(),
  frozenAt: z.iso.datetime(),
})
export type PlanVersion = z.infer<typeof PlanVersion>

/** A version without its plan, for lists. */
export type PlanVersionSummary = Omit<PlanVersion, 'plan'>
