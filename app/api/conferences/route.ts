import { getConfig } from '@/lib/server/config/env'
import { apiRoute, jsonResponse, readJson, requireSameOrigin } from '@/lib/server/web/route'
import { getDb } from '@/lib/server/web/db'
import { requireSignedInUser } from '@/lib/server/web/session'
import { getRequestLocale } from '@/lib/server/web/translator'
import { startConference } from '@/lib/server/conference/start-conference'
import { toConferenceSummary } from '@/lib/server/conference/summaries'
import { CreateConferenceRequest, CreateConferenceResponse } from '@/lib/protocol/api'

/**
 * POST /api/conferences — a signed-in facilitator creates a conference (and becomes its
 * facilitator). Its board starts from the template for its kind, the page named in the
 * facilitator's language. An evaluatie may name one of the facilitator's own conferences with an
 * agreed plan to review; anyone else's is refused (403).
 */
export const POST = apiRoute(async (req: Request) => {
  requireSameOrigin(req)
  const user = await requireSignedInUser()
  const input = await readJson(req, CreateConferenceRequest)
  const conference = await startConference(await getDb(), { ...input, user, locale: await getRequestLocale(), retentionDays: getConfig().retention.defaultDays })
  return jsonResponse(CreateConferenceResponse, { conference: toConferenceSummary(conference) }, 201)
})
