import { apiRoute, jsonResponse, readJson, readParams, requireSameOrigin } from '@/lib/server/web/route'
import { requireViewerAllowedTo } from '@/lib/server/web/route-viewer'
import { ConferenceParams } from '@/lib/protocol/api'
import { PersonLinkRequest, PersonLinkResponse } from '@/lib/protocol/person-links'
import { linkPerson } from '@/lib/server/follow-up/link-person'

/**
 * PUT /api/conferences/[id]/person-links — the facilitator says who a person on the board of the
 * agreed plan is: a participant of this conference, nobody invited, or (clear) back to the names.
 * The gate decides `people.link`; the person and the participant are checked in `linkPerson`
 * (404 not on the board, 400 not of this conference). Audited with ids only.
 */
export const PUT = apiRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  requireSameOrigin(req)
  const { id } = await readParams(ctx.params, ConferenceParams)
  const { db, participant } = await requireViewerAllowedTo(id, 'people.link')
  const request = await readJson(req, PersonLinkRequest)
  await linkPerson(db, participant, request, new Date())
  return jsonResponse(PersonLinkResponse, { ok: true })
})
