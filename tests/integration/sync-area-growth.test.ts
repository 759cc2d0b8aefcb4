import { afterEach, describe, expect, it } from 'vitest'
import { createTicket } from '../../lib/server/auth/tickets'
import { startConference } from '../../lib/server/conference/start-conference'
import { seedInvitation, seedUser } from '../../lib/server/db/seed'
import { WriteRefusal } from '../../lib/protocol/close-codes'
import { AREA_GROWTH_LIMIT, placeNewItem } from '../../lib/board/placement'
import { indexKeyAt } from '../../lib/board/templates/index-keys'
import { connectPolicyBoard, storedRecords, type PolicyBoardClient } from '../helpers/policy-sync'
import { startTestServer, TEST_SECRET, waitFor, type TestServer } from '../helpers/test-server'

/**
 * A full area grows when a family member adds to it (issue 11): the placement makes the area
 * larger in the same update as the new item, and the server accepts exactly that from anyone who
 * may write; any other change of an area stays the facilitator's and is refused and reported.
 */

type Area = { id: string; x: number; y: number; type: string; props: { w: number; h: number; area: string } }
type Person = 'facilitator' | 'mother'

describe('sync: a family member grows a full area', () => {
  const servers: TestServer[] = []
  const clients: PolicyBoardClient[] = []
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    for (const s of servers.splice(0)) await s.stop()
  })

  async function setUp() {
    const ts = await startTestServer({})
    servers.push(ts)
    const user = await seedUser(ts.db, { email: `f-${Math.random()}@example.org`, name: 'Fenna Facilitator' })
    const conference = await startConference(ts.db, { title: 'Familie de Vries', kind: 'familiegroepsplan', user })
    const facilitator = await ts.db
      .selectFrom('participants')
      .select('id')
      .where('conference_id', '=', conference.id)
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow()
    const mother = await seedInvitation(ts.db, { conferenceId: conference.id, displayName: 'Mama Sanne', role: 'family' })
    const tokens: Record<Person, string> = { facilitator: createTicket(TEST_SECRET, facilitator.id, conference.id, 600), mother: mother.token }
    const join = async (who: Person) => {
      const client = connectPolicyBoard(ts.syncUrl, conference.id, tokens[who])
      clients.push(client)
      await waitFor(() => client.provider.synced, { message: `${who} synced` })
      return client
    }
    const columnsOf = (records: Record<string, unknown>) => Object.values(records).find((r) => (r as Area).props?.area === 'three-columns') as Area
    return { ts, conferenceId: conference.id, join, columnsOf }
  }

  it("the mother's worries fill the column; the area grows with her additions and everyone sees it", async () => {
    const { ts, conferenceId, join, columnsOf } = await setUp()
    const mother = await join('mother')
    const facilitator = await join('facilitator')
    const start = columnsOf(mother.records.toJSON())
    let grew = 0
    for (let i = 0; i < 14; i++) {
      const placement = placeNewItem([...mother.records.values()], { type: 'kring-card', props: { kind: 'worry' }, w: 240, h: 140 })
      expect(placement.area).toBe(start.id)
      const id = `shape:worry-${i}`
      mother.doc.transact(() => {
        mother.records.set(id, { id, typeName: 'shape', type: 'kring-card', x: placement.x, y: placement.y, rotation: 0, index: indexKeyAt(200 + i), parentId: placement.parentId, isLocked: false, opacity: 1, meta: {}, props: { w: 240, h: 140, kind: 'worry', text: `Zorg ${i}`, answers: [] } })
        if (placement.grow) {
          grew++
          const area = mother.records.get(placement.grow.id) as Area
          mother.records.set(area.id, { ...area, props: { ...area.props, w: placement.grow.w, h: placement.grow.h } })
        }
      })
    }
    expect(grew).toBeGreaterThan(0)
    await waitFor(async () => Object.keys(await storedRecords(ts.db, conferenceId)).filter((k) => k.startsWith('shape:worry-')).length === 14, { message: `all worries stored (refused: ${mother.denials.join(', ')})` })
    const stored = columnsOf(await storedRecords(ts.db, conferenceId))
    expect(stored.props.h).toBeGreaterThan(start.props.h)
    expect({ x: stored.x, y: stored.y, w: stored.props.w }).toEqual({ x: start.x, y: start.y, w: start.props.w })
    await waitFor(() => columnsOf(facilitator.records.toJSON()).props.h === stored.props.h, { message: 'the growth reaches the facilitator' })
    expect(mother.denials).toEqual([])
  })

  it('any other change of an area by the mother is refused and reported; the stored board keeps it', async () => {
    const { ts, conferenceId, join, columnsOf } = await setUp()
    const before = await storedRecords(ts.db, conferenceId)
    const area = columnsOf(before)
    const attempts: [string, Area][] = [
      ['smaller', { ...area, props: { ...area.props, h: area.props.h - 100 } }],
      ['moved while growing', { ...area, x: area.x + 10, props: { ...area.props, h: area.props.h + 200 } }],
      ['another kind while growing', { ...area, props: { ...area.props, area: 'agreements', h: area.props.h + 200 } }],
      ['past the limit', { ...area, props: { ...area.props, h: AREA_GROWTH_LIMIT + 100 } }],
    ]
    for (const [name, next] of attempts) {
      // A fresh connection each time: a refused edit stays in the refused client's copy.
      const mother = await join('mother')
      mother.records.set(area.id, next)
      await waitFor(() => mother.denials.includes(WriteRefusal.Locked), { message: `${name} is refused` })
    }
    // A new area is still the facilitator's, even the size of an old one.
    const adding = await join('mother')
    adding.records.set('shape:mothers-area', { ...area, id: 'shape:mothers-area', props: { ...area.props, h: area.props.h + 10 } })
    await waitFor(() => adding.denials.includes(WriteRefusal.Locked), { message: 'adding an area is refused' })
    expect(await storedRecords(ts.db, conferenceId)).toEqual(before)
  })
})
