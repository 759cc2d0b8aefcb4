import { apiRoute, jsonResponse, readJson, readParams, requireSameOrigin } from '@/lib/server/web/route'
import { requireViewerAllowedTo } from '@/lib/server/web/route-viewer'
import { HistoryParams, RestoreRequest, RestoreResponse } from '@/lib/protocol/history'
import { restoreFromCheckpoint } from '@/lib/server/conference/board-history'

/**
 * POST /api/conferences/[id]/history/[checkpointId]/restore `{ items?: string[] }` — the whole
 * board back to the checkpoint, or just the listed items deleted since. Same origin only; gate:
 * `board.restore`. The restore is stored like any edit and reaches every open board at once
 * (server/sync/checkpoints-restores.ts); a "before-restore" checkpoint is taken first, to undo it.
 */
export const POST = apiRoute(async (req: Request, ctx: { params: Promise<{ id: string; checkpointId: string }> }) => {
  requireSameOrigin(req)
  const { id, checkpointId } = await readParams(ctx.params, HistoryParams)
  const body = await readJson(req, RestoreRequest)
  const viewer = await requireViewerAllowedTo(id, 'board.restore')
  const result = await restoreFromCheckpoint(viewer.db, {
    conferenceId: viewer.conference.id,
    checkpointId,
    items: body.items,
    actor: viewer.participant.id,
  })
  return jsonResponse(RestoreResponse, result)
})
