import { z } from 'zod'

/**
 * The retention and deletion routes (README "Retention and deletion"):
 * GET/PUT /api/conferences/[id]/retention, GET /api/conferences/[id]/deletion,
 * DELETE /api/conferences/[id]. Browser-safe: the conference page's forms use them too.
 */

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')

/** When the conference will be deleted, and what the facilitator may choose. */
export const RetentionResponse = z.strictObject({
  /** The conference is deleted at this moment unless there is activity before it. */
  retainUntil: z.iso.datetime(),
  lastActivityAt: z.iso.datetime(),
  /** retainUntil is this many days after the last activity. */
  retentionDays: z.number().int().positive(),
  /** The dates the facilitator may choose now (YYYY-MM-DD, inclusive). */
  earliest: Day,
  latest: Day,
  /** How long the audit log keeps its entries (ids and events) after they were written. */
  auditDays: z.number().int().positive(),
})
export type RetentionResponse = z.infer<typeof RetentionResponse>

export const UpdateRetentionRequest = z.strictObject({ retainUntil: Day })

/** What deleting the conference takes away (the confirmation names it). */
export const DeletionSummaryResponse = z.strictObject({
  items: z.number().int().nonnegative(),
  versions: z.number().int().nonnegative(),
  participants: z.number().int().nonnegative(),
  checkpoints: z.number().int().nonnegative(),
  auditDays: z.number().int().positive(),
})
export type DeletionSummaryResponse = z.infer<typeof DeletionSummaryResponse>

export const DeleteConferenceResponse = z.strictObject({
  deleted: z.literal(true),
  items: z.number().int().nonnegative(),
  versions: z.number().int().nonnegative(),
  participants: z.number().int().nonnegative(),
  checkpoints: z.number().int().nonnegative(),
})
