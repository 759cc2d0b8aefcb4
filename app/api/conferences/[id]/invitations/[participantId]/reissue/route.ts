import { apiRoute, jsonResponse, readParams, requireSameOrigin } from '@/lib/server/web/route'
import { requireViewerAllowedTo } from '@/lib/server/web/route-viewer'
import { getConfig } from '@/lib/server/config/env'
import { reissueInvitation } from '@/lib/server/conference/invitations'
import { sharesOfInvitation } from '@/lib/server/conference/invitation-share'
import { InviteResponse, ParticipantParams } from '@/lib/protocol/api'
import { auditActorOf } from '@/lib/server/web/audit-actor'

/**
 * POST /api/conferences/[id]/invitations/[participantId]/reissue — "new link" for someone whose
 * link was lost (gate: `invitations.manage`): the old one is revoked (its connections close) and
 * the same name and role are invited again. Answers like an invitation: the new link is shown once.
 */
export const POST = apiRoute(async (req: Request, ctx: { params: Promise<{ id: string; participantId: string }> }) => {
  requireSameOrigin(req)
  const { id, participantId } = await readParams(ctx.params, ParticipantParams)
  const { db, participant } = await requireViewerAllowedTo(id, 'invitations.manage')
  const invited = await reissueInvitation(db, { conferenceId: id, participantId, actor: auditActorOf(participant), publicUrl: getConfig().publicUrl })
  const shares = await sharesOfInvitation(db, { conferenceId: id, invited, facilitatorName: participant.display_name })
  return jsonResponse(InviteResponse, { ...invited, shares }, 201)
})
