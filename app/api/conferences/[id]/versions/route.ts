import { cookies } from 'next/headers'
import { apiRoute, jsonResponse, readParams } from '@/app/_server/route'
import { getDb } from '@/app/_server/db'
import { getSignedInUser } from '@/app/_server/session'
import { listVersions, requireConferenceViewer, VersionListResponse } from '@/lib/conference/agreement-versions'
import { invitationCookieName } from '@/lib/conference/join-link'
import { ConferenceParams } from '@/lib/protocol/api'

/**
 * GET /api/conferences/[id]/versions — the frozen versions of the plan (number, date, who agreed),
 * newest first, for anyone who takes part in the conference (signed in, or by invitation cookie),
 * and whether they may export. No plan content.
 */
export const GET = apiRoute(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await readParams(ctx.params, ConferenceParams)
  const user = await getSignedInUser()
  const invitationToken = (await cookies()).get(invitationCookieName(id))?.value
  const db = await getDb()
  const { participant } = await requireConferenceViewer(db, id, { userId: user?.id, invitationToken })
  return jsonResponse(VersionListResponse, await listVersions(db, id, participant))
})
