import { execFileSync } from 'node:child_process'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { itemDefaults } from '../../lib/board/items'
import { exportPlanVersion } from '../../lib/server/conference/version-exports'
import { openDatabase, type Db } from '../../lib/server/db/connect'
import { insertPlanVersion } from '../../lib/server/db/repositories/plan-versions'
import type { Conference, Participant } from '../../lib/server/db/schema'
import { seedConference, seedInvitation, seedUser } from '../../lib/server/db/seed'
import { renderBoardSvg } from '../../lib/server/export/board-svg'
import { derivePlanFromRecords } from '../../lib/plan/derive'
import { recordsMapOf } from '../../lib/sync/document-format'

/**
 * The redacted export scrubs the names of the people who took part from free text, also when
 * they are not a person on the board: "Tante Amina haalt Samira op" must not name Amina when
 * Tante Amina agreed to the plan, though the board has no card for her. Checked on the whole
 * export path (exportPlanVersion): the JSON, the PDF's text as pdftotext reads it, and the board
 * image (SVG; the PNG and the PDF's board picture are drawn from the same redacted SVG).
 */

const PAGE = 'page:kring'
const SENTENCE = 'Tante Amina haalt Samira op'
const SCRUBBED = 'T.A. haalt S. op'
const PARTICIPANT = 'Tante Amina'

let db: Db
let conference: Conference
let facilitator: Participant

function shape(id: string, type: keyof typeof itemDefaults, props: Record<string, unknown>, y = 0): Record<string, unknown> {
  return { id, typeName: 'shape', type, parentId: PAGE, index: 'a1', x: 0, y, rotation: 0, isLocked: false, opacity: 1, meta: {}, props: { ...itemDefaults[type], ...props } }
}

/** A board on which Amina is named only in free text: on a card, and in an agreement. */
const records: Record<string, unknown> = Object.fromEntries(
  [
    { id: PAGE, typeName: 'page', name: 'Bord', index: 'a1', meta: {} },
    shape('shape:samira', 'kring-person', { name: 'Samira Haddou', relation: 'kind', ring: 'inner', group: 'family' }),
    shape('shape:card', 'kring-card', { kind: 'going-well', text: SENTENCE }, 200),
    shape('shape:pickup', 'kring-agreement', { what: SENTENCE, ownerIds: ['shape:samira'], when: 'elke woensdag', howWeKnow: 'Samira is op tijd thuis' }, 500),
  ].map((r) => [String(r.id), r]),
)

beforeEach(async () => {
  db = await openDatabase(':memory:')
  const fenna = await seedUser(db, { email: 'fenna@example.org', name: 'Fenna de Vries' })
  ;({ conference, facilitator } = await seedConference(db, { title: 'Familie Haddou', facilitator: fenna }))
  const amina = await seedInvitation(db, { conferenceId: conference.id, displayName: PARTICIPANT, role: 'network' })

  const doc = new Y.Doc()
  doc.transact(() => {
    for (const [id, record] of Object.entries(records)) recordsMapOf(doc).set(id, record)
  })
  const plan = derivePlanFromRecords(records)
  // The fixture really holds the sentence as free text, and Amina is no person of the plan.
  expect(JSON.stringify(plan)).toContain(SENTENCE)
  expect(plan.people.map((p) => p.name)).toEqual(['Samira Haddou'])
  await insertPlanVersion(db, {
    conferenceId: conference.id,
    plan,
    boardState: Y.encodeStateAsUpdate(doc),
    boardSvg: renderBoardSvg(records, { locale: 'nl', redacted: false }),
    agreedBy: [{ participantId: amina.participant.id, name: PARTICIPANT, role: 'network', at: '2026-03-03T13:02:00.000Z', recordedBy: null }],
    frozenBy: facilitator.id,
  })
  doc.destroy()
})

afterEach(async () => {
  await db.destroy()
})

async function exported(format: 'json' | 'pdf' | 'svg', redacted: boolean): Promise<Uint8Array> {
  return (await exportPlanVersion(db, { conference, participant: facilitator, version: 1, format, redacted })).body
}

/** The PDF's text as poppler reads it, with table cells' line breaks read as spaces. */
function pdfText(pdf: Uint8Array): string {
  return execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', '-raw', '-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, ' ')
}

const decode = (body: Uint8Array) => new TextDecoder().decode(body)

describe('redacted export: participant names in free text', () => {
  it('the plain export has the sentence as written (so the redacted one has something to scrub)', async () => {
    expect(decode(await exported('json', false))).toContain(SENTENCE)
    expect(pdfText(await exported('pdf', false))).toContain(SENTENCE)
    expect(decode(await exported('svg', false))).toContain('Amina')
  })

  it('JSON: the agreement and the card say "T.A. haalt S. op"; Amina is nowhere', async () => {
    const json = decode(await exported('json', true))
    expect(json).not.toContain('Amina')
    const plan = (JSON.parse(json) as { plan: { agreements: { what: string }[]; goingWell: { text: string }[] } }).plan
    expect(plan.agreements.map((a) => a.what)).toEqual([SCRUBBED])
    expect(plan.goingWell.map((c) => c.text)).toEqual([SCRUBBED])
  })

  it('PDF: the text holds the scrubbed sentence and no Amina', async () => {
    const text = pdfText(await exported('pdf', true))
    expect(text).toContain(SCRUBBED)
    expect(text).not.toContain('Amina')
  })

  it('board image: the card on the board no longer names Amina', async () => {
    const svg = decode(await exported('svg', true))
    expect(svg).toContain('haalt')
    expect(svg).not.toContain('Amina')
  })
})
