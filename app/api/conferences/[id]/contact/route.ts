import { apiRoute, readJsonOrForm, readParams, requireSameOrigin, seeOther } from '@/lib/server/web/route'
import { requireViewerAllowedTo } from '@/lib/server/web/route-viewer'
import { getRequestLocale } from '@/lib/server/web/translator'
import { ConferenceParams } from '@/lib/protocol/api'
import { ContactRequest } from '@/lib/protocol/follow-up'
import { setContact } from '@/lib/server/db/repositories/reminders'

/**
 * POST /api/conferences/[id]/contact — a participant gives (or, empty, removes) the e-mail address
 * reminders go to, in the language of the page they are on. Only their own (`checkin.write`).
 */
export const POST = apiRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  requireSameOrigin(req)
  const { id } = await readParams(ctx.params, ConferenceParams)
  const { db, participant } = await requireViewerAllowedTo(id, 'checkin.write')
  const { data } = await readJsonOrForm(req, ContactRequest)
  const email = data.email === '' ? null : data.email
  await setContact(db, { participantId: participant.id, conferenceId: id, email, locale: await getRequestLocale(), at: new Date() })
  return seeOther(`/conferences/${id}/my-agreements${email ? '?mail=1' : ''}`)
})
