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
 * larger in the same update as the new item, and the areas beside and below it move aside with
 * their cards instead of being covered (lib/board/placement/make-room.ts); the server accepts
 * exactly that from anyone who may write; any other change of an area stays the facilitator's
 * and is refused and reported.
 */

type Area = { id: string; x: number; y: number; type: string; props: { w: number; h: number; area: string } }
type Box = { x: number; y: number; w: number; h: number }
const boxOf = (area: Area): Box => ({ x: area.x, y: area.y, w: area.props.w, h: area.props.h })
const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
const areasIn = (records: Record<string, unknown>) => Object.values(records).filter((r) => (r as Area).type === 'kring-area') as Area[]
const anyAreasOverlap = (records: Record<string, unknown>) => {
  const boxes = areasIn(records).map(boxOf)
  return boxes.some((a, i) => boxes.some((b, j) => j > i && overlap(a, b)))
}
type Person = 'facilitator' | 'mother'

const areaOf = (records: Record<string, unknown>, kind: string) => areasIn(records).find((r) => r.props.area === kind)!

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
    const columnsOf = (records: Record<string, unknown>) => areaOf(records, 'three-columns')
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
        // The agreements below make room once the column comes near them.
        for (const move of placement.moved) {
          const shape = mother.records.get(move.id) as Area
          mother.records.set(shape.id, { ...shape, x: move.x, y: move.y })
        }
      })
    }
    expect(grew).toBeGreaterThan(0)
    await waitFor(async () => Object.keys(await storedRecords(ts.db, conferenceId)).filter((k) => k.startsWith('shape:worry-')).length === 14, { message: `all worries stored (refused: ${mother.denials.join(', ')})` })
    const stored = columnsOf(await storedRecords(ts.db, conferenceId))
    expect(stored.props.h).toBeGreaterThan(start.props.h)
    expect({ x: stored.x, y: stored.y, w: stored.props.w }).toEqual({ x: start.x, y: start.y, w: start.props.w })
    expect(anyAreasOverlap(await storedRecords(ts.db, conferenceId))).toBe(false)
    await waitFor(() => columnsOf(facilitator.records.toJSON()).props.h === stored.props.h, { message: 'the growth reaches the facilitator' })
    expect(mother.denials).toEqual([])
  })

  it("the mother's people fill the rings; they grow, and the columns and agreements move aside with their cards instead of being covered", async () => {
    const { ts, conferenceId, join } = await setUp()
    const mother = await join('mother')
    const facilitator = await join('facilitator')
    const add = (id: string, type: string, props: Record<string, unknown>, i: number) => {
      const placement = placeNewItem([...mother.records.values()], { type: type as never, props, w: props.w as number, h: props.h as number })
      mother.doc.transact(() => {
        if (placement.grow) {
          const area = mother.records.get(placement.grow.id) as Area
          mother.records.set(area.id, { ...area, props: { ...area.props, w: placement.grow.w, h: placement.grow.h } })
        }
        for (const move of placement.moved) {
          const shape = mother.records.get(move.id) as Area
          mother.records.set(shape.id, { ...shape, x: move.x, y: move.y })
        }
        mother.records.set(id, { id, typeName: 'shape', type, x: placement.x, y: placement.y, rotation: 0, index: indexKeyAt(200 + i), parentId: placement.parentId, isLocked: false, opacity: 1, meta: {}, props })
      })
      return placement
    }
    add('shape:worry', 'kring-card', { w: 240, h: 140, kind: 'worry', text: 'Sem slaapt slecht', answers: [] }, 0)
    const start = mother.records.toJSON()
    expect(anyAreasOverlap(start)).toBe(false)
    let grew = 0
    for (let i = 1; i <= 24; i++) {
      const placement = add(`shape:person-${i}`, 'kring-person', { w: 220, h: 128, name: `Persoon ${i}`, relation: '', ring: 'inner', group: 'family', support: [], note: '' }, i)
      if (placement.grow) grew++
    }
    expect(grew).toBeGreaterThanOrEqual(2)
    await waitFor(async () => Object.keys(await storedRecords(ts.db, conferenceId)).filter((k) => k.startsWith('shape:person-')).length === 24, { message: `all people stored (refused: ${mother.denials.join(', ')})` })
    const stored = await storedRecords(ts.db, conferenceId)
    expect(mother.denials).toEqual([])
    // The rings grew where they were; nothing lies under them now; the neighbours moved aside.
    const [rings0, rings] = [areaOf(start, 'network-rings'), areaOf(stored, 'network-rings')]
    expect(rings.props.w).toBeGreaterThan(rings0.props.w)
    expect({ x: rings.x, y: rings.y }).toEqual({ x: rings0.x, y: rings0.y })
    expect(anyAreasOverlap(stored)).toBe(false)
    const columns = areaOf(stored, 'three-columns')
    expect(columns.x).toBeGreaterThan(areaOf(start, 'three-columns').x)
    expect(areaOf(stored, 'agreements').y).toBeGreaterThan(areaOf(start, 'agreements').y)
    // The worry went with its column, by as much.
    const worry = stored['shape:worry'] as Area
    expect(worry.x - (start['shape:worry'] as Area).x).toBe(columns.x - areaOf(start, 'three-columns').x)
    expect(overlap({ x: worry.x, y: worry.y, w: 240, h: 140 }, boxOf(columns))).toBe(true)
    // The facilitator's board is the same.
    await waitFor(() => areaOf(facilitator.records.toJSON(), 'three-columns').x === columns.x && areaOf(facilitator.records.toJSON(), 'agreements').y === areaOf(stored, 'agreements').y, { message: 'the facilitator sees the areas moved aside' })
  })

  it("moving an area is still the facilitator's: without a growth, or further than the growth, it is refused and reported", async () => {
    const { ts, conferenceId, join, columnsOf } = await setUp()
    const before = await storedRecords(ts.db, conferenceId)
    const columns = columnsOf(before)
    const rings = areaOf(before, 'network-rings')
    const grownRings = { ...rings, props: { ...rings.props, w: rings.props.w + 236, h: rings.props.h + 236 } }
    const attempts: [string, Area[]][] = [
      ['moved right, nothing grew', [{ ...columns, x: columns.x + 200 }]],
      ['moved further than the rings grew', [grownRings, { ...columns, x: columns.x + 600 }]],
      ['moved up while the rings grew', [grownRings, { ...columns, y: columns.y - 100 }]],
    ]
    for (const [name, changes] of attempts) {
      const mother = await join('mother')
      mother.doc.transact(() => {
        for (const change of changes) mother.records.set(change.id, change)
      })
      await waitFor(() => mother.denials.includes(WriteRefusal.Locked), { message: `${name} is refused` })
    }
    expect(await storedRecords(ts.db, conferenceId)).toEqual(before)
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
