import { routeHarness } from '../helpers/route-harness'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ConferencePhase } from '../../lib/conference/model'
import { invitationCookieName } from '../../lib/conference/join-link'
import { ApiErrorBody } from '../../lib/protocol/api-error'
import { credentialsOf, PLAN_LINE, setPhase, TITLE, type Asker } from './gate-fixtures'

// The route handlers as Next runs them, with the request's session, cookies and database stubbed
// (tests/helpers/route-harness.ts).
const harness = routeHarness()
const { origin } = harness

type Handler = (req: Request, ctx: unknown) => Promise<Response>
/** Each route types its own params; the tests hand every route the params it reads. */
const handler = (route: unknown) => route as Handler
const routes = {} as Record<'versions' | 'export' | 'ticket' | 'invite' | 'revoke', Handler>

beforeAll(async () => {
  routes.versions = handler((await import('../../app/api/conferences/[id]/versions/route')).GET)
  routes.export = handler((await import('../../app/api/conferences/[id]/versions/[version]/export/route')).GET)
  routes.ticket = handler((await import('../../app/api/conferences/[id]/ticket/route')).POST)
  routes.invite = handler((await import('../../app/api/conferences/[id]/invitations/route')).POST)
  routes.revoke = handler((await import('../../app/api/conferences/[id]/invitations/[participantId]/route')).DELETE)
}, 60_000)

type Surface = 'versions' | 'export json' | 'export pdf' | 'ticket' | 'invite'

