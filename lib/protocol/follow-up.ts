import { z } from 'zod'
import { CHECK_IN_REASON_MAX, CheckInOutcome } from '../plan/follow-up/model'

/**
 * The bodies of the follow-up routes (app/api/conferences/[id]/checkins, …/takeovers). They come
 * as JSON or as a plain HTML form from the phone page (a checkbox sends "on"), so booleans accept
 * both. Strict: an unknown field is a mistake.
 */
const AgreementId = z.string().startsWith('shape:').max(80)
const formBoolean = z
  .union([z.boolean(), z.enum(['on', 'true', '1', 'false', '0'])])
  .transform((v) => v === true || v === 'on' || v === 'true' || v === '1')

export const CheckInRequest = z
  .object({
    agreementId: AgreementId,
    outcome: CheckInOutcome,
    reason: z.string().trim().max(CHECK_IN_REASON_MAX).optional(),
    /** With "lukt niet": the backup should step in. */
    askBackup: formBoolean.optional(),
  })
  .strict()
export type CheckInRequest = z.output<typeof CheckInRequest>

export const TakeoverRequest = z.object({ checkInId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/) }).strict()

export const CheckInResponse = z.object({
  checkIn: z.object({ id: z.string(), agreementId: z.string(), periodIndex: z.number().int(), outcome: CheckInOutcome }),
})
export const TakeoverResponse = z.object({ takeover: z.object({ id: z.string(), checkInId: z.string() }) })

/** An address for reminders; empty removes it. */
export const ContactRequest = z.object({ email: z.union([z.literal(''), z.email().max(200)]) }).strict()

/** Which agreement's calendar file. */
export const CalendarQuery = z.object({ agreement: AgreementId })
