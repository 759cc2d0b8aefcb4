import { cookies } from 'next/headers'
import { apiRoute, readParams } from '@/app/_server/route'
import { getDb } from '@/app/_server/db'
import { getSignedInUser } from '@/app/_server/session'
import { exportHeaders, exportPlanVersion } from '@/lib/conference/agreement-exports'
import { ExportQuery, mayExport, requireConferenceViewer, VersionParams } from '@/lib/conference/agreement-versions'
import { invitationCookieName } from '@/lib/conference/join-link'
import { ApiError } from '@/lib/protocol/api-error'

/**
 * GET /api/conferences/[id]/versions/[version]/export?format=pdf|json|png|svg&redacted=0|1 — one
 * frozen version as a file. Only the conference's facilitator (signed in) and its professionals
 * (signed in, or by their invitation cookie); everyone else gets 403, an unknown version 404.
 * Every export is audited (lib/conference/agreement-exports.ts).
 */
export const GET = apiRoute(async (req: Request, ctx: { params: Promise<{ id: string; version: string }> }) => {
  const { id, version } = await readParams(ctx.params, VersionParams)
  const user = await getSignedInUser()
  const invitationToken = (await cookies()).get(invitationCookieName(id))?.value
  const db = await getDb()
  const { conference, participant } = await requireConferenceViewer(db, id, { userId: user?.id, invitationToken })
  if (!mayExport(participant.role, conference.phase)) throw new ApiError('forbidden', 'only the facilitator and professionals can export the plan')
  const query = ExportQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams))
  if (!query.success) throw new ApiError('bad_request', 'use ?format=pdf|json|png|svg&redacted=0|1')

  const file = await exportPlanVersion(db, { conference, participant, version, ...query.data })
  return new Response(new Uint8Array(file.body), { status: 200, headers: exportHeaders(file) })
})
