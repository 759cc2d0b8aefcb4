import { z } from 'zod'

/**
 * The body of PUT /api/conferences/[id]/person-links: who a person on the board is. A participant
 * id, null for "nobody invited", or `clear` to go back to matching by name. JSON; strict: an
 * unknown field is a mistake.
 */
const PersonId = z.string().startsWith('shape:').max(80)
const ParticipantId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/)

export const PersonLinkRequest = z
  .object({
    personId: PersonId,
    participantId: z.union([ParticipantId, z.null()]).optional(),
    clear: z.literal(true).optional(),
  })
  .strict()
  .refine((r) => (r.clear === true) !== (r.participantId !== undefined), { message: 'either a participantId (null: nobody invited) or clear' })
export type PersonLinkRequest = z.output<typeof PersonLinkRequest>

export const PersonLinkResponse = z.object({ ok: z.literal(true) })
