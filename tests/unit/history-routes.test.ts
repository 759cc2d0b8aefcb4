import { routeHarness } from '../helpers/route-harness'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { takeCheckpoint } from '../../lib/server/conference/board-history'
import { CheckpointPreviewResponse, HistoryListResponse, RestoreResponse } from '../../lib/protocol/history'
import { setPhase } from './gate-fixtures'

// The history routes as Next runs them, with session, cookies and database stubbed (tests/helpers/route-harness.ts).
const harness = routeHarness()
const { origin, as } = harness

type Handler = (req: Request, ctx: unknown) => Promise<Response>
const routes = {} as Record<'list' | 'preview' | 'restore', Handler>
let checkpointId: string

const card = { id: 'shape:oma', typeName: 'shape', type: 'kring-card', parentId: 'page:page', props: { text: 'Oma past op woensdag' } }

beforeAll(async () => {
  routes.list = (await import('../../app/api/conferences/[id]/history/route')).GET as Handler
  routes.preview = (await import('../../app/api/conferences/[id]/history/[checkpointId]/route')).GET as Handler
  routes.restore = (await import('../../app/api/conferences/[id]/history/[checkpointId]/restore/route')).POST as Handler
}, 60_000)

beforeEach(async () => {
  await setPhase(harness.db, harness.world.conference.id, 'informatie')
  checkpointId = (await takeCheckpoint(harness.db, { conferenceId: harness.world.conference.id, reason: 'before-delete', editors: [], records: { 'shape:oma': card } }))!.id
})

const base = () => `${origin}/api/conferences/${harness.world.conference.id}/history`
const params = () => ({ params: Promise.resolve({ id: harness.world.conference.id, checkpointId }) })
const restoreRequest = (body: unknown, headers: Record<string, string> = { Origin: origin }) =>
  new Request(`${base()}/${checkpointId}/restore`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) })

describe('history routes', () => {
  it('the facilitator lists, previews (image and items deleted since) and restores single items', async () => {
    as('facilitator')
    const list = HistoryListResponse.parse(await (await routes.list(new Request(base()), { params: Promise.resolve({ id: harness.world.conference.id }) })).json())
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
    expect((await routes.list(new Request(base()), { params: Promise.resolve({ id: harness.world.conference.id }) })).status).toBe(403)
    expect((await routes.restore(restoreRequest({}), params())).status).toBe(403)
    as('facilitator')
    expect((await routes.restore(restoreRequest({}, { Origin: 'https://evil.example' }), params())).status).toBe(403)
    expect((await routes.restore(restoreRequest({ everything: true }), params())).status).toBe(400)
    expect((await routes.restore(restoreRequest({ items: ['page:page'] }), params())).status).toBe(400)
  })

  it('refuses the facilitator once the conference is closed', async () => {
    await setPhase(harness.db, harness.world.conference.id, 'afgesloten')
    as('facilitator')
    expect((await routes.restore(restoreRequest({}), params())).status).toBe(403)
  })
})
