import { routeRequest } from '../helpers/route-harness'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Db } from '../../lib/server/db/connect'
import { setConferenceFacts } from '../../lib/server/db/repositories/conferences'
import { findParticipant, revokeParticipant } from '../../lib/server/db/repositories/participants'
import type { Conference, User } from '../../lib/server/db/schema'
import { seedConference, seedInvitation, seedUser } from '../../lib/server/db/seed'
import { InviteResponse } from '../../lib/protocol/api'
import { wallTimeToInstant } from '../../lib/conference/meeting-time'

/**
 * The invitation reaches her (issue 10 part 4): a fresh invitation comes with a message in every
 * language and a calendar file, and the facilitator's list learns when a link was opened. Routes as
 * Next runs them, session and database stubbed (tests/helpers/route-harness.ts).
 */
const harness = routeRequest()
const { origin } = harness

type Handler = (req: Request, ctx: unknown) => Promise<Response>
let invite: Handler
let opened: Handler
let join: Handler

let db: Db
let conference: Conference
let facilitator: User

beforeAll(async () => {
  invite = (await import('../../app/api/conferences/[id]/invitations/route')).POST as Handler
  opened = (await import('../../app/api/join/opened/route')).POST as Handler
  join = (await import('../../app/api/join/route')).POST as Handler
}, 60_000)

beforeEach(async () => {
  db = harness.db
  facilitator = await seedUser(db, { email: 'fenna@example.org', name: 'Fenna de Vries' })
  ;({ conference } = await seedConference(db, { title: 'Familie El Amrani', facilitator }))
})

const json = (path: string, body: unknown, handler: Handler, params: Record<string, string> = {}) =>
  handler(new Request(`${origin}${path}`, { method: 'POST', headers: { Origin: origin, 'Content-Type': 'application/json' }, body: JSON.stringify(body) }), {
    params: Promise.resolve(params),
  })

async function inviteAmina() {
  harness.as({ user: facilitator })
  const response = await json(`/api/conferences/${conference.id}/invitations`, { displayName: 'Tante Amina', role: 'network' }, invite, { id: conference.id })
  expect(response.status).toBe(201)
  return InviteResponse.parse(await response.json())
}

describe('a fresh invitation, ready to send on', () => {
  it('comes with the message in every language: when (Dutch time), where, what to expect and the link, without the family name', async () => {
    await setConferenceFacts(db, conference.id, { meetingDate: '2026-12-08', startTime: '19:30', durationMinutes: 150, place: 'Buurthuis De Kring', online: true })
    const invited = await inviteAmina()
    const byLocale = Object.fromEntries((invited.shares ?? []).map((share) => [share.locale, share]))
    expect(Object.keys(byLocale)).toEqual(expect.arrayContaining(['nl', 'en']))
    const nl = byLocale.nl!
    expect(nl.text).toContain('Hallo Tante Amina,')
    expect(nl.text).toContain('dinsdag 8 december 2026 om 19:30 (Nederlandse tijd), ongeveer 2,5 uur')
    expect(nl.text).toContain('Buurthuis De Kring, of online')
    expect(nl.text).toContain(invited.joinUrl)
    expect(nl.text).toContain('Fenna de Vries')
    expect(nl.subject).toBe('Uitnodiging familienetwerkberaad, dinsdag 8 december 2026')
    expect(byLocale.en!.text).toContain('Tuesday, 8 December 2026 at 19:30 (Dutch time), about 2.5 hours')
    for (const share of invited.shares ?? []) expect(`${share.subject}${share.text}`).not.toContain('El Amrani')
  })

  it('comes with a calendar file in UTC, so the relative abroad sees her own hour; whole day without a time; none without a date', async () => {
    await setConferenceFacts(db, conference.id, { meetingDate: '2026-12-08', startTime: '19:30', durationMinutes: 150 })
    const winter = (await inviteAmina()).shares!.find((s) => s.locale === 'nl')!.calendar!
    expect(winter).toContain('DTSTART:20261208T183000Z')
    expect(winter).toContain('DURATION:PT150M')
    expect(winter.replace(/\r\n[ \t]/g, '')).toContain('/join/')

    await setConferenceFacts(db, conference.id, { meetingDate: '2026-06-09' })
    const wholeDay = (await inviteAmina()).shares!.find((s) => s.locale === 'nl')!.calendar!
    expect(wholeDay).toContain('DTSTART;VALUE=DATE:20260609')

    await setConferenceFacts(db, conference.id, {})
    expect((await inviteAmina()).shares!.every((s) => s.calendar === null)).toBe(true)
  })
})

describe('whether the link reached its person', () => {
  it('is unknown until the join page runs in a browser; opening twice keeps the first time', async () => {
    const aunt = await seedInvitation(db, { conferenceId: conference.id, displayName: 'Tante Amina', role: 'network' })
    expect((await findParticipant(db, aunt.participant.id))!.opened_at).toBeNull()
    expect((await json('/api/join/opened', { token: aunt.token }, opened)).status).toBe(204)
    const first = (await findParticipant(db, aunt.participant.id))!.opened_at
    expect(first).not.toBeNull()
    await json('/api/join/opened', { token: aunt.token }, opened)
    expect((await findParticipant(db, aunt.participant.id))!.opened_at).toBe(first)
  })

  it('counts the "Naar het bord" button as opened too, and nothing for a revoked link or a made-up token', async () => {
    const aunt = await seedInvitation(db, { conferenceId: conference.id, displayName: 'Tante Amina', role: 'network' })
    const mother = await seedInvitation(db, { conferenceId: conference.id, displayName: 'Mama Sanne', role: 'family' })
    await revokeParticipant(db, conference.id, mother.participant.id)
    expect((await json('/api/join', { token: aunt.token }, join)).status).toBe(303)
    expect((await findParticipant(db, aunt.participant.id))!.opened_at).not.toBeNull()
    expect((await json('/api/join/opened', { token: mother.token }, opened)).status).toBe(204)
    expect((await findParticipant(db, mother.participant.id))!.opened_at).toBeNull()
    expect((await json('/api/join/opened', { token: 'x'.repeat(5000) }, opened)).status).toBe(400)
  })
})

describe('the meeting time', () => {
  it('is Dutch wall-clock time, winter and summer', () => {
    expect(wallTimeToInstant('2026-12-08', '19:30').toISOString()).toBe('2026-12-08T18:30:00.000Z')
    expect(wallTimeToInstant('2026-06-09', '19:30').toISOString()).toBe('2026-06-09T17:30:00.000Z')
    // The night the clocks go back: 02:30 happens twice; either reading is a real instant.
    expect(['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']).toContain(wallTimeToInstant('2026-10-25', '02:30').toISOString())
  })
})
