import { apiRoute, jsonResponse, readJson, readParams, requireSameOrigin } from '@/app/_server/route'
import { getDb } from '@/app/_server/db'
import { requireSignedInUser } from '@/app/_server/session'
import { getConfig } from '@/lib/config/env'
import { requireFacilitatedConference } from '@/lib/conference/access'
import { inviteToConference } from '@/lib/conference/invitations'
import { ConferenceParams, InviteRequest, InviteResponse } from '@/lib/protocol/api'

/**
 * POST /api/conferences/[id]/invitations — the conference's facilitator invites someone by name
 * and role. The response holds the raw token and link: the only time they exist outside the
 * person's own device (the database keeps a hash).
 */
export const POST = apiRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  requireSameOrigin(req)
  const { id } = await readParams(ctx.params, ConferenceParams)
  const user = await requireSignedInUser()
  const db = await getDb()
  await requireFacilitatedConference(db, id, user.id)
  const input = await readJson(req, InviteRequest)
  const invited = await inviteToConference(db, { conferenceId: id, ...input, actor: user.id, publicUrl: getConfig().publicUrl })
  return jsonResponse(InviteResponse, invited, 201)
})
