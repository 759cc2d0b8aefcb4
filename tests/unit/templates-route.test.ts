import { routeRequest } from '../helpers/route-harness'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startConference } from '../../lib/server/conference/start-conference'
import { insertPlanVersion } from '../../lib/server/db/repositories/plan-versions'
import { createUser } from '../../lib/server/db/repositories/users'
import type { User } from '../../lib/server/db/schema'
import { emptyPlan } from '../../lib/plan/schema'
import { ApiErrorBody } from '../../lib/protocol/api-error'
import { CreateConferenceResponse } from '../../lib/protocol/api'

// The route handler as Next runs it, with the request's session, database and cookies stubbed
// (tests/helpers/route-harness.ts; no language cookie, so Dutch).
const harness = routeRequest()
/** Where requests come from: Kring itself (the same-origin check reads the process's config). */
const { origin } = harness

let POST: (req: Request, ctx: unknown) => Promise<Response>
let fenna: User
let otto: User

beforeAll(async () => {
  ;({ POST } = await import('../../app/api/conferences/route'))
})

beforeEach(async () => {
  fenna = await createUser(harness.db, { email: 'fenna@example.org', name: 'Fenna', role: 'facilitator', passwordHash: null })
  otto = await createUser(harness.db, { email: 'otto@example.org', name: 'Otto', role: 'facilitator', passwordHash: null })
  harness.as({ user: fenna })
})

function create(body: unknown): Promise<Response> {
  return POST(
    new Request(`${origin}/api/conferences`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin },
      body: JSON.stringify(body),
    }),
    undefined,
  )
}

async function agreedConferenceOf(user: User) {
  const conference = await startConference(harness.db, { title: `Familie van ${user.name}`, kind: 'familiegroepsplan', user })
  await insertPlanVersion(harness.db, { conferenceId: conference.id, plan: emptyPlan(), boardState: new Uint8Array(), boardSvg: '', agreedBy: [], frozenBy: 'p1' })
  return conference
}

describe('POST /api/conferences', () => {
  it('creates an evaluatie of the facilitator’s own agreed conference', async () => {
    const earlier = await agreedConferenceOf(fenna)
    const response = await create({ title: 'Evaluatie', kind: 'evaluatie', reviewsConferenceId: earlier.id })
    expect(response.status).toBe(201)
    const { conference } = CreateConferenceResponse.parse(await response.json())
    const row = await harness.db.selectFrom('conferences').select('reviews_conference_id').where('id', '=', conference.id).executeTakeFirst()
    expect(row?.reviews_conference_id).toBe(earlier.id)
  })

  it('refuses an evaluatie of another facilitator’s conference with 403, and creates nothing', async () => {
    const ottos = await agreedConferenceOf(otto)
    const response = await create({ title: 'Evaluatie', kind: 'evaluatie', reviewsConferenceId: ottos.id })
    expect(response.status).toBe(403)
    expect(ApiErrorBody.parse(await response.json()).error.code).toBe('forbidden')
    const titles = (await harness.db.selectFrom('conferences').select('title').execute()).map((r) => r.title)
    expect(titles).not.toContain('Evaluatie')
  })

  it('refuses a malformed reviewed id, a review for another kind and an unknown field with 400', async () => {
    const earlier = await agreedConferenceOf(fenna)
    for (const body of [
      { title: 'Evaluatie', kind: 'evaluatie', reviewsConferenceId: '../etc' },
      { title: 'Kaart', kind: 'netwerkkaart', reviewsConferenceId: earlier.id },
      { title: 'Evaluatie', kind: 'evaluatie', reviews: earlier.id },
    ]) {
      const response = await create(body)
      expect(response.status, JSON.stringify(body)).toBe(400)
    }
  })

  it('still creates any kind without a review, for a facilitator only', async () => {
    expect((await create({ title: 'Familie de Vries', kind: 'evaluatie' })).status).toBe(201)
    harness.as({ user: await createUser(harness.db, { email: 'jan@example.org', name: 'Jan', role: 'professional', passwordHash: null }) })
    expect((await create({ title: 'Familie de Vries', kind: 'familiegroepsplan' })).status).toBe(403)
    harness.as({ user: null })
    expect((await create({ title: 'Familie de Vries', kind: 'familiegroepsplan' })).status).toBe(401)
  })
})
