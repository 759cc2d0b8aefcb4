import { apiRoute, jsonResponse, readParams } from '@/lib/server/web/route'
import { requireViewerAllowedTo } from '@/lib/server/web/route-viewer'
import { getRequestLocale } from '@/lib/server/web/translator'
import { CheckpointPreviewResponse, HistoryParams } from '@/lib/protocol/history'
import { previewCheckpoint } from '@/lib/server/conference/board-history'

/**
 * GET /api/conferences/[id]/history/[checkpointId] — one checkpoint before restoring it: its item
 * count and the board's now, the items deleted since (the checklist of a single-item restore) and
 * the board as it was, as SVG. Gate: `board.restore`; an unknown checkpoint is 404.
 */
export const GET = apiRoute(async (_req: Request, ctx: { params: Promise<{ id: string; checkpointId: string }> }) => {
  const { id, checkpointId } = await readParams(ctx.params, HistoryParams)
  const viewer = await requireViewerAllowedTo(id, 'board.restore')
  const preview = await previewCheckpoint(viewer.db, viewer.conference.id, checkpointId, await getRequestLocale())
  return jsonResponse(CheckpointPreviewResponse, preview)
})
