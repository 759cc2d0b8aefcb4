import { z } from 'zod'
import { ConferenceKind, ConferencePhase, ParticipantRole } from '../conference/model'

/**
 * What Kring holds about one person in one conference (GDPR article 15), as they download it from
 * their invitation link: GET /api/conferences/[id]/my-data. Versioned like the plan export; the
 * README ("Retention and deletion") documents every field.
 */
export const PERSONAL_DATA_VERSION = 1

export const PersonalDataExport = z.strictObject({
  format: z.literal('kring-personal-data'),
  version: z.literal(PERSONAL_DATA_VERSION),
  exportedAt: z.iso.datetime(),
  conference: z.strictObject({
    id: z.string(),
    title: z.string(),
    kind: ConferenceKind,
    phase: ConferencePhase,
    createdAt: z.iso.datetime(),
    /** When Kring deletes the conference unless there is activity before it. */
    retainUntil: z.iso.datetime(),
  }),
  person: z.strictObject({
    participantId: z.string(),
    name: z.string(),
    role: ParticipantRole,
    invitedAt: z.iso.datetime(),
    /** The invitation asked the facilitator to let this person in from a lobby. */
    requiresAdmission: z.boolean(),
    admission: z.enum(['waiting', 'admitted', 'declined']).nullable(),
    removedAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
    /** The account this person signs in with, if any (facilitators, some professionals). */
    account: z.strictObject({ email: z.string(), name: z.string() }).nullable(),
  }),
  /**
   * Who this person is on the board of the latest agreed plan: the person items the facilitator
   * linked to them (`linked`), or the one whose name only they carry (lib/plan/follow-up/people.ts).
   */
  boardPeople: z.array(z.strictObject({ personId: z.string(), name: z.string(), linked: z.boolean() })),
  /** Agreements of the latest agreed plan this person owns or backs up, as one of the board people above. */
  agreements: z.array(
    z.strictObject({
      version: z.number().int().positive(),
      agreedAt: z.iso.datetime(),
      id: z.string(),
      as: z.enum(['owner', 'backup']),
      what: z.string(),
      when: z.string(),
      howWeKnow: z.string(),
    }),
  ),
  /** The versions of the plan this person agreed to, and when. */
  agreedVersions: z.array(z.strictObject({ version: z.number().int().positive(), at: z.iso.datetime(), spokenYes: z.boolean() })),
  /** Check-ins on agreements (none yet in this version of Kring; the list is where they will be). */
  checkIns: z.array(z.strictObject({ agreementId: z.string(), at: z.iso.datetime(), answer: z.string(), note: z.string().nullable() })),
  /** Audit entries this person did (`actor`) or that were about them (`subject`): events and times, no content. */
  auditEvents: z.array(z.strictObject({ at: z.string(), action: z.string(), as: z.enum(['actor', 'subject']) })),
})
export type PersonalDataExport = z.infer<typeof PersonalDataExport>
