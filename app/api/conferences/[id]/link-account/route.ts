import { cookies } from 'next/headers'
import { apiRoute, jsonResponse, readJsonOrForm, readParams, requireSameOrigin, seeOther } from '@/lib/server/web/route'
import { requireSignedInUser } from '@/lib/server/web/session'
import { getDb } from '@/lib/server/web/db'
import { linkInvitationToAccount } from '@/lib/server/conference/link-account'
import { invitationCookieName } from '@/lib/conference/join-link'
import { ConferenceParams } from '@/lib/protocol/api'
import { LinkAccountRequest, LinkAccountResponse } from '@/lib/protocol/link-account'

/**
 * POST /api/conferences/[id]/link-account — a professional who joined by link makes the
 * invitation their account's (lib/server/conference/link-account.ts decides who may). Signed in
 * (401 otherwise), same origin, the invitation from the body (the join page's form) or the
 * conference's invitation cookie. A form post is answered with a redirect to the home page, where
 * the conference now is; JSON with `{ linked: true }`.
 */
export const POST = apiRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  requireSameOrigin(req)
  const { id } = await readParams(ctx.params, ConferenceParams)
  const user = await requireSignedInUser()
  const { data, isForm } = await readJsonOrForm(req, LinkAccountRequest)
  const invitationToken = data.token ?? (await cookies()).get(invitationCookieName(id))?.value
  await linkInvitationToAccount(await getDb(), { conferenceId: id, invitationToken, user })
  if (isForm) return seeOther(`/?linked=${encodeURIComponent(id)}`)
  return jsonResponse(LinkAccountResponse, { linked: true, conferenceId: id })
})
