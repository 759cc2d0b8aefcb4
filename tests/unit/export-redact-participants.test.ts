import { execFileSync } from 'node:child_process'
import { PDFParse } from 'pdf-parse'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { itemDefaults } from '../../lib/board/items'
import { exportHeaders, exportPlanVersion } from '../../lib/server/conference/version-exports'
import { openDatabase, type Db } from '../../lib/server/db/connect'
import { insertPlanVersion } from '../../lib/server/db/repositories/plan-versions'
import { markRemoved, revokeParticipant } from '../../lib/server/db/repositories/participants'
import type { Conference, Participant } from '../../lib/server/db/schema'
import { seedConference, seedInvitation, seedUser } from '../../lib/server/db/seed'
import { renderBoardSvg } from '../../lib/server/export/board-svg'
import { derivePlanFromRecords } from '../../lib/plan/derive'
import { recordsMapOf } from '../../lib/sync/document-format'

/**
 * The redacted export names nobody, checked on the whole export path (exportPlanVersion, from the
 * database): the JSON, the PDF's text as pdftotext reads it and its metadata (pdfinfo, pdf-parse),
 * the board image (SVG; the PNG and the PDF's board picture are drawn from the same redacted SVG)
 * and the file name. The people: a participant named only in free text ("Tante Amina", who is no
 * person on the board), the child on the board ("Samira El Amrani", written "Samira" in text), the
 * family name from the title ("Familie El Amrani"), an observer and a removed and a revoked
 * participant who are named nowhere but in text, and an Arabic name (أمينة الزهراء), also written
 * without its hamza (امينه).
 */

const PAGE = 'page:kring'
const TITLE = 'Familie El Amrani'
const AGREEMENT = 'Tante Amina haalt Samira op bij Kerkstraat 12, 1234 AB Utrecht'
const AGREEMENT_REDACTED = 'A. (netwerk) haalt S.E.A. (familie) op bij'
const CARD = 'Familie El Amrani belt Karin Mulder, Ruud en امينه: amina@example.org of 06-12345678'
const CARD_REDACTED = 'Familie A. belt K.M. (waarnemer), R. (netwerk) en \u2068أ ز\u2069 (familie): of'
const SECRETS = ['Amina', 'amina', 'Samira', 'Amrani', 'Karin', 'Mulder', 'Ruud', 'Bakker', 'أمينة', 'امينه', 'الزهراء', 'Kerkstraat', '1234 AB', 'Utrecht', 'example.org', '12345678']

let db: Db
let conference: Conference
let facilitator: Participant

function shape(id: string, type: keyof typeof itemDefaults, props: Record<string, unknown>, y = 0): Record<string, unknown> {
  return { id, typeName: 'shape', type, parentId: PAGE, index: 'a1', x: 0, y, rotation: 0, isLocked: false, opacity: 1, meta: {}, props: { ...itemDefaults[type], ...props } }
}

const records: Record<string, unknown> = Object.fromEntries(
  [
    { id: PAGE, typeName: 'page', name: 'Bord El Amrani', index: 'a1', meta: {} },
    shape('shape:samira', 'kring-person', { name: 'Samira El Amrani', relation: 'kind', ring: 'inner', group: 'family' }),
    shape('shape:oma', 'kring-person', { name: 'أمينة الزهراء', relation: 'oma', ring: 'inner', group: 'family' }, 100),
    shape('shape:card', 'kring-card', { kind: 'going-well', text: CARD }, 200),
    shape('shape:pickup', 'kring-agreement', { what: AGREEMENT, ownerIds: ['shape:samira'], when: 'elke woensdag', howWeKnow: 'Samira is op tijd thuis' }, 500),
  ].map((r) => [String(r.id), r]),
)

beforeEach(async () => {
  db = await openDatabase(':memory:')
  const fenna = await seedUser(db, { email: 'fenna@example.org', name: 'Fenna Bakker' })
  ;({ conference, facilitator } = await seedConference(db, { title: TITLE, facilitator: fenna }))
  const amina = await seedInvitation(db, { conferenceId: conference.id, displayName: 'Tante Amina', role: 'network' })
  await seedInvitation(db, { conferenceId: conference.id, displayName: 'Karin Mulder', role: 'observer' })
  const ruud = await seedInvitation(db, { conferenceId: conference.id, displayName: 'Ruud', role: 'network' })
  await markRemoved(db, conference.id, ruud.participant.id)
  const gone = await seedInvitation(db, { conferenceId: conference.id, displayName: 'Sanne Bakker', role: 'family' })
  await revokeParticipant(db, conference.id, gone.participant.id)

  const doc = new Y.Doc()
  doc.transact(() => {
    for (const [id, record] of Object.entries(records)) recordsMapOf(doc).set(id, record)
  })
  const plan = derivePlanFromRecords(records)
  expect(plan.people.map((p) => p.name)).toEqual(['Samira El Amrani', 'أمينة الزهراء'])
  await insertPlanVersion(db, {
    conferenceId: conference.id,
    plan,
    boardState: Y.encodeStateAsUpdate(doc),
    boardSvg: renderBoardSvg(records, { locale: 'nl', redacted: false }),
    agreedBy: [{ participantId: amina.participant.id, name: 'Tante Amina', role: 'network', at: '2026-03-03T13:02:00.000Z', recordedBy: null }],
    frozenBy: facilitator.id,
  })
  doc.destroy()
})

