import { execFileSync } from 'node:child_process'
import * as Y from 'yjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { itemDefaults } from '../../lib/board/items'
import { exportFamilyCopy, exportFileName, exportHeaders, exportPlanVersion } from '../../lib/server/conference/version-exports'
import { findViewer } from '../../lib/server/conference/find-viewer'
import { ExportQuery, VersionParams } from '../../lib/protocol/versions'
import { listVersions } from '../../lib/server/conference/version-list'
import { inviteToConference, revokeInvitation } from '../../lib/server/conference/invitations'
import { startConference } from '../../lib/server/conference/start-conference'
import { openDatabase, type Db } from '../../lib/server/db/connect'
import { insertPlanVersion } from '../../lib/server/db/repositories/plan-versions'
import { createUser } from '../../lib/server/db/repositories/users'
import type { Conference, Participant, User } from '../../lib/server/db/schema'
import { renderBoardSvg } from '../../lib/server/export/board-svg'
import { PlanExport } from '../../lib/server/export/json'
import { derivePlanFromRecords } from '../../lib/plan/derive'
import { recordsMapOf } from '../../lib/sync/document-format'

/**
 * The versions routes (app/api/conferences/[id]/versions/**) are thin: who is asking
 * (findViewer), what the gate lets them do (listVersions and exportPlanVersion ask it too) and the
 * export itself (exportPlanVersion, exportHeaders). These tests run those on a real database;
 * tests/unit/route-gate.test.ts calls the route handlers themselves.
 */

const PUBLIC_URL = 'https://kring.example.org'
const PAGE = 'page:kring'

let db: Db
let fenna: User
let conference: Conference
let facilitator: Participant
const tokens: Record<'professional' | 'family' | 'network', string> = { professional: '', family: '', network: '' }

function shape(id: string, type: keyof typeof itemDefaults, props: Record<string, unknown>, y = 0): Record<string, unknown> {
  return { id, typeName: 'shape', type, parentId: PAGE, index: 'a1', x: 0, y, rotation: 0, isLocked: false, opacity: 1, meta: {}, props: { ...itemDefaults[type], ...props } }
}

const records: Record<string, unknown> = Object.fromEntries(
  [
    { id: PAGE, typeName: 'page', name: 'Bord', index: 'a1', meta: {} },
    shape('shape:amira', 'kring-person', { name: 'Amira El Amrani', relation: 'tante', ring: 'inner', group: 'network' }),
    shape('shape:pickup', 'kring-agreement', { what: 'Amira haalt Noor op', ownerIds: ['shape:amira'], when: 'elke woensdag', howWeKnow: 'Noor is op tijd' }, 300),
    shape('shape:call', 'kring-safety-item', { signal: 'Papa drinkt', action: 'Noor belt', contactName: 'Amira El Amrani', contactPhone: '06 12345678', safePlace: 'bij de buren' }, 600),
  ].map((r) => [String(r.id), r]),
)

async function freezeVersion(): Promise<void> {
  const doc = new Y.Doc()
  doc.transact(() => {
    for (const [id, record] of Object.entries(records)) recordsMapOf(doc).set(id, record)
  })
  await insertPlanVersion(db, {
    conferenceId: conference.id,
    plan: derivePlanFromRecords(records),
    boardState: Y.encodeStateAsUpdate(doc),
    boardSvg: renderBoardSvg(records, { locale: 'nl', redacted: false }),
    agreedBy: [
      { participantId: 'p-sanne', name: 'Mama Sanne', role: 'family', at: '2026-03-03T13:01:00.000Z', recordedBy: null },
      { participantId: 'p-amira', name: 'Amira El Amrani', role: 'network', at: '2026-03-03T13:02:00.000Z', recordedBy: facilitator.id },
    ],
    frozenBy: facilitator.id,
  })
  doc.destroy()
}

async function viewer(as: 'facilitator' | keyof typeof tokens) {
  const found = await findViewer(db, conference.id, as === 'facilitator' ? { userId: fenna.id } : { invitationToken: tokens[as] })
  if (!found.ok) throw new Error(`${as} is not a viewer: ${found.reason}`)
  return found
}

async function exportAs(as: 'facilitator' | keyof typeof tokens, format: 'pdf' | 'json' | 'png' | 'svg', redacted = false, version = 1) {
  const { participant } = await viewer(as)
  return exportPlanVersion(db, { conference, participant, version, format, redacted })
}

