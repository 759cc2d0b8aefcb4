import { createTLStore } from '@tldraw/editor'
import type { TLPage, TLRecord, TLShape } from '@tldraw/tlschema'
import { afterEach, describe, expect, it } from 'vitest'
import { createKringTLSchema } from '../../lib/board/tldraw-schema'
import { startConference } from '../../lib/server/conference/start-conference'
import { insertPlanVersion } from '../../lib/server/db/repositories/plan-versions'
import { seedInvitation, seedUser } from '../../lib/server/db/seed'
import { emptyPlan, Plan } from '../../lib/plan/schema'
import { bindStoreToDoc } from '../../lib/sync/bind-store-to-doc'
import { connectBoard, snapshotOf, type BoardClient } from '../helpers/sync-clients'
import { startTestServer, waitFor, type TestServer } from '../helpers/test-server'

describe('templates: a new conference’s board arrives laid out', () => {
  const clients: BoardClient[] = []
  let server: TestServer | null = null

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server?.stop()
    server = null
  })

  async function openBoardAs(conferenceId: string): Promise<BoardClient> {
    const invited = await seedInvitation(server!.db, { conferenceId, displayName: 'Tante Amira', role: 'network' })
    const client = connectBoard(server!.syncUrl, conferenceId, invited.token)
    clients.push(client)
    await waitFor(() => client.provider.synced, { message: 'the board synced' })
    return client
  }

  const shapes = (client: BoardClient) => Object.values(snapshotOf(client.records) as Record<string, TLRecord>).filter((r): r is TLShape => r.typeName === 'shape')

  it('a familiegroepsplan: the first person to open it gets the template, and tldraw shows all of it', async () => {
    server = await startTestServer()
    const fenna = await seedUser(server.db, { email: 'fenna@example.org', name: 'Fenna' })
    const conference = await startConference(server.db, { title: 'Familie de Vries', kind: 'familiegroepsplan', user: fenna })

    const amira = await openBoardAs(conference.id)
    const areas = shapes(amira).filter((s): s is TLShape<'kring-area'> => s.type === 'kring-area')
    expect(areas.map((a) => a.props.area).sort()).toEqual(['agreements', 'bottom-lines', 'central-question', 'network-rings', 'three-columns'])

    // The way the board page loads it: a tldraw store with Kring's schema, bound to the synced document.
    const store = createTLStore({ schema: createKringTLSchema() })
    const rejected: string[] = []
    const binding = bindStoreToDoc(store, amira.doc, { onRejected: (id) => rejected.push(id) })
    try {
      expect(rejected).toEqual([])
      expect(store.allRecords().filter((r): r is TLPage => r.typeName === 'page').map((p) => p.name)).toEqual(['Bord'])
      expect(store.allRecords().filter((r) => r.typeName === 'shape')).toHaveLength(shapes(amira).length)
    } finally {
      binding.dispose()
    }
  })

  it('an evaluatie: the agreements of the reviewed conference, shared with everyone who joins', async () => {
    server = await startTestServer()
    const fenna = await seedUser(server.db, { email: 'fenna@example.org', name: 'Fenna' })
    const earlier = await startConference(server.db, { title: 'Familie Jansen', kind: 'familiegroepsplan', user: fenna })
    const plan = emptyPlan()
    plan.people = [{ id: 'shape:opa', name: 'Opa Henk', relation: 'opa', ring: 'inner', group: 'family', support: [], note: '', ties: [] }]
    plan.agreements = [
      { id: 'shape:koken', what: 'Opa kookt op vrijdag', owners: [{ id: 'shape:opa', name: 'Opa Henk' }], when: 'vrijdag', backup: null, howWeKnow: '', answers: [], status: 'open' },
    ]
    await insertPlanVersion(server.db, { conferenceId: earlier.id, plan: Plan.parse(plan), boardState: new Uint8Array(), boardSvg: '', agreedBy: [], frozenBy: 'p1' })
    const review = await startConference(server.db, { title: 'Familie Jansen, evaluatie', kind: 'evaluatie', user: fenna, reviewsConferenceId: earlier.id })

    const first = await openBoardAs(review.id)
    const second = await openBoardAs(review.id)
    for (const client of [first, second]) {
      const agreement = shapes(client).find((s): s is TLShape<'kring-agreement'> => s.type === 'kring-agreement')
      const opa = shapes(client).find((s): s is TLShape<'kring-person'> => s.type === 'kring-person')
      expect(agreement?.props).toMatchObject({ what: 'Opa kookt op vrijdag', status: 'open', ownerIds: [opa?.id] })
      expect(opa?.props.name).toBe('Opa Henk')
    }

    // The group marks it as held; the other device sees it.
    const agreement = shapes(first).find((s) => s.type === 'kring-agreement') as TLShape<'kring-agreement'>
    first.records.set(agreement.id, { ...agreement, props: { ...agreement.props, status: 'held' } })
    await waitFor(() => (second.records.get(agreement.id) as TLShape<'kring-agreement'> | undefined)?.props.status === 'held', { message: 'the status reached the other device' })
  })
})
