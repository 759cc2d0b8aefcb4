import { apiRoute, jsonResponse, readParams, requireSameOrigin } from '@/lib/server/web/route'
import { requireViewerAllowedTo } from '@/lib/server/web/route-viewer'
import { revokeInvitation } from '@/lib/server/conference/invitations'
import { ParticipantParams, RevokeResponse } from '@/lib/protocol/api'
import { auditActorOf } from '@/lib/server/web/audit-actor'

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
