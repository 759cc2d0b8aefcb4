import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { getConfig } from '../../lib/server/config/env'
import { invitationCookieName } from '../../lib/conference/join-link'
import { takeCheckpoint } from '../../lib/server/conference/board-history'
import { openDatabase, type Db } from '../../lib/server/db/connect'
import type { User } from '../../lib/server/db/schema'
import { CheckpointPreviewResponse, HistoryListResponse, RestoreResponse } from '../../lib/protocol/history'
import { buildGateWorld, credentialsOf, setPhase, type Asker, type GateWorld } from './gate-fixtures'

// The history routes as Next runs them, with session, cookies and database stubbed (as route-gate.test.ts).
const state = vi.hoisted(() => ({ db: null as Db | null, signedIn: null as User | null, cookies: {} as Record<string, string> }))
vi.mock('@/lib/server/web/db', () => ({ getDb: async () => state.db }))
vi.mock('@/lib/server/web/session', () => ({ getSignedInUser: async () => state.signedIn, requireSignedInUser: async () => state.signedIn }))
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (name in state.cookies ? { name, value: state.cookies[name] } : undefined) }),
}))

type Handler = (req: Request, ctx: unknown) => Promise<Response>
const routes = {} as Record<'list' | 'preview' | 'restore', Handler>
const savedEnv = { AUTH_SECRET: process.env.AUTH_SECRET, PUBLIC_URL: process.env.PUBLIC_URL }
let origin: string
let world: GateWorld
let checkpointId: string

const card = { id: 'shape:oma', typeName: 'shape', type: 'kring-card', parentId: 'page:page', props: { text: 'Oma past op woensdag' } }

beforeAll(async () => {
  process.env.AUTH_SECRET = 'route-secret-0123456789-0123456789-abcdef'
  process.env.PUBLIC_URL = 'https://kring.example.org'
  origin = getConfig().publicUrl
  routes.list = (await import('../../app/api/conferences/[id]/history/route')).GET as Handler
  routes.preview = (await import('../../app/api/conferences/[id]/history/[checkpointId]/route')).GET as Handler
  routes.restore = (await import('../../app/api/conferences/[id]/history/[checkpointId]/restore/route')).POST as Handler
}, 60_000)

afterAll(() => {
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
})

beforeEach(async () => {
  state.db = await openDatabase(':memory:')
  world = await buildGateWorld(state.db)
  await setPhase(state.db, world.conference.id, 'informatie')
  checkpointId = (await takeCheckpoint(state.db, { conferenceId: world.conference.id, reason: 'before-delete', editors: [], records: { 'shape:oma': card } }))!.id
})

afterEach(async () => {
  await state.db?.destroy()
})

function as(asker: Asker): void {
  const { user, cookies } = credentialsOf(world, asker, invitationCookieName(world.conference.id))
  state.signedIn = user
  state.cookies = cookies
}

const base = () => `${origin}/api/conferences/${world.conference.id}/history`
const params = () => ({ params: Promise.resolve({ id: world.conference.id, checkpointId }) })
const restoreRequest = (body: unknown, headers: Record<string, string> = { Origin: origin }) =>
  new Request(`${base()}/${checkpointId}/restore`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) })

describe('history routes', () => {
  it('the facilitator lists, previews (image and items deleted since) and restores single items', async () => {
    as('facilitator')
    const list = HistoryListResponse.parse(await (await routes.list(new Request(base()), { params: Promise.resolve({ id: world.conference.id }) })).json())
    expect(list.checkpoints).toMatchObject([{ id: checkpointId, reason: 'before-delete', itemCount: 1 }])

    const preview = CheckpointPreviewResponse.parse(await (await routes.preview(new Request(`${base()}/${checkpointId}`), params())).json())
    expect(preview.deletedSince).toEqual([{ id: 'shape:oma', type: 'kring-card', label: 'Oma past op woensdag' }])
    expect(preview.svg).toMatch(/^<svg /)

    const response = await routes.restore(restoreRequest({ items: ['shape:oma'] }), params())
    expect(response.status).toBe(200)
    expect(RestoreResponse.parse(await response.json())).toMatchObject({ mode: 'items', changed: true, set: 1, itemCount: preview.currentItemCount + 1 })
  })

  it('refuses a family member (403), another site (403) and an unknown field (400)', async () => {
    as('family')
    expect((await routes.list(new Request(base()), { params: Promise.resolve({ id: world.conference.id }) })).status).toBe(403)
    expect((await routes.restore(restoreRequest({}), params())).status).toBe(403)
    as('facilitator')
    expect((await routes.restore(restoreRequest({}, { Origin: 'https://evil.example' }), params())).status).toBe(403)
    expect((await routes.restore(restoreRequest({ everything: true }), params())).status).toBe(400)
    expect((await routes.restore(restoreRequest({ items: ['page:page'] }), params())).status).toBe(400)
  })

  it('refuses the facilitator once the conference is closed', async () => {
    await setPhase(state.db!, world.conference.id, 'afgesloten')
    as('facilitator')
    expect((await routes.restore(restoreRequest({}), params())).status).toBe(403)
  })
})
