import { apiRoute, jsonResponse, readJson, readParams, requireSameOrigin } from '@/lib/server/web/route'
import { requireViewerAllowedTo } from '@/lib/server/web/route-viewer'
import { getConfig } from '@/lib/server/config/env'
import { inviteToConference } from '@/lib/server/conference/invitations'
import { sharesOfInvitation } from '@/lib/server/conference/invitation-share'
import { ConferenceParams, InviteRequest, InviteResponse } from '@/lib/protocol/api'
import { auditActorOf } from '@/lib/server/web/audit-actor'

/**
 * POST /api/conferences/[id]/invitations — invite someone by name and role, for whom the gate
 * allows `invitations.manage` (the conference's facilitator); 403 for anyone else, 401 without any
 * credential. The response holds the raw token and link: the only time they exist outside the
 * person's own device (the database keeps a hash).
 */
export const POST = apiRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  requireSameOrigin(req)
  const { id } = await readParams(ctx.params, ConferenceParams)
  const { db, participant } = await requireViewerAllowedTo(id, 'invitations.manage')
  const input = await readJson(req, InviteRequest)
  const invited = await inviteToConference(db, { conferenceId: id, ...input, actor: auditActorOf(participant), publicUrl: getConfig().publicUrl })
  const shares = await sharesOfInvitation(db, { conferenceId: id, invited, facilitatorName: participant.display_name })
  return jsonResponse(InviteResponse, { ...invited, shares }, 201)
})
