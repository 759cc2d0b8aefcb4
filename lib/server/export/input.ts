import { z } from 'zod'
import { ConferenceFacts } from '../../conference/facts'
import { ConferenceKind, Device, ParticipantRole } from '../../conference/model'
import { locales } from '../../i18n/locales'
import { Plan } from '../../plan/schema'
import { AcceptedWarnings, AgreedBy } from '../../plan/version'
import type { ReviewOutcome } from '../../plan/follow-up/review'

/**
 * Everything an export of one frozen plan version is made from. The route (app/) assembles it
 * from the database: the conference, its participants, the stored version and its board image.
 *
 * `boardSvg` is the board as `renderBoardSvg` drew it; for a redacted export it must be drawn with
 * `redacted: true` (renderPlanPdf refuses an SVG that was not). `redacted` asks every export to
 * replace people's names by initials and leave out phone numbers and notes about people.
 */
export const ExportInput = z.object({
  conference: z.object({
    id: z.string().min(1).max(64),
    title: z.string().max(120),
    kind: ConferenceKind,
    createdAt: z.iso.datetime(),
  }),
  participants: z
    .array(
      z.object({
        name: z.string().max(80),
        role: ParticipantRole,
        /** Their participant id, to match them with who agreed. */
        participantId: z.string().max(64).optional(),
        /** The devices they were connected with when the plan was agreed ([]: not connected); absent: not known. */
        devices: z.array(Device).max(8).optional(),
      }),
    )
    .max(500),
  /**
   * Every participant the conference ever had (observers, people removed or revoked since): not
   * printed, but a redacted export scrubs each of their names from every text.
   */
  roster: z.array(z.object({ name: z.string().max(80), role: ParticipantRole })).max(1000).default([]),
  /**
   * The conference's case-file facts: frozen with the version (`frozen: true`), or, for a version
   * agreed before facts were kept, the conference's facts at export time (`frozen: false`).
   * Absent: none (an input assembled without them).
   */
  facts: z.object({ values: ConferenceFacts, frozen: z.boolean() }).optional(),
  version: z.object({
    number: z.number().int().positive(),
    frozenAt: z.iso.datetime(),
    agreedBy: z.array(AgreedBy).max(500),
    /** The open warnings the facilitator confirmed when proposing; null or absent when not recorded. */
    acceptedWarnings: AcceptedWarnings.nullable().optional(),
  }),
  plan: Plan,
  /** The board image as SVG; '' when there is none. At most 20 MB. */
  boardSvg: z.string().max(20_000_000),
  locale: z.enum(locales),
  redacted: z.boolean(),
  /**
   * For an evaluatie: per reviewed agreement what happened and what is agreed now
   * (lib/plan/follow-up/review.ts `reviewOutcome`); absent for every other conference.
   */
  review: z.custom<ReviewOutcome>((value) => typeof value === 'object' && value !== null).optional(),
})
export type ExportInput = z.infer<typeof ExportInput>
