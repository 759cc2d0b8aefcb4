import { execFileSync } from 'node:child_process'
import * as Y from 'yjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../lib/server/db/connect'
import { loadBoard } from '../../lib/server/db/repositories/yjs-log'
import { findParticipantForUser } from '../../lib/server/db/repositories/participants'
import { insertPlanVersion } from '../../lib/server/db/repositories/plan-versions'
import { setConferencePhase } from '../../lib/server/db/repositories/conferences'
import { startConference } from '../../lib/server/conference/start-conference'
import { exportPlanVersion } from '../../lib/server/conference/version-exports'
import { checkIn } from '../../lib/server/follow-up/check-in'
import { findReviewStart } from '../../lib/server/follow-up/review-start'
import { REVIEWS_META_KEY } from '../../lib/board/templates/evaluation-records'
import { derivePlan } from '../../lib/plan/derive'
import { reviewOutcome } from '../../lib/plan/follow-up/review'
import { recordsMapOf } from '../../lib/sync/document-format'
import { createKringTLSchema } from '../../lib/board/tldraw-schema'
import { richTextToPlain } from '../../lib/server/export/text/rich-text'
import { CALLS, seedFollowUpWorld, WEDNESDAY } from '../helpers/follow-up-world'

/** The review meeting starts from the facts, and its PDF says per agreement what was agreed, what happened, what is agreed now. */
const FROZEN = new Date('2026-03-03T19:30:00.000Z')
const day = (n: number) => new Date(FROZEN.getTime() + n * 86_400_000)

let db: Db
let world: Awaited<ReturnType<typeof seedFollowUpWorld>>

beforeEach(async () => {
  db = await openDatabase(':memory:')
  world = await seedFollowUpWorld(db, FROZEN)
})
afterEach(async () => {
  await db.destroy()
})

type Rec = { id: string; type?: string; props?: Record<string, unknown>; meta?: Record<string, unknown> }

async function startEvaluatie(now: Date) {
  const conference = await startConference(db, {
    title: 'Evaluatie familie de Vries',
    kind: 'evaluatie',
    user: { id: world.facilitatorUser.id, name: world.facilitatorUser.name, role: 'facilitator' },
    reviewsConferenceId: world.conference.id,
    now,
  })
  const doc = new Y.Doc()
  Y.applyUpdate(doc, (await loadBoard(db, conference.id)).snapshot!)
  return { conference, doc }
}

function records(doc: Y.Doc): Rec[] {
  return [...recordsMapOf(doc).values()] as Rec[]
}

describe('an evaluatie created from a followed-up conference', () => {
  it('brings each agreement with what happened since onto the new board', async () => {
    await checkIn(db, world.mother.participant, { agreementId: WEDNESDAY, outcome: 'cannot', reason: 'ziek', askBackup: true }, day(2))
    await checkIn(db, world.mother.participant, { agreementId: WEDNESDAY, outcome: 'done' }, day(8))
    const { conference, doc } = await startEvaluatie(day(15))
    const agreements = records(doc).filter((r) => r.type === 'kring-agreement')
    expect(agreements.map((a) => a.meta?.[REVIEWS_META_KEY]).sort()).toEqual([CALLS, WEDNESDAY].sort())
    const notes = records(doc).filter((r) => r.type === 'note')
    const texts = notes.map((r) => richTextToPlain(r.props?.richText as never))
    expect(texts).toContain('Wat er gebeurde: Loopt. 1× gedaan, 1× lukt niet.')
    // Opa never answered: one fortnight ended without a word.
    expect(texts).toContain('Wat er gebeurde: Hapert. 1× geen antwoord.')
    // Valid tldraw notes (the server refuses anything else)…
    const schema = createKringTLSchema()
    for (const note of notes) (schema.types as Record<string, { validate(r: unknown): unknown }>).shape!.validate(note)
    // …and not part of the new plan.
    expect(derivePlan(doc).agreements).toHaveLength(2)
    const start = await findReviewStart(db, conference.id)
    expect(start?.history.map((h) => [h.agreement.id, h.status])).toEqual([
      [WEDNESDAY, 'on-track'],
      [CALLS, 'slipping'],
    ])
  })

  it('records in the new version which agreements were confirmed, changed or ended, and prints it', async () => {
    await checkIn(db, world.mother.participant, { agreementId: WEDNESDAY, outcome: 'cannot', reason: 'ziek', askBackup: true }, day(2))
    const { conference, doc } = await startEvaluatie(day(9))
    // The group: Wednesday's agreement changes (Thursday, held partly); Opa's calls end.
    const map = recordsMapOf(doc)
    for (const record of records(doc)) {
      if (record.type !== 'kring-agreement') continue
      if (record.meta?.[REVIEWS_META_KEY] === CALLS) map.delete(record.id)
      else map.set(record.id, { ...record, props: { ...record.props, when: 'elke donderdag', status: 'partly' } })
    }
    const plan = derivePlan(doc)
    const facilitator = await findParticipantForUser(db, conference.id, world.facilitatorUser.id)
    const version = await insertPlanVersion(db, {
      conferenceId: conference.id,
      plan,
      boardState: Y.encodeStateAsUpdate(doc),
      boardSvg: '<svg xmlns="http://www.w3.org/2000/svg"/>',
      agreedBy: [],
      frozenBy: facilitator!.id,
      frozenAt: day(9),
    })
    const start = await findReviewStart(db, conference.id)
    const outcome = reviewOutcome(start!.history, plan, new Map(records(doc).filter((r) => r.type === 'kring-agreement').map((r) => [r.id, r.meta?.[REVIEWS_META_KEY] as string])))
    expect(outcome.rows.map((r) => [r.history.agreement.id, r.decision])).toEqual([
      [WEDNESDAY, 'changed'],
      [CALLS, 'ended'],
    ])

    await setConferencePhase(db, { conferenceId: conference.id, phase: 'afgesloten' })
    const { findConference } = await import('../../lib/server/db/repositories/conferences')
    const file = await exportPlanVersion(db, {
      conference: (await findConference(db, conference.id))!,
      participant: facilitator!,
      version: version.version,
      format: 'pdf',
      redacted: false,
    })
    const text = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', '-raw', '-', '-'], { input: file.body }).toString('utf8').replace(/\s+/g, ' ')
    expect(text).toContain('Afspraken van de vorige keer')
    expect(text).toContain('Sem naar school brengen — Mama Sanne, elke woensdag')
    expect(text).toContain('Hapert. 1× lukt niet.')
    expect(text).toContain('Veranderd: Sem naar school brengen — Mama Sanne, elke donderdag')
    expect(text).toContain('Gestopt (niet meer afgesproken)')

    // Redacted: the same table, nobody named.
    const redacted = await exportPlanVersion(db, {
      conference: (await findConference(db, conference.id))!,
      participant: facilitator!,
      version: version.version,
      format: 'pdf',
      redacted: true,
    })
    const anonymous = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', '-raw', '-', '-'], { input: redacted.body }).toString('utf8').replace(/\s+/g, ' ')
    expect(anonymous).toContain('Afspraken van de vorige keer')
    expect(anonymous).toContain('Gestopt (niet meer afgesproken)')
    expect(anonymous).not.toContain('Sanne')
    expect(anonymous).not.toContain('Kees')
    expect(anonymous).not.toContain('de Vries')
  })
})
