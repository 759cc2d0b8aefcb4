import { apiRoute, readJsonOrForm, requireSameOrigin } from '@/lib/server/web/route'
import { getDb } from '@/lib/server/web/db'
import { findLiveInvitation } from '@/lib/server/db/repositories/participants'
import { markInvitationOpened } from '@/lib/server/db/repositories/invitation-reach'
import { JoinForm } from '@/lib/protocol/api'
import { limitRequestByAddress } from '@/lib/server/rate-limit/request-limits'

/**
 * POST /api/join/opened — sent by the join page once it runs in a browser, so the facilitator
 * sees that the link reached its person (issue 10). A chat app that fetches the link for its
 * preview runs no script and so opens nothing. Answers the same whether the link works or not:
 * the join page itself says that to whoever holds it.
 */
export const POST = apiRoute(async (req: Request) => {
  requireSameOrigin(req)
  await limitRequestByAddress('join', req)
  const { token } = (await readJsonOrForm(req, JoinForm)).data
  const db = await getDb()
  const invitation = await findLiveInvitation(db, token)
  if (invitation.live) await markInvitationOpened(db, invitation.participant.id)
  return new Response(null, { status: 204 })
})
