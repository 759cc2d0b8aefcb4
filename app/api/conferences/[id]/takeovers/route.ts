import { apiRoute, jsonResponse, readJsonOrForm, readParams, requireSameOrigin, seeOther } from '@/lib/server/web/route'
import { requireViewerAllowedTo } from '@/lib/server/web/route-viewer'
import { ConferenceParams } from '@/lib/protocol/api'
import { TakeoverRequest, TakeoverResponse } from '@/lib/protocol/follow-up'
import { takeOver } from '@/lib/server/follow-up/check-in'

/**
 * POST /api/conferences/[id]/takeovers — the backup takes a "lukt niet" over for its period
 * (recorded, audited). The gate decides `checkin.write`; being the backup of that agreement is
 * the follow-up's check.
 */
export const POST = apiRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  requireSameOrigin(req)
  const { id } = await readParams(ctx.params, ConferenceParams)
  const { db, participant } = await requireViewerAllowedTo(id, 'checkin.write')
  const { data, isForm } = await readJsonOrForm(req, TakeoverRequest)
  const takeover = await takeOver(db, participant, data.checkInId, new Date())
  if (isForm) return seeOther(`/conferences/${id}/my-agreements?tookOver=1`)
  return jsonResponse(TakeoverResponse, { takeover }, 201)
})
