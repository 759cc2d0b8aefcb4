import { z } from 'zod'
import { agreementStatuses, personGroups, rings, tieKinds } from '../board/items'

/**
 * The plan as data: what lib/plan/derive makes of a board document, what the plan view shows,
 * what a frozen version stores and what every export reads. Versioned: a stored or exported plan
 * says which shape it has, and a change to this schema bumps PLAN_SCHEMA_VERSION.
 *
 * Ids are the board's shape ids, so the plan view can point at the item on the board. Lists are
 * in reading order on the board (top to bottom, then left to right).
 */
export const PLAN_SCHEMA_VERSION = 1

const Id = z.string().min(1).max(80)
const Text = z.string().max(1_000)

/** A reference to a person on the board; `name` is null when that person was deleted. */
export const PersonRef = z.object({ id: Id, name: z.string().max(80).nullable() })
export type PersonRef = z.infer<typeof PersonRef>

export const PlanTie = z.object({
  /** The other person's id, or 'family' for a tie to the family in the centre. */
  to: z.union([Id, z.literal('family')]),
  kind: z.enum(tieKinds),
})

export const PlanPerson = z.object({
  id: Id,
  name: z.string().max(80),
  relation: z.string().max(80),
  ring: z.enum(rings),
  group: z.enum(personGroups),
  support: z.array(z.string().max(40)),
  note: z.string().max(500),
  ties: z.array(PlanTie),
})
export type PlanPerson = z.infer<typeof PlanPerson>

export const PlanText = z.object({ id: Id, text: Text })
export type PlanText = z.infer<typeof PlanText>

export const PlanNextStep = PlanText.extend({ answers: z.array(Id) })

export const PlanDanger = z.object({ id: Id, danger: Text, goal: Text })

export const PlanScale = z.object({
  id: Id,
  question: z.string().max(200),
  marks: z.array(z.object({ participantId: z.string().max(64), name: z.string().max(80), value: z.number().int().min(0).max(10) })),
})
export type PlanScale = z.infer<typeof PlanScale>

export const PlanAgreement = z.object({
  id: Id,
  what: Text,
  owners: z.array(PersonRef),
  when: z.string().max(120),
  backup: PersonRef.nullable(),
  howWeKnow: Text,
  /** Ids of the worries, danger statements, needs or bottom lines it answers (possibly deleted ones). */
  answers: z.array(Id),
  status: z.enum(agreementStatuses),
})
export type PlanAgreement = z.infer<typeof PlanAgreement>

export const PlanSafetyItem = z.object({
  id: Id,
  signal: Text,
  action: Text,
  contactName: z.string().max(80),
  contactPhone: z.string().max(40),
  safePlace: z.string().max(200),
})
export type PlanSafetyItem = z.infer<typeof PlanSafetyItem>

/** Who ticked a bottom line off: a professional, by participant id and the name shown then. */
export const TickedBy = z.object({ participantId: z.string().min(1).max(64), name: z.string().max(80) })
export type TickedBy = z.infer<typeof TickedBy>

/**
 * A bottom line (ondergrens): a condition any plan must meet, set by the professionals. The plan
 * says which agreements answer it and whether a professional ticked it off in plan en afspraken.
 */
export const PlanBottomLine = z.object({
  id: Id,
  text: Text,
  /** A professional ticked it off: the plan meets this condition. */
  ticked: z.boolean(),
  /** Who ticked it off; null while it is open. */
  tickedBy: TickedBy.nullable(),
  /** When (ISO 8601); null while it is open, or when the board holds no readable time. */
  tickedAt: z.iso.datetime().nullable(),
  /** Ids of the agreements whose `answers` include this bottom line, in the plan's order. */
  answeredBy: z.array(Id),
  /**
   * Why a professional ticked it off although no agreement answers it; null otherwise. Added
   * without a schema version bump: plans frozen before have none.
   */
  tickReason: z.string().max(500).nullable().optional(),
})
export type PlanBottomLine = z.infer<typeof PlanBottomLine>

export const ChildCard = z.object({ id: Id, text: z.string().max(200), emoji: z.string().max(16) })

export const Plan = z.object({
  schemaVersion: z.literal(PLAN_SCHEMA_VERSION),
  centralQuestion: z.array(PlanText),
  /**
   * The professionals' bottom lines. Added after version 1 of this schema without a version bump:
   * a plan frozen before it has none, and reads as an empty list.
   */
  bottomLines: z.array(PlanBottomLine).default([]),
  people: z.array(PlanPerson),
  goingWell: z.array(PlanText),
  worries: z.array(PlanText),
  nextSteps: z.array(PlanNextStep),
  dangers: z.array(PlanDanger),
  scales: z.array(PlanScale),
  agreements: z.array(PlanAgreement),
  safetyPlan: z.array(PlanSafetyItem),
  /** The child's three houses (Drie Huizen). */
  childVoice: z.object({
    worries: z.array(ChildCard),
    goodThings: z.array(ChildCard),
    dreams: z.array(ChildCard),
    /** Free drawings inside the houses, counted (a drawing has no words to export). */
    drawings: z.number().int().nonnegative(),
  }),
  needs: z.array(PlanText),
})
export type Plan = z.infer<typeof Plan>

export function emptyPlan(): Plan {
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    centralQuestion: [],
    bottomLines: [],
    people: [],
    goingWell: [],
    worries: [],
    nextSteps: [],
    dangers: [],
    scales: [],
    agreements: [],
    safetyPlan: [],
    childVoice: { worries: [], goodThings: [], dreams: [], drawings: 0 },
    needs: [],
  }
}
