import { apiRoute, jsonResponse, readParams } from '@/lib/server/web/route'
import { requireViewerAllowedTo } from '@/lib/server/web/route-viewer'
import { ConferenceParams } from '@/lib/protocol/api'
import { HistoryListResponse } from '@/lib/protocol/history'
import { listBoardHistory } from '@/lib/server/conference/board-history'

/**
 * GET /api/conferences/[id]/history — the board's checkpoints, newest first: when, why, who had
 * been editing (names looked up now; the rows keep ids) and how many items. The gate decides
 * (`board.restore`: the facilitator, present, before the conference closes): 403 otherwise.
 */
export const GET = apiRoute(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await readParams(ctx.params, ConferenceParams)
  const viewer = await requireViewerAllowedTo(id, 'board.restore')
  return jsonResponse(HistoryListResponse, await listBoardHistory(viewer.db, viewer.conference.id))
})
