import { z } from 'zod'
import { ConferenceChild, FactDate, FactTime } from '../../conference/facts'
import { ConferenceKind, Device, ParticipantRole } from '../../conference/model'
import { Plan } from '../../plan/schema'
import { PlanWarning } from '../../plan/readiness'
import { AgreedBy } from '../../plan/version'
import { redactCaseFacts } from './case-facts'
import { ExportInput } from './input'
import { initials, redactInput } from './redact'

/**
 * The JSON export of an agreed plan version, for case systems: a versioned, documented format.
 * `format` names it, `schemaVersion` says which shape it has (a breaking change bumps it); the
 * JSON Schema generated from this zod schema is committed as docs/plan-export.schema.json
 * (regenerate with `npx tsx scripts/write-export-schema.ts`).
 *
 * Version 2 adds the conference's case-file facts (`facts`: date, time and place of the meeting,
 * the children, the facilitator's organisation, the review date) and how each participant took
 * part (`participants[].devices`). Facts are frozen with the version, so a case file gets the same
 * document next year; a version agreed before they were kept carries the conference's facts at
 * export time and says so (`facts.frozenWithVersion: false`).
 */

export const PLAN_EXPORT_FORMAT = 'kring.plan-export'
export const PLAN_EXPORT_SCHEMA_VERSION = 2

export const PlanExport = z
  .object({
    format: z.literal(PLAN_EXPORT_FORMAT).describe('Always "kring.plan-export": what this file is.'),
    schemaVersion: z.literal(PLAN_EXPORT_SCHEMA_VERSION).describe('Version of this format; a breaking change increases it.'),
    conference: z
      .object({
        id: z.string().describe("Kring's id of the conference."),
        title: z.string().describe('Title the facilitator gave the conference.'),
        kind: ConferenceKind.describe('Kind of conference: familiegroepsplan, veiligheidsplan, netwerkkaart or evaluatie.'),
        createdAt: z.iso.datetime().describe('When the conference was created (ISO 8601, UTC).'),
      })
      .describe('The conference this plan was made at.'),
    facts: z
      .object({
        meetingDate: FactDate.nullable().describe('Day of the meeting (YYYY-MM-DD), or null.'),
        startTime: FactTime.nullable().describe('Start time of the meeting (HH:MM, Dutch time), or null.'),
        durationMinutes: z.number().int().nullable().optional().describe('Expected duration of the meeting in minutes, or null.'),
        place: z.string().nullable().describe('Where the meeting was held; null when not known or when redacted.'),
        online: z.boolean().describe('True when the meeting was (also) held online.'),
        children: z.array(ConferenceChild).describe('The children the plan is about: first name (initials when redacted) and age in years.'),
        facilitatorOrganisation: z.string().nullable().describe("The facilitator's organisation, or null."),
        reviewDate: FactDate.nullable().describe('Day of the review meeting (evaluatie), YYYY-MM-DD, or null.'),
        frozenWithVersion: z
          .boolean()
          .describe('True when these facts were frozen with this version; false when the version predates that and they are the conference\'s facts at export time.'),
      })
      .nullable()
      .describe("The meeting's facts for the case file; null when none are known."),
    version: z
      .object({
        number: z.number().int().positive().describe('Version number of the agreed plan: 1, 2, … for each time the group agreed.'),
        frozenAt: z.iso.datetime().describe('When this version was agreed and frozen (ISO 8601, UTC). A frozen version never changes.'),
        acceptedWarnings: z
          .object({
            by: z
              .object({ participantId: z.string(), name: z.string().describe('Display name (initials when redacted).') })
              .describe('The facilitator who confirmed them when proposing.'),
            at: z.iso.datetime().describe('When (the moment of proposing, ISO 8601, UTC).'),
            warnings: z
              .array(PlanWarning)
              .describe(
                'Each open point: code (agreement-no-owner, agreement-owner-missing, agreement-no-when, agreement-no-backup, worry-unanswered, bottom-line-unanswered, person-overloaded), itemId (the plan item it is about) and personId when a person is concerned.',
              ),
          })
          .optional()
          .describe(
            'The open warnings of the plan that the facilitator confirmed knowingly before proposing it (an empty list: there were none). Absent for versions frozen before this was recorded.',
          ),
      })
      .describe('Which agreed version of the plan this is.'),
    participants: z
      .array(
        z.object({
          name: z.string().describe('Display name (initials when redacted).'),
          role: ParticipantRole.describe('Role at the conference.'),
          devices: z
            .array(Device)
            .nullable()
            .describe('The devices they were connected with when the plan was agreed; [] when not connected (a spoken yes the facilitator recorded); null when not known.'),
        }),
      )
      .describe('The people who took part in agreeing this version: the facilitator and everyone who said yes.'),
    agreedBy: z
      .array(AgreedBy)
      .describe('Who agreed and when; recordedBy is set (the facilitator\'s participant id) when the facilitator recorded a spoken yes on that person\'s behalf.'),
    redacted: z.boolean().describe('True when names are initials and phone numbers and notes about people are left out.'),
    plan: Plan.describe(
      'The plan as derived from the board: central question, the professionals\' bottom lines (each with the agreements that answer it and who ticked it off, when), people and their ties, what goes well, worries, next steps, danger statements with safety goals, scales (one mark per participant), agreements (owners and backup refer to people by id; name is null when that person was removed from the board), the safety plan, the child\'s three houses and needs. Ids are the board\'s shape ids.',
    ),
  })
  .meta({
    title: 'Kring plan export',
    description: 'An agreed, frozen version of a family network conference plan, exported from Kring.',
  })
export type PlanExport = z.infer<typeof PlanExport>

export function planExportJson(rawInput: ExportInput): PlanExport {
  const parsed = ExportInput.parse(rawInput)
  const input = parsed.redacted ? redactCaseFacts(redactInput(parsed)) : parsed
  return PlanExport.parse({
    format: PLAN_EXPORT_FORMAT,
    schemaVersion: PLAN_EXPORT_SCHEMA_VERSION,
    conference: input.conference,
    facts: input.facts === undefined ? null : { ...input.facts.values, frozenWithVersion: input.facts.frozen },
    version: { number: input.version.number, frozenAt: input.version.frozenAt, ...acceptedWarningsOf(input) },
    participants: input.participants.map((p) => ({ name: p.name, role: p.role, devices: p.devices ?? null })),
    agreedBy: input.version.agreedBy,
    redacted: input.redacted,
    plan: input.plan,
  })
}

/** The confirmed warnings as exported: the facilitator's name as initials in a redacted export. */
function acceptedWarningsOf(input: ExportInput): Pick<PlanExport['version'], 'acceptedWarnings'> {
  const accepted = input.version.acceptedWarnings
  if (!accepted) return {}
  return { acceptedWarnings: input.redacted ? { ...accepted, by: { ...accepted.by, name: initials(accepted.by.name) } } : accepted }
}

/** The JSON Schema (draft-07, widely supported by case systems) of the export. */
export function planExportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(PlanExport, { target: 'draft-7' }) as Record<string, unknown>
}
