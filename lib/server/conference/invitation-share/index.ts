import { locales, type Locale } from '../../../i18n'
import { createTranslator } from '../../../i18n/catalogs'
import type { Db } from '../../db/connect'
import { conferenceFactsOf, findConference } from '../../db/repositories/conferences'
import type { InvitationShare, InviteResponse } from '../../../protocol/api'
import { invitationCalendar } from './calendar'
import { invitationMessage } from './message'

/**
 * What the facilitator needs to send a fresh invitation on (issue 10): the message in the
 * invitee's language and the calendar file, both holding the link. Made when the link is made,
 * the only moment the server has it (it keeps a hash).
 */
export async function sharesOfInvitation(db: Db, input: { conferenceId: string; invited: InviteResponse; facilitatorName: string }): Promise<InvitationShare[]> {
  const conference = await findConference(db, input.conferenceId)
  if (!conference) throw new Error('conference not found')
  const facts = conferenceFactsOf(conference)
  return locales.map((locale: Locale) => {
    const message = invitationMessage({
      t: createTranslator(locale),
      locale,
      name: input.invited.participant.displayName,
      facts,
      joinUrl: input.invited.joinUrl,
      facilitatorName: input.facilitatorName,
    })
    return { locale, ...message, calendar: invitationCalendar(facts, message, input.invited.joinUrl) }
  })
}
