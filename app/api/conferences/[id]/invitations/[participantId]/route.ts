import { apiRoute, jsonResponse, readParams, requireSameOrigin } from '@/app/_server/route'
import { getDb } from '@/app/_server/db'
import { requireSignedInUser } from '@/app/_server/session'
import { requireFacilitatedConference } from '@/lib/conference/access'
import { revokeInvitation } from '@/lib/conference/invitations'
import { ParticipantParams, RevokeResponse } from '@/lib/protocol/api'

/**
 * DELETE /api/conferences/[id]/invitations/[participantId] — revoke an invitation. The link
 * stops working and the person's open board and meeting connections are closed at once.
 */
export const DELETE = apiRoute(async (req: Request, ctx: { params: Promise<{ id: string; participantId: string }> }) => {
  requireSameOrigin(req)
  const { id, participantId } = await readParams(ctx.params, ParticipantParams)
  const user = await requireSignedInUser()
  const db = await getDb()
  await requireFacilitatedConference(db, id, user.id)
  const participant = await revokeInvitation(db, { conferenceId: id, participantId, actor: user.id })
  return jsonResponse(RevokeResponse, { participant })
})
