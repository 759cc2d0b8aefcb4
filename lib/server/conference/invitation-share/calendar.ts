import { createEvent, type DateArray } from 'ics'
import type { ConferenceFacts } from '../../../conference/facts'
import { wallTimeToInstant } from '../../../conference/meeting-time'
import type { InvitationMessage } from './message'

/** When the facilitator gave a date but no duration: a conference takes an evening. */
const DEFAULT_DURATION_MINUTES = 150

/**
 * The meeting as a calendar file (.ics) for the invitee: in UTC, so her calendar shows it at her
 * own local hour; the whole day when no start time is known; null without a date. The link is in
 * the entry, so she finds it again on the day.
 */
export function invitationCalendar(facts: ConferenceFacts, message: InvitationMessage, joinUrl: string): string | null {
  if (facts.meetingDate === null) return null
  const location = [facts.place, facts.online ? joinUrl : null].filter((part) => part !== null).join(' · ')
  const common = { title: message.subject, description: message.text, url: joinUrl, productId: 'kring/invitation', ...(location ? { location } : {}) }
  const event =
    facts.startTime === null
      ? createEvent({ ...common, start: dayOf(facts.meetingDate), end: dayOf(facts.meetingDate, 1) })
      : createEvent({
          ...common,
          start: utcArray(wallTimeToInstant(facts.meetingDate, facts.startTime)),
          startInputType: 'utc',
          startOutputType: 'utc',
          duration: { minutes: facts.durationMinutes ?? DEFAULT_DURATION_MINUTES },
        })
  if (event.error || event.value === null) throw event.error ?? new Error('calendar entry not made')
  return event.value
}

function utcArray(instant: Date): DateArray {
  return [instant.getUTCFullYear(), instant.getUTCMonth() + 1, instant.getUTCDate(), instant.getUTCHours(), instant.getUTCMinutes()]
}

function dayOf(isoDate: string, plusDays = 0): DateArray {
  const day = new Date(`${isoDate}T00:00:00Z`)
  day.setUTCDate(day.getUTCDate() + plusDays)
  return [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()]
}
