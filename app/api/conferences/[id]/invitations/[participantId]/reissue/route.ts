import { apiRoute, jsonResponse, readParams, requireSameOrigin } from '@/app/_server/route'
import { getDb } from '@/app/_server/db'
import { requireSignedInUser } from '@/app/_server/session'
import { getConfig } from '@/lib/config/env'
import { requireFacilitatedConference } from '@/lib/conference/access'
import { reissueInvitation } from '@/lib/conference/invitations'
import { InviteResponse, ParticipantParams } from '@/lib/protocol/api'

/**
 * POST /api/conferences/[id]/invitations/[participantId]/reissue — "new link" for someone whose
 * link was lost: the old one is revoked (its connections close) and the same name and role are
 * invited again. Answers like an invitation: the new link is shown once.
 */
export const POST = apiRoute(async (req: Request, ctx: { params: Promise<{ id: string; participantId: string }> }) => {
  requireSameOrigin(req)
  const { id, participantId } = await readParams(ctx.params, ParticipantParams)
  const user = await requireSignedInUser()
  const db = await getDb()
  await requireFacilitatedConference(db, id, user.id)
  const invited = await reissueInvitation(db, { conferenceId: id, participantId, actor: user.id, publicUrl: getConfig().publicUrl })
  return jsonResponse(InviteResponse, invited, 201)
})
