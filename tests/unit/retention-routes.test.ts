import { routeHarness } from '../helpers/route-harness'
import { beforeAll, describe, expect, it } from 'vitest'
import { DeleteConferenceResponse, DeletionSummaryResponse, RetentionResponse } from '../../lib/protocol/retention'
import { PersonalDataExport } from '../../lib/protocol/personal-data'
import { PLAN_LINE, TITLE, type Asker } from './gate-fixtures'

// The retention, deletion and personal-data routes as Next runs them, with session, cookies and
// database stubbed (tests/helpers/route-harness.ts).
const harness = routeHarness()
const { origin, as } = harness

type Handler = (req: Request, ctx: unknown) => Promise<Response>
const routes = {} as Record<'summary' | 'delete' | 'retention' | 'setRetention' | 'myData', Handler>

beforeAll(async () => {
  routes.summary = (await import('../../app/api/conferences/[id]/deletion/route')).GET as Handler
  routes.delete = (await import('../../app/api/conferences/[id]/route')).DELETE as Handler
  const retention = await import('../../app/api/conferences/[id]/retention/route')
  routes.retention = retention.GET as Handler
  routes.setRetention = retention.PUT as Handler
  routes.myData = (await import('../../app/api/conferences/[id]/my-data/route')).GET as Handler
}, 60_000)

const url = (path = '') => `${origin}/api/conferences/${harness.world.conference.id}${path}`
const params = () => ({ params: Promise.resolve({ id: harness.world.conference.id }) })
const deleteRequest = (headers: Record<string, string> = { Origin: origin }) => new Request(url(), { method: 'DELETE', headers })
const putRetention = (body: unknown) =>
  new Request(url('/retention'), { method: 'PUT', headers: { 'Content-Type': 'application/json', Origin: origin }, body: JSON.stringify(body) })
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10)

describe('deleting a conference: who may', () => {
  const refused: Asker[] = ['familyInLobby', 'family', 'professional', 'professionalRemovedKept', 'professionalRevoked', 'stranger', 'foreign-invitation']
  it.each(refused.map((a) => [a]))('%s gets 403 for the summary and the deletion, and the conference stays', async (asker) => {
    as(asker)
    expect((await routes.summary(new Request(url('/deletion')), params())).status).toBe(403)
    expect((await routes.delete(deleteRequest(), params())).status).toBe(403)
    const row = await harness.db.selectFrom('conferences').select(['deleted_at', 'title']).where('id', '=', harness.world.conference.id).executeTakeFirstOrThrow()
    expect(row).toEqual({ deleted_at: null, title: TITLE })
  })

  it('nobody signed in gets 401; another site gets 403', async () => {
    as('nobody')
    expect((await routes.delete(deleteRequest(), params())).status).toBe(401)
    as('facilitator')
    expect((await routes.delete(deleteRequest({ Origin: 'https://evil.example' }), params())).status).toBe(403)
  })

  it('the facilitator sees what goes, deletes, and then the conference is gone for everyone (also for them)', async () => {
    as('facilitator')
    const summary = DeletionSummaryResponse.parse(await (await routes.summary(new Request(url('/deletion')), params())).json())
    // Every person in every state, the facilitator included; one agreed version.
    expect(summary).toMatchObject({ versions: 1, participants: 8, checkpoints: 0 })

    const response = await routes.delete(deleteRequest(), params())
    expect(response.status).toBe(200)
    expect(DeleteConferenceResponse.parse(await response.json())).toMatchObject({ deleted: true, versions: 1, participants: 8 })

    expect((await routes.summary(new Request(url('/deletion')), params())).status).toBe(403)
    expect((await routes.delete(deleteRequest(), params())).status).toBe(403)
    as('family')
    expect((await routes.myData(new Request(url('/my-data')), params())).status).toBe(403)
    const versions = await harness.db.selectFrom('plan_versions').select('id').where('conference_id', '=', harness.world.conference.id).execute()
    expect(versions).toEqual([])
    const audit = await harness.db.selectFrom('audit_log').select(['action', 'actor']).where('conference_id', '=', harness.world.conference.id).where('action', '=', 'conference.deleted').execute()
    expect(audit).toEqual([{ action: 'conference.deleted', actor: harness.world.facilitator.id }])
  })
})

describe('the retention date', () => {
  it('the facilitator reads it and chooses a date within the bounds; outside them is 400', async () => {
    as('facilitator')
    const before = RetentionResponse.parse(await (await routes.retention(new Request(url('/retention')), params())).json())
    expect(before.retentionDays).toBe(365)
    expect(before.earliest).toBe(day(30))

    const chosen = RetentionResponse.parse(await (await routes.setRetention(putRetention({ retainUntil: day(90) }), params())).json())
    expect(chosen.retentionDays).toBe(90)
    expect(chosen.retainUntil.slice(0, 10)).toBe(day(90))

    expect((await routes.setRetention(putRetention({ retainUntil: day(3) }), params())).status).toBe(400)
    expect((await routes.setRetention(putRetention({ retainUntil: day(2000) }), params())).status).toBe(400)
    expect((await routes.setRetention(putRetention({ retainUntil: 'soon' }), params())).status).toBe(400)
  })

  it('refuses everyone else (403)', async () => {
    for (const asker of ['family', 'professional', 'familyInLobby', 'stranger'] as const) {
      as(asker)
      expect((await routes.retention(new Request(url('/retention')), params())).status, asker).toBe(403)
      expect((await routes.setRetention(putRetention({ retainUntil: day(90) }), params())).status, asker).toBe(403)
    }
  })
})

describe('my data', () => {
  it('a family member downloads what Kring holds about them, and nothing about anyone else', async () => {
    as('family')
    const response = await routes.myData(new Request(url('/my-data')), params())
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="kring-my-data-/)
    const text = await response.text()
    const data = PersonalDataExport.parse(JSON.parse(text))
    expect(data.person).toMatchObject({ name: 'Mama Sanne', role: 'family', account: null })
    expect(data.agreedVersions).toEqual([{ version: 1, at: '2026-03-03T13:01:00.000Z', spokenYes: false }])
    expect(data.auditEvents.map((e) => `${e.as}:${e.action}`)).toContain('subject:participant.invited')
    expect(data.conference.title).toBe(TITLE)
    // Not the plan's other content, not the others taking part.
    expect(text).not.toContain(PLAN_LINE)
    for (const other of ['Oom Karim', 'Jeugdbeschermer Joost', 'Fenna']) expect(text).not.toContain(other)
  })

  it('someone in the lobby, declined or from another conference gets 403; nobody 401', async () => {
    for (const asker of ['familyInLobby', 'familyDeclined', 'foreign-invitation'] as const) {
      as(asker)
      expect((await routes.myData(new Request(url('/my-data')), params())).status, asker).toBe(403)
    }
    as('nobody')
    expect((await routes.myData(new Request(url('/my-data')), params())).status).toBe(401)
  })
})
