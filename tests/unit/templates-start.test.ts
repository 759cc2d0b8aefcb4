import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { parseConfig, type KringConfig } from '../../lib/server/config/env'
import { listReviewableConferences } from '../../lib/server/conference/reviewable'
import { startConference } from '../../lib/server/conference/start-conference'
import { openDatabase, type Db } from '../../lib/server/db/connect'
import { findConference } from '../../lib/server/db/repositories/conferences'
import { insertPlanVersion } from '../../lib/server/db/repositories/plan-versions'
import { createUser } from '../../lib/server/db/repositories/users'
import { loadBoard } from '../../lib/server/db/repositories/yjs-log'
import type { User } from '../../lib/server/db/schema'
import { emptyPlan, Plan } from '../../lib/plan/schema'
import { recordsMapOf } from '../../lib/sync/document-format'
import { parseCliArgs, type CliCommand } from '../../server/cli/args'
import { runCommand } from '../../server/cli/commands'

let db: Db
let fenna: User
let otto: User
const config: KringConfig = parseConfig({ AUTH_SECRET: 'x'.repeat(32), PUBLIC_URL: 'https://kring.example.org' })

beforeEach(async () => {
  db = await openDatabase(':memory:')
  fenna = await createUser(db, { email: 'fenna@example.org', name: 'Fenna', role: 'facilitator', passwordHash: null })
  otto = await createUser(db, { email: 'otto@example.org', name: 'Otto', role: 'facilitator', passwordHash: null })
})

afterEach(async () => {
  await db.destroy()
})

/** What someone opening the board gets: the stored snapshot and updates, as shape records. */
async function boardRecords(conferenceId: string): Promise<Record<string, { typeName: string; type?: string; name?: string; props?: Record<string, unknown> }>> {
  const stored = await loadBoard(db, conferenceId)
  const doc = new Y.Doc()
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
  for (const update of stored.updates) Y.applyUpdate(doc, update)
  return recordsMapOf(doc).toJSON() as never
}

function shapesOf(records: Awaited<ReturnType<typeof boardRecords>>, type: string) {
  return Object.values(records).filter((r) => r.typeName === 'shape' && r.type === type)
}

function planWithOneAgreement(): Plan {
  const plan = emptyPlan()
  plan.people = [{ id: 'shape:amira', name: 'Tante Amira', relation: 'tante', ring: 'inner', group: 'family', support: [], note: '', ties: [] }]
  plan.agreements = [
    {
      id: 'shape:school',
      what: 'Amira brengt Sem naar school',
      owners: [{ id: 'shape:amira', name: 'Tante Amira' }],
      when: 'elke maandag',
      backup: null,
      howWeKnow: '',
      answers: [],
      status: 'open',
    },
  ]
  return Plan.parse(plan)
}

/** A conference of `user` whose plan was agreed (one frozen version). */
async function agreedConference(user: User, title = 'Familie Jansen') {
  const conference = await startConference(db, { title, kind: 'familiegroepsplan', user })
  await insertPlanVersion(db, { conferenceId: conference.id, plan: planWithOneAgreement(), boardState: new Uint8Array(), boardSvg: '<svg/>', agreedBy: [], frozenBy: 'p1' })
  return conference
}

