import { apiRoute, readJsonOrForm, requireSameOrigin, seeOther } from '@/lib/server/web/route'
import { getDb } from '@/lib/server/web/db'
import { getConfig } from '@/lib/server/config/env'
import { INVITATION_COOKIE_MAX_AGE_SECONDS, invitationCookieName } from '@/lib/conference/join-link'
import { findLiveInvitation } from '@/lib/server/db/repositories/participants'
import { markInvitationOpened } from '@/lib/server/db/repositories/invitation-reach'
import { ApiError } from '@/lib/protocol/api-error'
import { JoinForm } from '@/lib/protocol/api'
import { limitRequestByAddress } from '@/lib/server/rate-limit/request-limits'
import { setLocaleCookie } from '@/lib/server/web/locale-cookie'
import { isLocale } from '@/lib/i18n'
import { boardLandingPath, isPhoneRequest } from '@/lib/conference/phone-landing'

/**
 * POST /api/join — the "Naar het bord" button. Remembers the invitation in an httpOnly cookie
 * for that conference and sends the person on to the board (303), a phone to the phone view. A link that no longer works
 * goes back to the join page, which explains it kindly.
 */
export const POST = apiRoute(async (req: Request) => {
  requireSameOrigin(req)
  await limitRequestByAddress('join', req)
  let token: string
  let next: JoinForm['next']
  try {
    ;({ token, next } = (await readJsonOrForm(req, JoinForm)).data)
  } catch (err) {
    if (err instanceof ApiError && err.code === 'bad_request') return seeOther('/join/ongeldig')
    throw err
  }
  const db = await getDb()
  const invitation = await findLiveInvitation(db, token)
  if (!invitation.live) return seeOther(`/join/${token}`)
  const { participant } = invitation
  await markInvitationOpened(db, participant.id)
  // A phone lands on the phone view (issue 10); the whole board is one tap away from there.
  const landing = boardLandingPath(participant.conference_id, isPhoneRequest(req.headers))
  const response = seeOther(next === 'my-agreements' ? `/conferences/${participant.conference_id}/my-agreements` : landing)
  response.cookies.set(invitationCookieName(participant.conference_id), token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: getConfig().secureCookies,
    path: '/',
    maxAge: INVITATION_COOKIE_MAX_AGE_SECONDS,
  })
  // The board opens in the language of the invitation (the facilitator's choice or hers).
  if (isLocale(participant.locale)) setLocaleCookie(response, participant.locale, getConfig().secureCookies)
  return response
})