async function exportAudit() {
  return db.selectFrom('audit_log').select(['actor', 'detail']).where('action', '=', 'plan.exported').orderBy('id').execute()
}

beforeEach(async () => {
  db = await openDatabase(':memory:')
  fenna = await createUser(db, { email: 'fenna@example.org', name: 'Fenna de Vries', role: 'facilitator', passwordHash: null })
  conference = await startConference(db, { title: 'Familie Çelik-de Vries', kind: 'familiegroepsplan', user: fenna })
  facilitator = (await viewer('facilitator')).participant
  for (const role of ['professional', 'family', 'network'] as const) {
    const invited = await inviteToConference(db, { conferenceId: conference.id, displayName: `Iemand ${role}`, role, actor: fenna.id, publicUrl: PUBLIC_URL })
    tokens[role] = invited.token
  }
  await freezeVersion()
})

afterEach(async () => {
  await db.destroy()
})

describe('who may list and export the agreed versions', () => {
  it('lists the versions, with who agreed, to everyone taking part; only facilitator and professional may export', async () => {
    for (const as of ['facilitator', 'professional', 'family', 'network'] as const) {
      const list = await listVersions(db, await viewer(as))
      expect(list.versions).toHaveLength(1)
      expect(list.versions[0]).toMatchObject({
        version: 1,
        agreedBy: [
          { name: 'Mama Sanne', role: 'family', recorded: false },
          { name: 'Amira El Amrani', role: 'network', recorded: true },
        ],
      })
      expect(list.mayExport).toBe(as === 'facilitator' || as === 'professional')
    }
  })

  it('refuses family and network members (403) and writes nothing to the audit log', async () => {
    await expect(exportAs('family', 'pdf')).rejects.toMatchObject({ code: 'forbidden', status: 403 })
    await expect(exportAs('network', 'json')).rejects.toMatchObject({ code: 'forbidden', status: 403 })
    expect(await exportAudit()).toEqual([])
  })

  it('knows nobody without a credential (401) and refuses a revoked professional (403)', async () => {
    expect(await findViewer(db, conference.id, {})).toEqual({ ok: false, reason: 'unauthenticated' })
    const { participant } = await viewer('professional')
    await revokeInvitation(db, { conferenceId: conference.id, participantId: participant.id, actor: fenna.id })
    expect(await findViewer(db, conference.id, { invitationToken: tokens.professional })).toEqual({ ok: false, reason: 'forbidden' })
    // Someone else's conference is a 403 too, so an id alone reveals nothing.
    const other = await startConference(db, { title: 'Andere familie', kind: 'evaluatie', user: fenna })
    expect(await findViewer(db, other.id, { invitationToken: tokens.family })).toEqual({ ok: false, reason: 'forbidden' })
  })

  it('answers 404 for a version that does not exist', async () => {
    await expect(exportAs('facilitator', 'pdf', false, 2)).rejects.toMatchObject({ code: 'not_found', status: 404 })
  })
})

