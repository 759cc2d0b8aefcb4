import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { getConfig } from '../../lib/server/config/env'
import { openDatabase, type Db } from '../../lib/server/db/connect'
import { startConference } from '../../lib/server/conference/start-conference'
import { insertPlanVersion } from '../../lib/server/db/repositories/plan-versions'
import { createUser } from '../../lib/server/db/repositories/users'
import type { User } from '../../lib/server/db/schema'
import { emptyPlan } from '../../lib/plan/schema'
import { ApiErrorBody } from '../../lib/protocol/api-error'
import { CreateConferenceResponse } from '../../lib/protocol/api'

// The route handler as Next runs it, with the request's session, database and language stubbed:
// the signed-in user is whoever `signedIn` says.
const state = vi.hoisted(() => ({ db: null as Db | null, signedIn: null as User | null }))
vi.mock('@/lib/server/web/db', () => ({ getDb: async () => state.db }))
vi.mock('@/lib/server/web/session', () => ({
  requireSignedInUser: async () => {
    const { ApiError } = await import('../../lib/protocol/api-error')
    if (!state.signedIn) throw new ApiError('unauthenticated', 'sign in first')
    return state.signedIn
  },
}))
vi.mock('@/lib/server/web/translator', () => ({ getRequestLocale: async () => 'nl' }))

const savedEnv = { AUTH_SECRET: process.env.AUTH_SECRET, PUBLIC_URL: process.env.PUBLIC_URL }
let POST: (req: Request, ctx: unknown) => Promise<Response>
/** Where requests come from: Kring itself (the same-origin check reads the process's config). */
let origin: string
let fenna: User
let otto: User

beforeAll(async () => {
  process.env.AUTH_SECRET = 'route-secret-0123456789-0123456789-abcdef'
  process.env.PUBLIC_URL = 'https://kring.example.org'
  origin = getConfig().publicUrl
  ;({ POST } = await import('../../app/api/conferences/route'))
})

afterAll(() => {
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
})

beforeEach(async () => {
  state.db = await openDatabase(':memory:')
  fenna = await createUser(state.db, { email: 'fenna@example.org', name: 'Fenna', role: 'facilitator', passwordHash: null })
  otto = await createUser(state.db, { email: 'otto@example.org', name: 'Otto', role: 'facilitator', passwordHash: null })
  state.signedIn = fenna
})

afterEach(async () => {
  await state.db?.destroy()
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
  const conference = await startConference(state.db!, { title: `Familie van ${user.name}`, kind: 'familiegroepsplan', user })
  await insertPlanVersion(state.db!, { conferenceId: conference.id, plan: emptyPlan(), boardState: new Uint8Array(), boardSvg: '', agreedBy: [], frozenBy: 'p1' })
  return conference
}

describe('POST /api/conferences', () => {
  it('creates an evaluatie of the facilitator’s own agreed conference', async () => {
    const earlier = await agreedConferenceOf(fenna)
    const response = await create({ title: 'Evaluatie', kind: 'evaluatie', reviewsConferenceId: earlier.id })
    expect(response.status).toBe(201)
    const { conference } = CreateConferenceResponse.parse(await response.json())
    const row = await state.db!.selectFrom('conferences').select('reviews_conference_id').where('id', '=', conference.id).executeTakeFirst()
    expect(row?.reviews_conference_id).toBe(earlier.id)
  })

  it('refuses an evaluatie of another facilitator’s conference with 403, and creates nothing', async () => {
    const ottos = await agreedConferenceOf(otto)
    const response = await create({ title: 'Evaluatie', kind: 'evaluatie', reviewsConferenceId: ottos.id })
    expect(response.status).toBe(403)
    expect(ApiErrorBody.parse(await response.json()).error.code).toBe('forbidden')
    const titles = (await state.db!.selectFrom('conferences').select('title').execute()).map((r) => r.title)
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
    state.signedIn = await createUser(state.db!, { email: 'jan@example.org', name: 'Jan', role: 'professional', passwordHash: null })
    expect((await create({ title: 'Familie de Vries', kind: 'familiegroepsplan' })).status).toBe(403)
    state.signedIn = null
    expect((await create({ title: 'Familie de Vries', kind: 'familiegroepsplan' })).status).toBe(401)
  })
})
