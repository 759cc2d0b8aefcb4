import { apiRoute, readParams } from '@/lib/server/web/route'
import { requireViewerAllowedTo } from '@/lib/server/web/route-viewer'
import { exportHeaders, exportPlanVersion } from '@/lib/server/conference/version-exports'
import { ExportQuery, VersionParams } from '@/lib/protocol/versions'
import { ApiError } from '@/lib/protocol/api-error'

/**
 * GET /api/conferences/[id]/versions/[version]/export?format=pdf|json|png|svg&redacted=0|1 — one
 * frozen version as a file. The gate decides (`plan.export`: the facilitator and professionals, let
 * in and present: never from the lobby, declined or removed, nor from the waiting room during
 * private family time): 403 otherwise, 401 without any credential, 404 for an unknown version.
 * Every export is audited (lib/server/conference/version-exports.ts).
 */
export const GET = apiRoute(async (req: Request, ctx: { params: Promise<{ id: string; version: string }> }) => {
  const { id, version } = await readParams(ctx.params, VersionParams)
  const { db, conference, participant } = await requireViewerAllowedTo(id, 'plan.export')
  const query = ExportQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams))
  if (!query.success) throw new ApiError('bad_request', 'use ?format=pdf|json|png|svg&redacted=0|1')

  const file = await exportPlanVersion(db, { conference, participant, version, ...query.data })
  return new Response(new Uint8Array(file.body), { status: 200, headers: exportHeaders(file) })
})