/** One request as `asker` would make it from the browser (same origin, their session and cookies). */
async function ask(asker: Asker, surface: Surface, conferenceId = harness.world.conference.id): Promise<Response> {
  // The invitation cookie named for the conference asked about (also one that does not exist).
  harness.as(credentialsOf(harness.world, asker, invitationCookieName(conferenceId)))
  const base = `${origin}/api/conferences/${conferenceId}`
  const get = (path: string) => new Request(`${base}${path}`)
  const post = (path: string, body?: unknown) =>
    new Request(`${base}${path}`, {
      method: 'POST',
      headers: { Origin: origin, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : null,
    })
  switch (surface) {
    case 'versions':
      return routes.versions(get('/versions'), { params: Promise.resolve({ id: conferenceId }) })
    case 'export json':
    case 'export pdf':
      return routes.export(get(`/versions/1/export?format=${surface.slice(7)}`), { params: Promise.resolve({ id: conferenceId, version: '1' }) })
    case 'ticket':
      return routes.ticket(post('/ticket'), { params: Promise.resolve({ id: conferenceId }) })
    case 'invite':
      return routes.invite(post('/invitations', { displayName: 'Tante Amira', role: 'network' }), { params: Promise.resolve({ id: conferenceId }) })
  }
}

/** A refused answer is the error body and nothing else: no title, no plan, no names. */
async function expectRefusal(response: Response, status: number): Promise<void> {
  expect(response.status).toBe(status)
  const text = await response.text()
  expect(ApiErrorBody.safeParse(JSON.parse(text)).success).toBe(true)
  expect(text).not.toContain(TITLE)
  expect(text).not.toContain(PLAN_LINE)
  expect(text).not.toContain('Mama Sanne')
}

// [who asks, phase, surface, expected status]. The findings of issue 8 are marked.
const table: [Asker, ConferencePhase, Surface, number][] = [
  // Finding 1: a professional never admitted from the lobby.
  ['professionalNeverAdmitted', 'plan_en_afspraken', 'versions', 403],
  ['professionalNeverAdmitted', 'plan_en_afspraken', 'export json', 403],
  ['professionalNeverAdmitted', 'plan_en_afspraken', 'export pdf', 403],
  // Finding 2: in the lobby, or declined.
  ['familyInLobby', 'plan_en_afspraken', 'versions', 403],
  ['familyDeclined', 'plan_en_afspraken', 'versions', 403],
  ['familyDeclined', 'plan_en_afspraken', 'ticket', 403],
  // Finding 3: removed with the invitation kept.
  ['professionalRemovedKept', 'plan_en_afspraken', 'export json', 403],
  ['professionalRemovedKept', 'plan_en_afspraken', 'versions', 403],
  // Finding 4: a professional in the waiting room during private family time.
  ['professional', 'besloten_deel', 'export json', 403],
  ['professional', 'besloten_deel', 'export pdf', 403],
  ['professional', 'besloten_deel', 'versions', 403],
  // The facilitator leaves during private family time too (the conference's default).
  ['facilitator', 'besloten_deel', 'export json', 403],
  // Those who may.
  ['facilitator', 'plan_en_afspraken', 'versions', 200],
  ['facilitator', 'plan_en_afspraken', 'export json', 200],
  ['professional', 'plan_en_afspraken', 'export pdf', 200],
  ['professional', 'afgesloten', 'export json', 200],
  ['family', 'plan_en_afspraken', 'versions', 200],
  ['family', 'plan_en_afspraken', 'export json', 403],
  // Tickets: whoever is let in (also the waiting room), and whoever may knock at the lobby.
  ['facilitator', 'informatie', 'ticket', 200],
  ['professional', 'besloten_deel', 'ticket', 200],
  ['familyInLobby', 'informatie', 'ticket', 200],
  ['professionalNeverAdmitted', 'informatie', 'ticket', 200],
  ['professionalRemovedKept', 'informatie', 'ticket', 200],
  ['professionalRevoked', 'informatie', 'ticket', 403],
  // Invitations: `invitations.manage`, the facilitator only.
  ['facilitator', 'informatie', 'invite', 201],
  ['professional', 'informatie', 'invite', 403],
  ['family', 'informatie', 'invite', 403],
  ['stranger', 'informatie', 'invite', 403],
  // Credentials that open nothing here, and none at all.
  ['professionalRevoked', 'plan_en_afspraken', 'export json', 403],
  ['stranger', 'plan_en_afspraken', 'versions', 403],
  ['foreign-invitation', 'plan_en_afspraken', 'versions', 403],
  ['foreign-invitation', 'plan_en_afspraken', 'ticket', 403],
  ['nobody', 'plan_en_afspraken', 'versions', 401],
  ['nobody', 'plan_en_afspraken', 'export json', 401],
  ['nobody', 'plan_en_afspraken', 'ticket', 401],
  ['nobody', 'plan_en_afspraken', 'invite', 401],
]

describe('the gate on every conference route', () => {
  it.each(table)('%s in %s: %s → %i', async (asker, phase, surface, expected) => {
    await setPhase(harness.db, harness.world.conference.id, phase)
    const response = await ask(asker, surface)
    if (expected >= 400) return expectRefusal(response, expected)
    expect(response.status).toBe(expected)
  })

  it('gives an admitted professional the plan itself, and lists the versions without it', async () => {
    await setPhase(harness.db, harness.world.conference.id, 'plan_en_afspraken')
    const exported = await ask('professional', 'export json')
    expect(await exported.text()).toContain(PLAN_LINE)
    const versions = await (await ask('professional', 'versions')).json()
    expect(versions).toMatchObject({ mayExport: true, versions: [{ version: 1, agreedBy: [{ name: 'Mama Sanne' }] }] })
    expect(JSON.stringify(versions)).not.toContain(PLAN_LINE)
    expect(await (await ask('family', 'versions')).json()).toMatchObject({ mayExport: false })
  })

  it('answers an unknown conference as a foreign one (403), so an id alone reveals nothing', async () => {
    for (const asker of ['facilitator', 'stranger', 'professional'] as const) {
      await expectRefusal(await ask(asker, 'versions', 'doesNotExist1234'), 403)
    }
    await expectRefusal(await ask('nobody', 'versions', 'doesNotExist1234'), 401)
  })

  it('never lets the facilitator revoke their own row', async () => {
    const row = await harness.db.selectFrom('participants').select('id').where('conference_id', '=', harness.world.conference.id).where('role', '=', 'facilitator').executeTakeFirstOrThrow()
    harness.as({ user: harness.world.facilitator })
    const request = new Request(`${origin}/api/conferences/${harness.world.conference.id}/invitations/${row.id}`, { method: 'DELETE', headers: { Origin: origin } })
    await expectRefusal(await routes.revoke(request, { params: Promise.resolve({ id: harness.world.conference.id, participantId: row.id }) }), 403)
  })
})