describe('a new conference', () => {
  it('starts with the board laid out for its kind, the page named in the facilitator’s language', async () => {
    const plan = await startConference(db, { title: 'Familie de Vries', kind: 'familiegroepsplan', user: fenna })
    const records = await boardRecords(plan.id)
    expect(Object.values(records).find((r) => r.typeName === 'page')?.name).toBe('Bord')
    expect(shapesOf(records, 'kring-area').map((a) => a.props?.area)).toEqual(['central-question', 'bottom-lines', 'network-rings', 'three-columns', 'agreements'])
    expect(shapesOf(records, 'kring-card').map((c) => c.props?.kind)).toEqual(['central-question'])

    const safety = await startConference(db, { title: 'Familie Bakker', kind: 'veiligheidsplan', user: fenna, locale: 'en' })
    const safetyRecords = await boardRecords(safety.id)
    expect(Object.values(safetyRecords).find((r) => r.typeName === 'page')?.name).toBe('Board')
    expect(shapesOf(safetyRecords, 'kring-area').map((a) => a.props?.area)).toEqual(['bottom-lines', 'safety-map', 'safety-plan'])
    expect(shapesOf(safetyRecords, 'kring-scale')).toHaveLength(1)
  })

  it('as an evaluatie, starts with the agreements of the facilitator’s own earlier conference, open again', async () => {
    const earlier = await agreedConference(fenna)
    const review = await startConference(db, { title: 'Familie Jansen, evaluatie', kind: 'evaluatie', user: fenna, reviewsConferenceId: earlier.id })
    expect((await findConference(db, review.id))?.reviews_conference_id).toBe(earlier.id)
    const records = await boardRecords(review.id)
    const [agreement] = shapesOf(records, 'kring-agreement')
    const [amira] = shapesOf(records, 'kring-person') as { id?: string; props?: Record<string, unknown> }[]
    expect(agreement?.props).toMatchObject({ what: 'Amira brengt Sem naar school', when: 'elke maandag', status: 'open', ownerIds: [amira?.id] })
    expect(amira?.props).toMatchObject({ name: 'Tante Amira' })
  })

  it('as an evaluatie, refuses someone else’s conference, an unknown one and one without an agreed plan', async () => {
    const ottos = await agreedConference(otto, 'Familie Smit')
    const unagreed = await startConference(db, { title: 'Familie Kok', kind: 'familiegroepsplan', user: fenna })
    const attempt = (reviewsConferenceId: string, kind: 'evaluatie' | 'netwerkkaart' = 'evaluatie') =>
      startConference(db, { title: 'Evaluatie', kind, user: fenna, reviewsConferenceId })

    await expect(attempt(ottos.id)).rejects.toMatchObject({ code: 'forbidden', status: 403 })
    await expect(attempt('doesNotExist123')).rejects.toMatchObject({ code: 'forbidden', status: 403 })
    await expect(attempt(unagreed.id)).rejects.toMatchObject({ code: 'bad_request', status: 400 })
    await expect(attempt((await agreedConference(fenna)).id, 'netwerkkaart')).rejects.toMatchObject({ code: 'bad_request' })
    // Nothing was created by the refused attempts.
    const titles = (await db.selectFrom('conferences').select('title').execute()).map((r) => r.title)
    expect(titles).not.toContain('Evaluatie')
  })

  it('is taken back when its board cannot be stored, instead of existing with a blank board', async () => {
    // Nowhere to store a board: the snapshot write fails after the conference row was made.
    await db.schema.dropTable('yjs_snapshots').execute()
    await expect(startConference(db, { title: 'Familie Mulder', kind: 'familiegroepsplan', user: fenna })).rejects.toThrow()
    expect(await db.selectFrom('conferences').select('id').execute()).toEqual([])
    expect(await db.selectFrom('participants').select('id').execute()).toEqual([])
  })

  it('offers for review only the facilitator’s own conferences with an agreed plan, the latest first', async () => {
    await startConference(db, { title: 'Nog niet vastgesteld', kind: 'familiegroepsplan', user: fenna })
    await agreedConference(otto, 'Van Otto')
    const first = await agreedConference(fenna, 'Familie Jansen')
    const second = await agreedConference(fenna, 'Familie Yilmaz')
    await insertPlanVersion(db, { conferenceId: first.id, plan: planWithOneAgreement(), boardState: new Uint8Array(), boardSvg: '', agreedBy: [], frozenBy: 'p1', frozenAt: new Date(Date.now() + 60_000) })

    const reviewable = await listReviewableConferences(db, fenna.id)
    expect(reviewable.map((c) => [c.title, c.version])).toEqual([
      ['Familie Jansen', 2],
      ['Familie Yilmaz', 1],
    ])
    expect(reviewable[1]!.id).toBe(second.id)
  })
})

describe('the admin CLI', () => {
  const kring = (argv: string[]) => runCommand(db, config, parseCliArgs(argv) as CliCommand)

  it('creates an evaluatie with --reviews, and refuses another facilitator’s conference', async () => {
    const earlier = await agreedConference(fenna)
    const made = (await kring(['create-conference', '--title', 'Evaluatie Jansen', '--kind', 'evaluatie', '--facilitator-email', 'fenna@example.org', '--reviews', earlier.id])) as {
      conference: { id: string; kind: string }
      reviews: string
    }
    expect(made).toMatchObject({ conference: { kind: 'evaluatie' }, reviews: earlier.id })
    expect(shapesOf(await boardRecords(made.conference.id), 'kring-agreement')).toHaveLength(1)

    await expect(kring(['create-conference', '--title', 'X', '--kind', 'evaluatie', '--facilitator-email', 'otto@example.org', '--reviews', earlier.id])).rejects.toMatchObject({
      code: 'forbidden',
    })
    expect(() => parseCliArgs(['create-conference', '--title', 'X', '--facilitator-email', 'fenna@example.org', '--reviews', 'not an id'])).toThrow(/--reviews/)
  })

  it('lays out the board of every conference it creates', async () => {
    const made = (await kring(['create-conference', '--title', 'Familie Visser', '--kind', 'netwerkkaart', '--facilitator-email', 'fenna@example.org'])) as {
      conference: { id: string }
    }
    expect(made).not.toHaveProperty('reviews')
    expect(shapesOf(await boardRecords(made.conference.id), 'kring-area')).toHaveLength(7)
  })
})
