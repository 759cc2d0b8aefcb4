/**
 * The invitation link and the cookie that remembers it. Opening the link changes nothing
 * (phones and chat apps fetch links for previews); the one tap on "Naar het bord" stores the
 * token in an httpOnly cookie scoped by conference, so the board page and the ticket route can
 * recognise the person without an account.
 */
export function joinUrlFor(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/join/${token}`
}

export function invitationCookieName(conferenceId: string): string {
  return `kring_inv_${conferenceId}`
}

/** A conference and its evaluation weeks later fit in a month; after that, open the link again. */
export const INVITATION_COOKIE_MAX_AGE_SECONDS = 30 * 24 * 60 * 60
