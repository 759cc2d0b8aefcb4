import { invitationCookieName } from '@/lib/conference/join-link'
import type { Locale } from '@/lib/i18n'
import { findLiveInvitation, setParticipantLocale } from '@/lib/server/db/repositories/participants'
import type { Db } from '@/lib/server/db/connect'

/** The invitation a page belongs to: /join/<token> names it, /board/<id>/… and /conferences/<id>/… through that conference's cookie. */
function invitationTokenFor(returnTo: string, readCookie: (name: string) => string | undefined): string | undefined {
  const path = returnTo.split(/[?#]/)[0] ?? ''
  const join = /^\/join\/([^/]+)/.exec(path)
  if (join) return decodeURIComponent(join[1]!)
  const conference = /^\/(?:board|conferences)\/([^/]+)/.exec(path)
  return conference ? readCookie(invitationCookieName(decodeURIComponent(conference[1]!))) : undefined
}

/**
 * Someone invited by link chose another language with the switcher: keep it on their participant
 * row too, so their invitation opens in it next time, on any device. Only the invitation of the
 * page they switched on (a shared tablet may hold another person's invitation for another meeting).
 */
export async function keepParticipantLocale(db: Db, returnTo: string, locale: Locale, readCookie: (name: string) => string | undefined): Promise<void> {
  const token = invitationTokenFor(returnTo, readCookie)
  if (!token) return
  const invitation = await findLiveInvitation(db, token)
  if (invitation.live) await setParticipantLocale(db, invitation.participant.id, locale)
}
