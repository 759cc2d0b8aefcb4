import { apiRoute, jsonResponse, readParams, requireSameOrigin } from '@/app/_server/route'
import { requireViewerAllowedTo } from '@/app/_server/route-viewer'
import { revokeInvitation } from '@/lib/conference/invitations'
import { ParticipantParams, RevokeResponse } from '@/lib/protocol/api'
import { auditActorOf } from '@/app/_server/audit-actor'

/**
 * DELETE /api/conferences/[id]/invitations/[participantId] — revoke an invitation (gate:
 * `invitations.manage`). The link stops working and the person's open board and meeting
 * connections are closed at once.
 */
export const DELETE = apiRoute(async (req: Request, ctx: { params: Promise<{ id: string; participantId: string }> }) => {
  requireSameOrigin(req)
  const { id, participantId } = await readParams(ctx.params, ParticipantParams)
  const { db, participant: facilitator } = await requireViewerAllowedTo(id, 'invitations.manage')
  const participant = await revokeInvitation(db, { conferenceId: id, participantId, actor: auditActorOf(facilitator) })
  return jsonResponse(RevokeResponse, { participant })
})
