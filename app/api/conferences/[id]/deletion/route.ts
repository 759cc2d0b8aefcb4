import { apiRoute, jsonResponse, readParams } from '@/lib/server/web/route'
import { requireViewerAllowedTo } from '@/lib/server/web/route-viewer'
import { getConfig } from '@/lib/server/config/env'
import { deletionSummary } from '@/lib/server/conference/retention/deletion'
import { ConferenceParams } from '@/lib/protocol/api'
import { DeletionSummaryResponse } from '@/lib/protocol/retention'

/**
 * GET /api/conferences/[id]/deletion — what deleting the conference now would take away (items,
 * versions, participants, saved board states), for the confirmation; `conference.delete`.
 * The deletion itself is DELETE /api/conferences/[id].
 */
export const GET = apiRoute(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await readParams(ctx.params, ConferenceParams)
  const { db } = await requireViewerAllowedTo(id, 'conference.delete')
  return jsonResponse(DeletionSummaryResponse, { ...(await deletionSummary(db, id)), auditDays: getConfig().retention.auditDays })
})
