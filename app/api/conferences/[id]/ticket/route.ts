import { apiRoute, jsonResponse, readParams, requireSameOrigin } from '@/lib/server/web/route'
import { requireViewer } from '@/lib/server/web/route-viewer'
import { getConfig } from '@/lib/server/config/env'
import { issueBoardTicket } from '@/lib/server/conference/find-viewer'
import { mayHoldTicket } from '@/lib/conference/gate'
import { ApiError } from '@/lib/protocol/api-error'
import { ConferenceParams, TicketResponse } from '@/lib/protocol/api'
import { limitRequestByAddress } from '@/lib/server/rate-limit/request-limits'

/**
 * POST /api/conferences/[id]/ticket — a fresh short-lived ticket for the board's sockets, for a
 * participant let in (also in the waiting room: the meeting shows them the phase) and for someone
 * waiting in the lobby or back after being removed with the invitation kept: their ticket only
 * knocks (the meeting plane keeps them in the lobby, the sync server refuses them with 4403
 * awaiting-admission). Declined: 403. The board calls it again before the ticket expires and after
 * a reconnect, so a revoked or declined person stops getting tickets. 401 without any credential,
 * 403 for a credential that opens nothing here.
 */
export const POST = apiRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  requireSameOrigin(req)
  await limitRequestByAddress('ticket', req)
  const { id } = await readParams(ctx.params, ConferenceParams)
  const { participant, conference } = await requireViewer(id)
  if (!mayHoldTicket(participant, conference)) throw new ApiError('forbidden', 'no access to this conference')
  const config = getConfig()
  return jsonResponse(TicketResponse, issueBoardTicket(config.authSecret, participant, config.ticketTtlSeconds))
})
