import { routeHarness } from '../helpers/route-harness'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { conferenceFactsOf, findConference } from '../../lib/server/db/repositories/conferences'
import { insertPlanVersion } from '../../lib/server/db/repositories/plan-versions'
import { exportPlanVersion } from '../../lib/server/conference/version-exports'
import { emptyPlan } from '../../lib/plan/schema'
import { ApiErrorBody } from '../../lib/protocol/api-error'
import { ConferenceFactsResponse } from '../../lib/protocol/api'
import { PlanExport } from '../../lib/server/export/json'
import { setPhase, type Asker } from './gate-fixtures'

// The conference's case-file facts: GET and PATCH /api/conferences/[id] as Next runs them (session,
// cookies and database stubbed), and how a frozen version keeps them for its exports.
const harness = routeHarness()
const { origin, as } = harness

type Handler = (req: Request, ctx: unknown) => Promise<Response>
let GET: Handler
let PATCH: Handler

const FACTS = {
  meetingDate: '2026-03-03',
  startTime: '10:30',
  durationMinutes: 150,
  place: 'Buurthuis De Kring',
  online: false,
  children: [{ firstName: 'Sem', age: 7 }],
  facilitatorOrganisation: 'Eigen Kracht Centrale',
  reviewDate: '2026-04-14',
}

beforeAll(async () => {
  const route = await import('../../app/api/conferences/[id]/route')
  GET = route.GET as Handler
  PATCH = route.PATCH as Handler
}, 60_000)

beforeEach(async () => {
  await setPhase(harness.db, harness.world.conference.id, 'informatie')
})

function patch(asker: Asker, body: unknown): Promise<Response> {
  as(asker)
  const request = new Request(`${origin}/api/conferences/${harness.world.conference.id}`, {
    method: 'PATCH',
    headers: { Origin: origin, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  return PATCH(request, { params: Promise.resolve({ id: harness.world.conference.id }) })
}

function get(asker: Asker): Promise<Response> {
  as(asker)
  return GET(new Request(`${origin}/api/conferences/${harness.world.conference.id}`), { params: Promise.resolve({ id: harness.world.conference.id }) })
}

async function storedFacts() {
  return conferenceFactsOf((await findConference(harness.db, harness.world.conference.id))!)
}

describe('PATCH /api/conferences/[id]', () => {
  it('lets the facilitator set the facts, and everyone at the table read them', async () => {
    const response = await patch('facilitator', { facts: FACTS })
    expect(response.status).toBe(200)
    expect(ConferenceFactsResponse.parse(await response.json()).facts).toEqual(FACTS)
    expect(await storedFacts()).toEqual(FACTS)
    const read = await get('family')
    expect(read.status).toBe(200)
    expect(((await read.json()) as { facts: unknown }).facts).toEqual(FACTS)
    // The audit log says the facts changed, not what they are.
    const audit = await harness.db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'settings.changed').execute()
    expect(audit).toEqual([{ action: 'settings.changed', detail: 'facts' }])
  })

  it.each([
    ['professional', 403],
    ['family', 403],
    ['stranger', 403],
    ['familyInLobby', 403],
    ['nobody', 401],
  ] as const)('refuses %s (%i) and changes nothing', async (asker, status) => {
    const response = await patch(asker, { facts: FACTS })
    expect(response.status).toBe(status)
    expect(ApiErrorBody.safeParse(await response.json()).success).toBe(true)
    expect((await storedFacts()).meetingDate).toBeNull()
  })

  it('refuses facts out of bounds: an age over 25, more than 12 children, a long first name, a date that is no date', async () => {
    for (const facts of [
      { ...FACTS, children: [{ firstName: 'Sem', age: 26 }] },
      { ...FACTS, children: Array.from({ length: 13 }, (_, i) => ({ firstName: `Kind ${i}`, age: 5 })) },
      { ...FACTS, children: [{ firstName: 'S'.repeat(41), age: 5 }] },
      { ...FACTS, meetingDate: '3 maart 2026' },
      { ...FACTS, reviewDate: '2026-02-30' },
      { ...FACTS, startTime: '25:00' },
      { ...FACTS, durationMinutes: 5 },
      { ...FACTS, durationMinutes: 90.5 },
      { ...FACTS, surname: 'Noordhoek' },
    ]) {
      expect((await patch('facilitator', { facts })).status, JSON.stringify(facts).slice(0, 80)).toBe(400)
    }
    expect((await storedFacts()).meetingDate).toBeNull()
  })

  it('keeps the facts out of the waiting room: GET follows board.read', async () => {
    await patch('facilitator', { facts: FACTS })
    await setPhase(harness.db, harness.world.conference.id, 'besloten_deel')
    expect((await get('professional')).status).toBe(403)
  })
})

describe('facts of a frozen version', () => {
  async function exportJson(version: number): Promise<PlanExport> {
    const conference = (await findConference(harness.db, harness.world.conference.id))!
    const participant = await harness.db.selectFrom('participants').selectAll().where('conference_id', '=', conference.id).where('user_id', '=', harness.world.facilitator.id).executeTakeFirstOrThrow()
    await setPhase(harness.db, conference.id, 'plan_en_afspraken')
    const file = await exportPlanVersion(harness.db, { conference: { ...conference, phase: 'plan_en_afspraken' }, participant, version, format: 'json', redacted: false })
    return PlanExport.parse(JSON.parse(new TextDecoder().decode(file.body)))
  }

  it('are the facts as they were when the plan was agreed, not as they are later', async () => {
    await patch('facilitator', { facts: FACTS })
    const version = await insertPlanVersion(harness.db, {
      conferenceId: harness.world.conference.id,
      plan: emptyPlan(),
      boardState: new Uint8Array(),
      boardSvg: '',
      agreedBy: [],
      frozenBy: 'p1',
      devices: { p1: ['desktop'] },
    })
    await patch('facilitator', { facts: { ...FACTS, reviewDate: '2026-05-01', children: [] } })
    const exported = await exportJson(version.version)
    expect(exported.schemaVersion).toBe(2)
    expect(exported.facts).toEqual({ ...FACTS, frozenWithVersion: true })
  })

  it('an older version, agreed before facts were kept, still exports (PDF and JSON), with the facts as they are now', async () => {
    const version = await insertPlanVersion(harness.db, { conferenceId: harness.world.conference.id, plan: emptyPlan(), boardState: new Uint8Array(), boardSvg: '', agreedBy: [], frozenBy: 'p1' })
    // What the migration leaves on rows stored before it.
    await harness.db.updateTable('plan_versions').set({ case_facts_json: null }).where('id', '=', version.id).execute()
    await patch('facilitator', { facts: FACTS })
    const exported = await exportJson(version.version)
    expect(exported.facts).toEqual({ ...FACTS, frozenWithVersion: false })
    expect(exported.participants.every((p) => p.devices === null)).toBe(true)

    const conference = (await findConference(harness.db, harness.world.conference.id))!
    const participant = await harness.db.selectFrom('participants').selectAll().where('conference_id', '=', conference.id).where('user_id', '=', harness.world.facilitator.id).executeTakeFirstOrThrow()
    const pdf = await exportPlanVersion(harness.db, { conference, participant, version: version.version, format: 'pdf', redacted: false })
    expect(Buffer.from(pdf.body).toString('latin1').startsWith('%PDF-')).toBe(true)
  })
})
