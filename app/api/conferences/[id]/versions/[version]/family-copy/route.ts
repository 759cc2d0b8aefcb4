import { apiRoute, readParams } from '@/lib/server/web/route'
import { requireViewerAllowedTo } from '@/lib/server/web/route-viewer'
import { getRequestLocale } from '@/lib/server/web/translator'
import { exportFamilyCopy, exportHeaders } from '@/lib/server/conference/version-exports'
import { VersionParams } from '@/lib/protocol/versions'

/**
 * GET /api/conferences/[id]/versions/[version]/family-copy — the agreed plan as a PDF for the
 * family to keep, in the language the person reads Kring in (the case-file export stays Dutch).
 * The gate decides (`plan.familyCopy`: everyone who worked on the plan and may read the board now;
 * no observers); 403 otherwise, 401 without any credential, 404 for an unknown version. Audited.
 */
export const GET = apiRoute(async (_req: Request, ctx: { params: Promise<{ id: string; version: string }> }) => {
  const { id, version } = await readParams(ctx.params, VersionParams)
  const { db, conference, participant } = await requireViewerAllowedTo(id, 'plan.familyCopy')
  const file = await exportFamilyCopy(db, { conference, participant, version, locale: await getRequestLocale() })
  return new Response(new Uint8Array(file.body), { status: 200, headers: exportHeaders(file) })
})