afterEach(async () => {
  await db.destroy()
})

async function exported(format: 'json' | 'pdf' | 'svg', redacted: boolean) {
  return exportPlanVersion(db, { conference, participant: facilitator, version: 1, format, redacted })
}

// Directional marks and isolates that extractors put around right-to-left text.
const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g

/** The PDF's text as poppler reads it, with table cells' line breaks read as spaces. */
function pdfText(pdf: Uint8Array): string {
  return execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', '-raw', '-', '-'], { input: pdf }).toString('utf8').replace(BIDI_CONTROLS, '').replace(/\s+/g, ' ')
}

const decode = (body: Uint8Array) => new TextDecoder().decode(body)

describe('redacted export: nobody named, anywhere', () => {
  it('the plain export has the names as written (so the redacted one has something to scrub)', async () => {
    expect(decode((await exported('json', false)).body)).toContain(AGREEMENT)
    expect(pdfText((await exported('pdf', false)).body)).toContain(TITLE)
    expect(decode((await exported('svg', false)).body)).toContain('Amina')
  })

  it('JSON: no title, the agreement and the card scrubbed, the same replacement for one person everywhere', async () => {
    const file = await exported('json', true)
    const json = decode(file.body)
    for (const secret of SECRETS) expect(json, secret).not.toContain(secret)
    const parsed = JSON.parse(json) as { conference: { title: string }; participants: { name: string }[]; plan: { agreements: { what: string; owners: { name: string }[] }[]; goingWell: { text: string }[]; people: { name: string }[] } }
    expect(parsed.conference.title).toBe('Familiegroepsplan (geanonimiseerd)')
    expect(parsed.plan.agreements[0]!.what).toBe(AGREEMENT_REDACTED)
    expect(parsed.plan.goingWell[0]!.text).toBe(CARD_REDACTED)
    // Samira: "S.E.A. (familie)" in the name field, as owner and in the text.
    expect(parsed.plan.people.map((p) => p.name)).toEqual(['S.E.A. (familie)', '\u2068أ ز\u2069 (familie)'])
    expect(parsed.plan.agreements[0]!.owners.map((o) => o.name)).toEqual(['S.E.A. (familie)'])
    expect(parsed.participants.map((p) => p.name)).toEqual(['F.B. (gespreksleider)', 'A. (netwerk)'])
    expect(file.fileName).toBe('kring-plan-v1-geanonimiseerd.json')
  })

  it('PDF: the heading, the text and the metadata name nobody; Arabic initials without stray full stops', async () => {
    const file = await exported('pdf', true)
    const text = pdfText(file.body)
    for (const secret of SECRETS) expect(text, secret).not.toContain(secret)
    expect(text.startsWith('Familiegroepsplan (geanonimiseerd)')).toBe(true)
    expect(text).toContain(AGREEMENT_REDACTED)
    expect(text).toContain('K.M. (waarnemer)')
    expect(text).toMatch(/أ ز|ز أ/)
    expect(text).not.toMatch(/[\u0600-\u06FF]\.|\.[\u0600-\u06FF]/)

    const info = execFileSync('/usr/bin/pdfinfo', ['-'], { input: file.body }).toString('utf8')
    expect(info).toMatch(/^Title:\s+Familiegroepsplan \(geanonimiseerd\)$/m)
    expect(info).not.toMatch(/^(Author|Subject|Keywords):/m)
    expect(info).not.toContain('Amrani')
    const parser = new PDFParse({ data: new Uint8Array(file.body) })
    try {
      const { info: meta } = await parser.getInfo()
      expect(meta?.Title).toBe('Familiegroepsplan (geanonimiseerd)')
      expect(meta?.Author).toBeUndefined()
      expect(meta?.Subject).toBeUndefined()
      expect(meta?.Keywords).toBeUndefined()
    } finally {
      await parser.destroy()
    }
    expect(exportHeaders(file)['Content-Disposition']).toBe('attachment; filename="kring-plan-v1-geanonimiseerd.pdf"')
  })

  it('board image: the cards, the people and the page name no longer name anyone', async () => {
    const svg = decode((await exported('svg', true)).body)
    expect(svg).toContain('haalt')
    for (const secret of SECRETS) expect(svg, secret).not.toContain(secret)
    expect(svg).toContain('S.E.A. (familie)')
    // A Dutch line that holds Arabic initials stays a left-aligned Dutch line.
    expect(svg).toMatch(/<text x="10" y="[\d.]+">\u2068أ ز\u2069 \(familie\): of<\/text>|<text x="10" y="[\d.]+">[^<]*\u2068أ ز\u2069 \(familie\)/)
  })
})
