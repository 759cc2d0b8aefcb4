import { cookies } from 'next/headers'
import { apiRoute, jsonResponse, readParams, requireSameOrigin } from '@/app/_server/route'
import { getDb } from '@/app/_server/db'
import { getSignedInUser } from '@/app/_server/session'
import { getConfig } from '@/lib/config/env'
import { issueBoardTicket, resolveBoardAccess } from '@/lib/conference/access'
import { invitationCookieName } from '@/lib/conference/join-link'
import { ApiError } from '@/lib/protocol/api-error'
import { ConferenceParams, TicketResponse } from '@/lib/protocol/api'

/**
 * POST /api/conferences/[id]/ticket — a fresh short-lived ticket for the board's sockets, for the
 * signed-in facilitator (or other signed-in participant) or for whoever holds this conference's
 * invitation cookie. The board calls it again before the ticket expires and after a reconnect,
 * so a revoked person stops getting tickets.
 */
export const POST = apiRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  requireSameOrigin(req)
  const { id } = await readParams(ctx.params, ConferenceParams)
  const user = await getSignedInUser()
  const invitationToken = (await cookies()).get(invitationCookieName(id))?.value
  const access = await resolveBoardAccess(await getDb(), id, { userId: user?.id, invitationToken })
  if (!access.ok) {
    if (access.reason === 'unauthenticated') throw new ApiError('unauthenticated', 'open your invitation link or sign in')
    throw new ApiError('forbidden', 'no access to this conference')
  }
  const config = getConfig()
  return jsonResponse(TicketResponse, issueBoardTicket(config.authSecret, access.participant, config.ticketTtlSeconds))
})
