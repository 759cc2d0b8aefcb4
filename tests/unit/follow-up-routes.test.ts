import { routeRequest } from '../helpers/route-harness'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { invitationCookieName } from '../../lib/conference/join-link'
import { setConferencePhase } from '../../lib/server/db/repositories/conferences'
import { listAudit } from '../../lib/server/db/repositories/audit'
import { ApiErrorBody } from '../../lib/protocol/api-error'
import { CheckInResponse } from '../../lib/protocol/follow-up'
import { seedFollowUpWorld, WEDNESDAY } from '../helpers/follow-up-world'
import { auditNames, describeAuditEntries } from '../../lib/server/conference/audit-log'
import { listParticipants } from '../../lib/server/db/repositories/participants'
import { createTranslator } from '../../lib/i18n/catalogs'

// The follow-up route handlers as Next runs them: the request's cookies and database stubbed
// (tests/helpers/route-harness.ts), the gate and the follow-up's own checks real.
const harness = routeRequest({ world: (db) => seedFollowUpWorld(db, new Date(Date.now() - 24 * 60 * 60 * 1000)) })
const { origin } = harness
vi.mock('@/lib/server/web/translator', async () => {
  const { createTranslator } = await import('../../lib/i18n/catalogs')
  return { getRequestLocale: async () => 'en', getServerTranslator: async () => ({ locale: 'nl', t: createTranslator('nl') }) }
})

type Handler = (req: Request, ctx: unknown) => Promise<Response>
let checkins: Handler
let takeovers: Handler
let calendar: Handler
let contact: Handler

beforeAll(async () => {
  checkins = (await import('../../app/api/conferences/[id]/checkins/route')).POST as Handler
  takeovers = (await import('../../app/api/conferences/[id]/takeovers/route')).POST as Handler
  calendar = (await import('../../app/api/conferences/[id]/calendar/route')).GET as Handler
  contact = (await import('../../app/api/conferences/[id]/contact/route')).POST as Handler
}, 60_000)

function as(token: string | null): void {
  harness.as({ cookies: token === null ? {} : { [invitationCookieName(harness.world.conference.id)]: token } })
}

