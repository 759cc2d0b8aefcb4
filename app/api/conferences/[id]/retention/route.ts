import { apiRoute, jsonResponse, readJson, readParams, requireSameOrigin } from '@/lib/server/web/route'
import { requireViewerAllowedTo } from '@/lib/server/web/route-viewer'
import { auditActorOf } from '@/lib/server/web/audit-actor'
import { getConfig } from '@/lib/server/config/env'
import { changeRetention, retentionOf } from '@/lib/server/conference/retention/retention-settings'
import { ConferenceParams } from '@/lib/protocol/api'
import { RetentionResponse, UpdateRetentionRequest } from '@/lib/protocol/retention'

/**
 * GET /api/conferences/[id]/retention — when the conference will be deleted and which dates the
 * facilitator may choose (`conference.retention`).
 * PUT — choose the date (`{ retainUntil: 'YYYY-MM-DD' }`), within RETENTION_MIN_DAYS and
 * RETENTION_MAX_DAYS from now; 400 outside them. Audited.
 */
export const GET = apiRoute(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await readParams(ctx.params, ConferenceParams)
  const { conference } = await requireViewerAllowedTo(id, 'conference.retention')
  return jsonResponse(RetentionResponse, retentionOf(conference, getConfig().retention))
})

export const PUT = apiRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  requireSameOrigin(req)
  const { id } = await readParams(ctx.params, ConferenceParams)
  const { db, conference, participant } = await requireViewerAllowedTo(id, 'conference.retention')
  const { retainUntil } = await readJson(req, UpdateRetentionRequest)
  const updated = await changeRetention(db, { conference, retainUntil, config: getConfig().retention, actor: auditActorOf(participant) })
  return jsonResponse(RetentionResponse, updated)
})
