import { describe, expect, it } from 'vitest'
import { agreementCalendar, recurrenceRule } from '@/lib/plan/follow-up/calendar'
import { parseConfig } from '@/lib/server/config/env'
import { followUpPlan } from '../helpers/follow-up-world'

describe('recurrenceRule: the rhythm of an agreement for a calendar', () => {
  it.each([
    ['elke woensdag', 'FREQ=WEEKLY;BYDAY=WE'],
    ['maandag en donderdag', 'FREQ=WEEKLY;BYDAY=MO,TH'],
    ['elke dag', 'FREQ=DAILY'],
    ['elke schooldag 7:30', 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'],
    ['om de week', 'FREQ=WEEKLY;INTERVAL=2'],
    ['een keer per maand', 'FREQ=MONTHLY'],
    ['om de drie maanden', 'FREQ=MONTHLY;INTERVAL=3'],
    ['jaarlijks', 'FREQ=YEARLY'],
    ['als het nodig is', 'FREQ=WEEKLY'],
  ])('%s → %s', (when, rule) => {
    expect(recurrenceRule(when)).toBe(rule)
  })
})

describe('agreementCalendar', () => {
  const agreement = { ...followUpPlan().agreements[0]!, what: 'Sem naar school brengen, met de fiets; ook als het regent' }
  const ics = agreementCalendar({ agreement, conferenceId: 'conf12345', frozenAt: '2026-03-03T19:30:00.000Z', now: new Date('2026-03-04T10:00:00.000Z'), title: agreement.what, description: 'Wanneer: elke woensdag\nReserve: Tante Amira' })
  it('is one all-day recurring event from the day of agreeing, lines ended with CRLF', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true)
    expect(ics).toContain('DTSTART;VALUE=DATE:20260303\r\n')
    expect(ics).toContain('RRULE:FREQ=WEEKLY;BYDAY=WE\r\n')
    expect(ics).toContain('SUMMARY:Sem naar school brengen\\, met de fiets\\; ook als het regent')
    expect(ics).toContain('DESCRIPTION:Wanneer: elke woensdag\\nReserve: Tante Amira')
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true)
  })
  it('folds long lines at 75 octets', () => {
    const long = agreementCalendar({ agreement, conferenceId: 'c', frozenAt: '2026-03-03T19:30:00.000Z', now: new Date(), title: 'ä'.repeat(100), description: '' })
    for (const line of long.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
  })
})

describe('SMTP_URL', () => {
  const base = { AUTH_SECRET: 'x'.repeat(40) }
  it('is off by default and validated when set', () => {
    expect(parseConfig(base).mail).toBeNull()
    expect(parseConfig({ ...base, SMTP_URL: 'smtps://u:p@mail.example.org:465' }).mail).toMatchObject({ smtpUrl: 'smtps://u:p@mail.example.org:465', from: 'Kring <kring@localhost>' })
    expect(() => parseConfig({ ...base, SMTP_URL: 'http://mail.example.org' })).toThrow(/SMTP_URL/)
    expect(() => parseConfig({ ...base, SMTP_URL: 'not a url' })).toThrow(/SMTP_URL/)
  })
})
