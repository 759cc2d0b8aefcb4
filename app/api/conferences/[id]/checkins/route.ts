import { apiRoute, jsonResponse, readJsonOrForm, readParams, requireSameOrigin, seeOther } from '@/lib/server/web/route'
import { requireViewerAllowedTo } from '@/lib/server/web/route-viewer'
import { ConferenceParams } from '@/lib/protocol/api'
import { CheckInRequest, CheckInResponse } from '@/lib/protocol/follow-up'
import { checkIn } from '@/lib/server/follow-up/check-in'

/**
 * POST /api/conferences/[id]/checkins — an owner's "gedaan", "lukt niet" or "hulp nodig" for the
 * running period of one of their agreements. The gate decides `checkin.write`; ownership is the
 * follow-up's check (lib/server/follow-up/check-in.ts). From the phone page's plain form the
 * answer is a 303 back to the page; as JSON the stored check-in (ids, no reason).
 */
export const POST = apiRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  requireSameOrigin(req)
  const { id } = await readParams(ctx.params, ConferenceParams)
  const { db, participant } = await requireViewerAllowedTo(id, 'checkin.write')
  const { data, isForm } = await readJsonOrForm(req, CheckInRequest)
  const saved = await checkIn(db, participant, data, new Date())
  if (isForm) return seeOther(`/conferences/${id}/my-agreements?saved=${encodeURIComponent(saved.agreementId)}`)
  return jsonResponse(CheckInResponse, { checkIn: saved }, 201)
})
