import { apiRoute, jsonResponse, readJson, readParams, requireSameOrigin } from '@/lib/server/web/route'
import { requireViewerAllowedTo } from '@/lib/server/web/route-viewer'
import { auditActorOf } from '@/lib/server/web/audit-actor'
import { conferenceFactsOf } from '@/lib/server/db/repositories/conferences'
import { updateConferenceFacts } from '@/lib/server/conference/conference-facts'
import { ConferenceFactsResponse, ConferenceParams, UpdateConferenceFactsRequest } from '@/lib/protocol/api'
import { ApiError } from '@/lib/protocol/api-error'
import { DeleteConferenceResponse } from '@/lib/protocol/retention'
import { deleteConference } from '@/lib/server/conference/retention/deletion'

/**
 * GET /api/conferences/[id] — the conference's case-file facts (date, time and place of the
 * meeting, the children, the facilitator's organisation, the review date) for whoever may read the
 * board now (`board.read`): the plan view shows them above the plan. Children's first names are
 * board content, so not from the waiting room nor the lobby.
 *
 * PATCH /api/conferences/[id] — the facilitator (`settings.write`) replaces them; 403 for anyone else.
 */
export const GET = apiRoute(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await readParams(ctx.params, ConferenceParams)
  const { conference } = await requireViewerAllowedTo(id, 'board.read')
  return jsonResponse(ConferenceFactsResponse, { facts: conferenceFactsOf(conference) })
})

export const PATCH = apiRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  requireSameOrigin(req)
  const { id } = await readParams(ctx.params, ConferenceParams)
  const { db, participant } = await requireViewerAllowedTo(id, 'settings.write')
  const { facts } = await readJson(req, UpdateConferenceFactsRequest)
  const updated = await updateConferenceFacts(db, { conferenceId: id, facts, actor: auditActorOf(participant) })
  return jsonResponse(ConferenceFactsResponse, { facts: updated })
})

/**
 * DELETE /api/conferences/[id] — the facilitator (`conference.delete`) deletes the conference now:
 * the board, its history, every version, participant and invitation; open boards are closed
 * (4404). The audit log keeps ids, events and counts for AUDIT_RETENTION_DAYS. Asked again, the
 * facilitator is no longer anyone there: 403, as for any conference a viewer is not in (whether an id
 * ever existed is not told); 404 only when another deletion took it between the check and this one.
 */
export const DELETE = apiRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  requireSameOrigin(req)
  const { id } = await readParams(ctx.params, ConferenceParams)
  const { db, participant } = await requireViewerAllowedTo(id, 'conference.delete')
  const summary = await deleteConference(db, { conferenceId: id, actor: auditActorOf(participant), by: 'facilitator' })
  if (!summary) throw new ApiError('not_found', 'no such conference')
  return jsonResponse(DeleteConferenceResponse, { deleted: true, ...summary })
})