describe('exporting a version', () => {
  it('gives the professional a PDF and records who, which version and which format', async () => {
    const file = await exportAs('professional', 'pdf')
    expect(new TextDecoder().decode(file.body.slice(0, 5))).toBe('%PDF-')
    expect(file.contentType).toBe('application/pdf')
    expect(file.fileName).toBe('kring-familie-celik-de-vries-v1.pdf')
    const { participant } = await viewer('professional')
    expect(await exportAudit()).toEqual([{ actor: participant.id, detail: 'format=pdf version=1 redacted=0' }])
  })

  it('gives the facilitator the JSON export in its documented schema, and audits each export', async () => {
    const file = await exportAs('facilitator', 'json')
    expect(file.contentType).toBe('application/json; charset=utf-8')
    const json: unknown = JSON.parse(new TextDecoder().decode(file.body))
    expect(PlanExport.safeParse(json).success).toBe(true)
    expect(JSON.stringify(json)).toContain('Amira haalt Noor op')
    await exportAs('facilitator', 'svg')
    await exportAs('facilitator', 'png', true)
    expect((await exportAudit()).map((r) => [r.actor, r.detail])).toEqual([
      [facilitator.id, 'format=json version=1 redacted=0'],
      [facilitator.id, 'format=svg version=1 redacted=0'],
      [facilitator.id, 'format=png version=1 redacted=1'],
    ])
  })

  it('serves the board as stored (SVG) and as PNG; redacted, names become initials and phone numbers go', async () => {
    const svg = await exportAs('facilitator', 'svg')
    expect(svg.contentType).toBe('image/svg+xml; charset=utf-8')
    const plainSvg = new TextDecoder().decode(svg.body)
    expect(plainSvg).toContain('Amira El Amrani')

    const redactedSvg = new TextDecoder().decode((await exportAs('facilitator', 'svg', true)).body)
    expect(redactedSvg).toContain('<svg')
    expect(redactedSvg).not.toContain('Amira El Amrani')
    expect(redactedSvg).not.toContain('12345678')

    const redactedJson = new TextDecoder().decode((await exportAs('professional', 'json', true)).body)
    expect(redactedJson).not.toContain('Amira El Amrani')
    expect(redactedJson).not.toContain('12345678')

    const png = await exportAs('professional', 'png', true)
    expect(png.contentType).toBe('image/png')
    expect([...png.body.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47])
    // The title names the family: a redacted file is named without it.
    expect(png.fileName).toBe('kring-plan-v1-geanonimiseerd.png')
  })

  it('sends every file as a download that is never cached or run', async () => {
    const headers = exportHeaders(await exportAs('professional', 'pdf', true))
    expect(headers).toMatchObject({
      'Content-Type': 'application/pdf',
      'Content-Disposition': 'attachment; filename="kring-plan-v1-geanonimiseerd.pdf"',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    })
    expect(headers['Content-Security-Policy']).toContain('sandbox')
  })
})

describe('the export request', () => {
  it('takes a version number and a format, redacted or not, and nothing else', () => {
    expect(VersionParams.parse({ id: conference.id, version: '12' }).version).toBe(12)
    for (const bad of ['0', '01', '-1', '1e3', '1.5', ' 2', 'v1']) expect(VersionParams.safeParse({ id: conference.id, version: bad }).success, bad).toBe(false)
    expect(ExportQuery.parse({ format: 'pdf' })).toEqual({ format: 'pdf', redacted: false })
    expect(ExportQuery.parse({ format: 'svg', redacted: '1' })).toEqual({ format: 'svg', redacted: true })
    expect(ExportQuery.safeParse({ format: 'docx' }).success).toBe(false)
    expect(ExportQuery.safeParse({ format: 'pdf', redacted: 'yes' }).success).toBe(false)
    expect(ExportQuery.safeParse({ format: 'pdf', extra: '1' }).success).toBe(false)
  })

  it('names files after the conference in plain ASCII', () => {
    expect(exportFileName('Familie Jansen', 3, false, 'json')).toBe('kring-familie-jansen-v3.json')
    expect(exportFileName('Gezin "Ø/Ünal"', 1, false, 'pdf')).toBe('kring-gezin-unal-v1.pdf')
    expect(exportFileName('Gezin "Ø/Ünal"', 1, true, 'pdf')).toBe('kring-plan-v1-geanonimiseerd.pdf')
    expect(exportFileName('عائلة', 2, false, 'svg')).toBe('kring-plan-v2.svg')
  })
})

describe('the family copy (issue 10)', () => {
  it('gives the family and the network the agreed plan as a PDF in their own language, and audits it', async () => {
    const { participant } = await viewer('network')
    const file = await exportFamilyCopy(db, { conference, participant, version: 1, locale: 'ar' })
    expect(file.contentType).toBe('application/pdf')
    expect(file.fileName).toBe('kring-familie-celik-de-vries-v1-ar.pdf')
    const text = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: file.body }).toString('utf8')
    expect(text).toContain('الاتفاقات')
    expect(text).toContain('Amira haalt Noor op')
    expect(text).not.toContain('Afspraken')
    expect(await exportAudit()).toEqual([{ actor: participant.id, detail: 'format=pdf version=1 redacted=0 copy=family locale=ar' }])
  })

  it('answers 404 for a version that does not exist', async () => {
    const { participant } = await viewer('family')
    await expect(exportFamilyCopy(db, { conference, participant, version: 9, locale: 'tr' })).rejects.toMatchObject({ code: 'not_found' })
  })
})
