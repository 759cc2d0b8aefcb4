import type { ConferenceFacts } from '../../../conference/facts'
import type { Locale, Translate } from '../../../i18n'
import { intlLocaleOf } from '../../../i18n/format'

/**
 * The invitation as a message the facilitator sends from their phone (share sheet, WhatsApp, SMS,
 * e-mail), in the invitee's language: when and where, what to expect, the personal link. It names
 * no family and no child: a chat message travels further than the board.
 */
export interface InvitationMessage {
  subject: string
  text: string
}

export function invitationMessage(input: {
  t: Translate
  locale: Locale
  name: string
  facts: ConferenceFacts
  joinUrl: string
  facilitatorName: string
}): InvitationMessage {
  const { t, facts } = input
  const when = whenText(t, input.locale, facts)
  const where = whereText(t, facts)
  const lines = [
    t('web.share.greeting', { name: input.name }),
    '',
    t('web.share.invited'),
    '',
    ...(when ? [t('web.share.when', { when })] : []),
    ...(where ? [t('web.share.where', { where })] : []),
    ...(when || where ? [''] : []),
    t('web.share.expect'),
    '',
    t('web.share.link'),
    input.joinUrl,
    '',
    t('web.share.closing', { name: input.facilitatorName }),
  ]
  const date = facts.meetingDate === null ? null : longDate(input.locale, facts.meetingDate)
  return { subject: date ? t('web.share.subjectOn', { date }) : t('web.share.subject'), text: lines.join('\n') }
}

function longDate(locale: Locale, isoDate: string): string {
  return new Intl.DateTimeFormat(intlLocaleOf(locale), { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`))
}

function durationText(t: Translate, locale: Locale, minutes: number): string {
  if (minutes < 60) return t('web.share.minutes', { minutes })
  const hours = new Intl.NumberFormat(intlLocaleOf(locale), { maximumFractionDigits: 1 }).format(minutes / 60)
  return t('web.share.hours', { hours })
}

/** When the meeting is, in the reader's words (Dutch time), or null without a date. */
export function whenText(t: Translate, locale: Locale, facts: ConferenceFacts): string | null {
  if (facts.meetingDate === null) return null
  const date = longDate(locale, facts.meetingDate)
  const start = facts.startTime === null ? date : t('web.share.dateTime', { date, time: facts.startTime })
  return facts.durationMinutes === null ? start : `${start}, ${durationText(t, locale, facts.durationMinutes)}`
}

/** Where the meeting is (a place, online, or both), or null when not known. */
export function whereText(t: Translate, facts: ConferenceFacts): string | null {
  if (facts.place !== null && facts.online) return t('web.share.placeAndOnline', { place: facts.place })
  if (facts.online) return t('web.share.online')
  return facts.place
}
