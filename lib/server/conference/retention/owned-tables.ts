import type { Database } from '../../db/schema'

/**
 * Every table that holds a conference's own data, keyed by `conference_id`: what deleting a
 * conference deletes, in this order (children before what they might point at). A new table of
 * conference data (check-ins, reminders…) is one more line here; the deletion, the summary the
 * facilitator confirms and the sweep's leftover check all read this list.
 *
 * Not here: `conferences` (the row stays, emptied, as the audit log's anchor) and `audit_log`
 * (kept for AUDIT_RETENTION_DAYS, ids and events only).
 */
export const conferenceOwnedTables = [
  'open_proposals',
  'agreement_takeovers',
  'agreement_checkins',
  'participant_contacts',
  'board_person_links',
  'review_starts',
  'board_restores',
  'board_checkpoints',
  'board_record_creators',
  'yjs_updates',
  'yjs_snapshots',
  'plan_versions',
  'participants',
] as const satisfies readonly OwnedTable[]

/** A table with a `conference_id` column (other than the conference row and the audit log). */
type OwnedTable = {
  [T in keyof Database]: 'conference_id' extends keyof Database[T] ? (T extends 'audit_log' ? never : T) : never
}[keyof Database]

export type ConferenceOwnedTable = (typeof conferenceOwnedTables)[number]
