import { z } from 'zod'
import { INVITE_TOKEN_PATTERN } from './invite-token'

/**
 * POST /api/conferences/[id]/link-account: link the invitation to the signed-in account. The
 * invitation is the conference's invitation cookie, or the token the join page posts (the same
 * proof: holding the link).
 */
export const LinkAccountRequest = z.strictObject({
  token: z.string().regex(INVITE_TOKEN_PATTERN).optional(),
})
export type LinkAccountRequest = z.infer<typeof LinkAccountRequest>

export const LinkAccountResponse = z.object({ linked: z.literal(true), conferenceId: z.string() })