function post(route: Handler, path: string, body: unknown, form = false): Promise<Response> {
  const init: RequestInit = form
    ? { body: new URLSearchParams(body as Record<string, string>).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', origin } }
    : { body: JSON.stringify(body), headers: { 'content-type': 'application/json', origin } }
  return route(new Request(`${origin}/api/conferences/${harness.world.conference.id}/${path}`, { method: 'POST', ...init }), {
    params: Promise.resolve({ id: harness.world.conference.id }),
  })
}

async function errorCode(res: Response): Promise<string> {
  return ApiErrorBody.parse(await res.json()).error.code
}

describe('POST checkins', () => {
  it('takes an owner\'s "lukt niet" for the running period and audits it with ids only', async () => {
    as(harness.world.mother.token)
    const res = await post(checkins, 'checkins', { agreementId: WEDNESDAY, outcome: 'cannot', reason: 'Ik lig in het ziekenhuis', askBackup: true })
    expect(res.status).toBe(201)
    const { checkIn } = CheckInResponse.parse(await res.json())
    expect(checkIn).toMatchObject({ agreementId: WEDNESDAY, outcome: 'cannot', periodIndex: 0 })
    const row = await harness.db.selectFrom('agreement_checkins').selectAll().executeTakeFirstOrThrow()
    expect(row).toMatchObject({ participant_id: harness.world.mother.participant.id, reason: 'Ik lig in het ziekenhuis', backup_asked: 1 })
    const audit = (await listAudit(harness.db, harness.world.conference.id)).find((e) => e.action === 'agreement.checked-in')
    expect(audit?.actor).toBe(harness.world.mother.participant.id)
    expect(audit?.detail).toContain(`agreement=${WEDNESDAY}`)
    expect(audit?.detail).not.toContain('ziekenhuis')
    // The facilitator reads it as a sentence, without the reason.
    const [sentence] = describeAuditEntries([audit!], auditNames(await listParticipants(harness.db, harness.world.conference.id)), createTranslator('nl'))
    expect(sentence).toMatchObject({ who: 'Mama Sanne', what: 'Zei "Lukt niet" over een afspraak van versie 1 en vroeg de reserve' })
  })

  it('answers a phone form with a redirect back to the page', async () => {
    as(harness.world.mother.token)
    const res = await post(checkins, 'checkins', { agreementId: WEDNESDAY, outcome: 'done', reason: '' }, true)
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/conferences/${harness.world.conference.id}/my-agreements?saved=${encodeURIComponent(WEDNESDAY)}`)
  })

  it('refuses someone who does not own the agreement, also its backup and the professional', async () => {
    for (const who of [harness.world.aunt, harness.world.grandpa, harness.world.professional]) {
      as(who.token)
      const res = await post(checkins, 'checkins', { agreementId: WEDNESDAY, outcome: 'done' })
      expect(res.status).toBe(403)
    }
    expect(await harness.db.selectFrom('agreement_checkins').selectAll().execute()).toHaveLength(0)
  })

  it('refuses before the plan is agreed (the gate), and without an invitation', async () => {
    as(null)
    expect(await errorCode(await post(checkins, 'checkins', { agreementId: WEDNESDAY, outcome: 'done' }))).toBe('unauthenticated')
    await setConferencePhase(harness.db, { conferenceId: harness.world.conference.id, phase: 'informatie' })
    as(harness.world.mother.token)
    expect(await errorCode(await post(checkins, 'checkins', { agreementId: WEDNESDAY, outcome: 'done' }))).toBe('forbidden')
  })

  it('parses the body strictly', async () => {
    as(harness.world.mother.token)
    for (const body of [
      { agreementId: WEDNESDAY, outcome: 'maybe' },
      { agreementId: 'wednesday', outcome: 'done' },
      { agreementId: WEDNESDAY, outcome: 'cannot', reason: 'x'.repeat(201) },
      { agreementId: WEDNESDAY, outcome: 'done', participantId: harness.world.aunt.participant.id },
    ]) {
      expect(await errorCode(await post(checkins, 'checkins', body))).toBe('bad_request')
    }
    expect(await errorCode(await post(checkins, 'checkins', { agreementId: 'shape:gone', outcome: 'done' }))).toBe('not_found')
  })
})

describe('POST takeovers', () => {
  async function cannotWithBackup(askBackup: boolean): Promise<string> {
    as(harness.world.mother.token)
    const res = await post(checkins, 'checkins', { agreementId: WEDNESDAY, outcome: 'cannot', reason: 'ziek', askBackup })
    return CheckInResponse.parse(await res.json()).checkIn.id
  }

  it('lets the backup take it over once, and nobody else', async () => {
    const checkInId = await cannotWithBackup(true)
    as(harness.world.mother.token)
    expect((await post(takeovers, 'takeovers', { checkInId })).status).toBe(403)
    as(harness.world.grandpa.token)
    expect((await post(takeovers, 'takeovers', { checkInId })).status).toBe(403)
    as(harness.world.aunt.token)
    expect((await post(takeovers, 'takeovers', { checkInId })).status).toBe(201)
    expect(await errorCode(await post(takeovers, 'takeovers', { checkInId }))).toBe('bad_request')
    const audit = await listAudit(harness.db, harness.world.conference.id)
    expect(audit.filter((e) => e.action === 'agreement.taken-over').map((e) => e.actor)).toEqual([harness.world.aunt.participant.id])
  })

  it('refuses a "lukt niet" that did not ask the backup', async () => {
    const checkInId = await cannotWithBackup(false)
    as(harness.world.aunt.token)
    expect(await errorCode(await post(takeovers, 'takeovers', { checkInId }))).toBe('bad_request')
  })
})

describe('GET calendar and POST contact', () => {
  const ics = (agreement: string) =>
    calendar(new Request(`${origin}/api/conferences/${harness.world.conference.id}/calendar?agreement=${encodeURIComponent(agreement)}`), { params: Promise.resolve({ id: harness.world.conference.id }) })

  it('gives an owner and the backup the agreement as a calendar file with its rhythm, nobody else', async () => {
    as(harness.world.mother.token)
    const res = await ics(WEDNESDAY)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    const body = await res.text()
    expect(body).toContain('RRULE:FREQ=WEEKLY;BYDAY=WE')
    expect(body).toContain('SUMMARY:Sem naar school brengen')
    as(harness.world.aunt.token)
    expect((await ics(WEDNESDAY)).status).toBe(200)
    as(harness.world.grandpa.token)
    expect((await ics(WEDNESDAY)).status).toBe(403)
  })

  it("keeps an address for reminders in the page's language, and removes it on request", async () => {
    as(harness.world.mother.token)
    expect((await post(contact, 'contact', { email: 'sanne@example.org' }, true)).status).toBe(303)
    expect(await harness.db.selectFrom('participant_contacts').select(['participant_id', 'email', 'locale']).execute()).toEqual([
      { participant_id: harness.world.mother.participant.id, email: 'sanne@example.org', locale: 'en' },
    ])
    expect(await errorCode(await post(contact, 'contact', { email: 'not an address' }, true))).toBe('bad_request')
    expect((await post(contact, 'contact', { email: '' }, true)).status).toBe(303)
    expect(await harness.db.selectFrom('participant_contacts').selectAll().execute()).toEqual([])
  })
})
