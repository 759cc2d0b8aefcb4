import { apiRoute, jsonResponse, readParams } from '@/lib/server/web/route'
import { requireViewerAllowedTo } from '@/lib/server/web/route-viewer'
import { VersionListResponse } from '@/lib/protocol/versions'
import { listVersions } from '@/lib/server/conference/version-list'
import { ConferenceParams } from '@/lib/protocol/api'

/**
 * GET /api/conferences/[id]/versions — the frozen versions of the plan (number, date, who agreed),
 * newest first, and whether the asker may export them. No plan content. The gate decides
 * (`versions.read`: let in and present, so not from the lobby, not declined or removed, and not
 * from the waiting room during private family time): 403 otherwise, 401 without any credential.
 */
export const GET = apiRoute(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await readParams(ctx.params, ConferenceParams)
  const viewer = await requireViewerAllowedTo(id, 'versions.read')
  return jsonResponse(VersionListResponse, await listVersions(viewer.db, viewer))
})
