import { z } from 'zod'

/**
 * Between meetings: what the owner of an agreement says at its rhythm. "gedaan" (done), "lukt niet"
 * (cannot: with a short reason and whether the backup should step in), "hulp nodig" (help).
 * Stored beside the frozen version it answers (never in it): a frozen plan does not change.
 */
export const checkInOutcomes = ['done', 'cannot', 'help'] as const
export const CheckInOutcome = z.enum(checkInOutcomes)
export type CheckInOutcome = z.infer<typeof CheckInOutcome>

/** A reason is a few words on a phone, not a report. */
export const CHECK_IN_REASON_MAX = 200

export interface CheckIn {
  id: string
  agreementId: string
  participantId: string
  /** Which period of the agreement's rhythm it answers (0 = the first after freezing). */
  periodIndex: number
  outcome: CheckInOutcome
  reason: string | null
  /** "lukt niet" and the backup should step in. */
  backupAsked: boolean
  at: string
}

/** The backup took a "lukt niet" over for that period. */
export interface Takeover {
  id: string
  checkInId: string
  participantId: string
  at: string
}
