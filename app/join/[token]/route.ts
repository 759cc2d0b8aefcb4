import { headers } from 'next/headers'
import { isLocale } from '@/lib/i18n'
import { getServerTranslator } from '@/lib/server/web/translator'
import { getDb } from '@/lib/server/web/db'
import { permits } from '@/lib/conference/gate'
import { conferenceFactsOf, findConference } from '@/lib/server/db/repositories/conferences'
import { findLiveInvitation, findParticipantForUser } from '@/lib/server/db/repositories/participants'
import { getSignedInUser } from '@/lib/server/web/session'
import { isLinkableInvitation, mayLinkInvitation } from '@/lib/server/conference/link-account'
import { whenText, whereText } from '@/lib/server/conference/invitation-share/message'
import { lightManifest, lightStylesheetText } from '@/lib/server/web/light/manifest'
import { joinDocumentResponse, type JoinView } from '@/lib/server/web/light/JoinDocument'
import { signOutCsrfToken } from '@/lib/server/web/light/sign-out-csrf'
import type { Participant, User } from '@/lib/server/db/schema'

export const dynamic = 'force-dynamic'

/**
 * `/join/[token]`: the invitation link. Anyone holding it, on any device, without an account.
 * Opening it changes nothing (chat apps fetch links for previews); the one button posts the
 * token to /api/join, which remembers it in a cookie and opens the board (a phone: the phone view).
 * A professional's invitation can also be linked to their account here ("Koppel aan mijn account").
 *
 * A light document (issue 10, lib/server/web/light): plain server-rendered HTML without Next's
 * client runtime, so the page a relative opens first on a slow phone costs no JavaScript but the
 * one line that says she opened it, and one request: its stylesheet is in the page.
 */
export async function GET(req: Request, ctx: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await ctx.params
  const { locale, t } = await getServerTranslator()
  const invitation = await findValidInvitation(token)
  // The invitation's language (chosen by the facilitator, or by her with the switcher) wins over
  // this device's: the page opens again with it set (./language/route.ts), once.
  const invitedIn = invitation?.participant.locale
  if (isLocale(invitedIn) && invitedIn !== locale && new URL(req.url).searchParams.get('lang') !== invitedIn) {
    return new Response(null, { status: 307, headers: { Location: `/join/${encodeURIComponent(token)}/language`, 'Cache-Control': 'no-store' } })
  }
  const user = await getSignedInUser()
  const frame = { locale, t, nonce: (await headers()).get('x-nonce') ?? '', stylesheet: { inline: lightStylesheetText(lightManifest().site.css!) }, user: user && { name: user.name, signOutCsrfToken: await signOutCsrfToken() }, token }
  if (!invitation) return joinDocumentResponse(frame, null)

  const { participant, conference } = invitation
  // Someone the facilitator still has to let in (or declined) sees nothing of the conference, not
  // its title: the link may have reached someone it was not meant for.
  const showsConference = permits(participant, conference, 'conference.read')
  // When and where, as the invitation message says it: she may have only this link.
  const facts = conferenceFactsOf(conference)
  const view: JoinView = {
    token,
    participant: { displayName: participant.display_name, role: participant.role },
    conference: showsConference ? { id: conference.id, title: conference.title, when: whenText(t, locale, facts), where: whereText(t, facts) } : null,
    offersMyAgreements: permits(participant, conference, 'checkin.write'),
    accountLink: (await offersAccountLink(participant, user)) ? { conferenceId: conference.id, signedIn: user !== null, userName: user?.name ?? '' } : null,
  }
  return joinDocumentResponse(frame, view)
}

async function findValidInvitation(token: string) {
  const db = await getDb()
  const invitation = await findLiveInvitation(db, token)
  if (!invitation.live) return null
  const conference = await findConference(db, invitation.participant.conference_id)
  return conference ? { participant: invitation.participant, conference } : null
}

/**
 * Offer "Koppel aan mijn account" for a professional's (or facilitator's) invitation by link that
 * no account holds yet: to anyone signed out (signing in is the next step), and to a signed-in
 * account that may link it and has no row of its own in this conference.
 */
async function offersAccountLink(participant: Participant, user: User | null): Promise<boolean> {
  if (!isLinkableInvitation(participant)) return false
  if (!user) return true
  if (!mayLinkInvitation(participant.role, user.role)) return false
  return !(await findParticipantForUser(await getDb(), participant.conference_id, user.id))
}
