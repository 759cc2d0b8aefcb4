import { routeRequest } from '../helpers/route-harness'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { invitationCookieName } from '../../lib/conference/join-link'
import type { User } from '../../lib/server/db/schema'
import { listAudit } from '../../lib/server/db/repositories/audit'
import { listParticipants, markWaiting } from '../../lib/server/db/repositories/participants'
import { seedConference, seedInvitation } from '../../lib/server/db/seed'
import { ApiErrorBody } from '../../lib/protocol/api-error'
import { loadFollowUp } from '../../lib/server/follow-up/load'
import { myAgreements } from '../../lib/plan/follow-up/follow-up'
import { personalDataOf } from '../../lib/server/conference/personal-data'
import { deleteConference } from '../../lib/server/conference/retention/deletion'
import { conferenceOwnedTables } from '../../lib/server/conference/retention/owned-tables'
import { CALLS, seedFollowUpWorld } from '../helpers/follow-up-world'
import { auditNames, describeAuditEntries } from '../../lib/server/conference/audit-log'
import { createTranslator } from '../../lib/i18n/catalogs'

// PUT /api/conferences/[id]/person-links as Next runs it (session, cookies and database stubbed,
// tests/helpers/route-harness.ts; the gate, the checks and the follow-up real): the facilitator
// says who "Opa Kees" on the board is, and the follow-up asks that participant, whatever their
// invitation's name.
const harness = routeRequest({ world: (db) => seedFollowUpWorld(db, new Date(Date.now() - 24 * 60 * 60 * 1000)) })
const { origin } = harness

type Handler = (req: Request, ctx: unknown) => Promise<Response>
let put: Handler

beforeAll(async () => {
  put = (await import('../../app/api/conferences/[id]/person-links/route')).PUT as Handler
}, 60_000)

beforeEach(() => {
  asFacilitator()
})

function asFacilitator(): void {
  harness.as({ user: harness.world.facilitatorUser as User })
}

function asInvited(token: string): void {
  harness.as({ cookies: { [invitationCookieName(harness.world.conference.id)]: token } })
}

function link(body: unknown, conferenceId = harness.world.conference.id): Promise<Response> {
  return put(
    new Request(`${origin}/api/conferences/${conferenceId}/person-links`, { method: 'PUT', body: JSON.stringify(body), headers: { 'content-type': 'application/json', origin } }),
    { params: Promise.resolve({ id: conferenceId }) },
  )
}

async function refusal(res: Response): Promise<[number, string]> {
  return [res.status, ApiErrorBody.parse(await res.json()).error.code]
}

async function callsOwners(): Promise<string[]> {
  const loaded = await loadFollowUp(harness.db, harness.world.conference.id, new Date())
  return loaded!.followUp.agreements.find((a) => a.agreement.id === CALLS)!.ownerIds
}

const linkRows = () => harness.db.selectFrom('board_person_links').selectAll().execute()

describe('PUT person-links', () => {
  it('links a board person to a participant whose name differs; the follow-up then asks only them, audited with ids only', async () => {
    const grandpa = await seedInvitation(harness.db, { conferenceId: harness.world.conference.id, displayName: 'Kees de Vries', role: 'network' })
    expect(await callsOwners()).toEqual([harness.world.grandpa.participant.id])

    const res = await link({ personId: 'shape:kees', participantId: grandpa.participant.id })
    expect(res.status).toBe(200)
    expect(await callsOwners()).toEqual([grandpa.participant.id])
    const loaded = (await loadFollowUp(harness.db, harness.world.conference.id, new Date()))!
    expect(myAgreements(loaded.followUp, grandpa.participant.id, loaded.version.plan).map((m) => m.followUp.agreement.what)).toEqual(['Bellen met Sem'])
    // The "Opa Kees" invitation no longer gets Kees's agreement by its name.
    expect(myAgreements(loaded.followUp, harness.world.grandpa.participant.id, loaded.version.plan)).toEqual([])

    const audit = (await listAudit(harness.db, harness.world.conference.id)).find((e) => e.action === 'person.linked')
    expect(audit?.actor).toBe(harness.world.facilitator.id)
    expect(audit?.detail).toBe(`person=shape:kees participant=${grandpa.participant.id}`)
    // The facilitator reads it as a sentence; the board's name is not in the log.
    const [sentence] = describeAuditEntries([audit!], auditNames(await listParticipants(harness.db, harness.world.conference.id)), createTranslator('nl'))
    expect(sentence).toMatchObject({ who: 'Fenna Facilitator', what: 'Koppelde iemand op het bord aan Kees de Vries' })
  })

  it('says "nobody invited" (no name match any more), and clearing goes back to the name', async () => {
    expect((await link({ personId: 'shape:kees', participantId: null })).status).toBe(200)
    expect(await callsOwners()).toEqual([])
    expect(await linkRows()).toMatchObject([{ person_id: 'shape:kees', participant_id: null }])
    expect((await link({ personId: 'shape:kees', clear: true })).status).toBe(200)
    expect(await callsOwners()).toEqual([harness.world.grandpa.participant.id])
    expect(await linkRows()).toEqual([])
    expect((await listAudit(harness.db, harness.world.conference.id)).map((e) => e.action)).toEqual(expect.arrayContaining(['person.linked', 'person.link-cleared']))
  })

  it('refuses a participant of another conference (400) and a person not on the agreed board (404)', async () => {
    const other = await seedConference(harness.db, { facilitator: harness.world.facilitatorUser, title: 'Familie Yilmaz' })
    const stranger = await seedInvitation(harness.db, { conferenceId: other.conference.id, displayName: 'Opa Kees', role: 'network' })
    const foreign = await link({ personId: 'shape:kees', participantId: stranger.participant.id })
    expect(await refusal(foreign)).toEqual([400, 'bad_request'])
    expect(await refusal(await link({ personId: 'shape:kees', participantId: 'NoSuchParticipant0001' }))).toEqual([400, 'bad_request'])
    const missing = await link({ personId: 'shape:nobody-here', participantId: harness.world.grandpa.participant.id })
    expect(missing.status).toBe(404)
    expect(ApiErrorBody.parse(await missing.json()).error.message).toBe('no such person on the board of the agreed plan')
    // A conference without an agreed plan has nobody on its board to link yet.
    expect(await refusal(await link({ personId: 'shape:kees', participantId: other.facilitator.id }, other.conference.id))).toEqual([404, 'not_found'])
    expect(await linkRows()).toEqual([])
  })

  it('parses the body strictly', async () => {
    for (const body of [
      { personId: 'shape:kees' },
      { personId: 'kees', participantId: null },
      { personId: 'shape:kees', participantId: null, clear: true },
      { personId: 'shape:kees', participantId: harness.world.grandpa.participant.id, role: 'facilitator' },
      { personId: 'shape:kees', participantId: 'x' },
    ]) {
      expect(await refusal(await link(body))).toEqual([400, 'bad_request'])
    }
    expect(await linkRows()).toEqual([])
  })

  it('is the facilitator\'s: a network member, a professional and a professional in the lobby get 403, nobody 401', async () => {
    const waiting = await seedInvitation(harness.db, { conferenceId: harness.world.conference.id, displayName: 'Wijkteam Wendy', role: 'professional' })
    await harness.db.updateTable('participants').set({ requires_admission: 1 }).where('id', '=', waiting.participant.id).execute()
    await markWaiting(harness.db, harness.world.conference.id, waiting.participant.id)
    for (const token of [harness.world.aunt.token, harness.world.professional.token, waiting.token]) {
      asInvited(token)
      expect(await refusal(await link({ personId: 'shape:kees', participantId: harness.world.aunt.participant.id }))).toEqual([403, 'forbidden'])
    }
    harness.as({ user: null })
    expect(await refusal(await link({ personId: 'shape:kees', participantId: null }))).toEqual([401, 'unauthenticated'])
    expect(await linkRows()).toEqual([])
  })
})

describe('a link is the conference\'s data', () => {
  it('is in the linked person\'s own data export, and goes when the conference is deleted', async () => {
    expect(conferenceOwnedTables).toContain('board_person_links')
    const grandpa = await seedInvitation(harness.db, { conferenceId: harness.world.conference.id, displayName: 'Kees de Vries', role: 'network' })
    expect((await link({ personId: 'shape:kees', participantId: grandpa.participant.id })).status).toBe(200)
    const participant = await harness.db.selectFrom('participants').selectAll().where('id', '=', grandpa.participant.id).executeTakeFirstOrThrow()
    const data = await personalDataOf(harness.db, { participant, conference: harness.world.conference, user: null })
    expect(data.boardPeople).toEqual([{ personId: 'shape:kees', name: 'Opa Kees', linked: true }])
    expect(data.agreements.map((a) => [a.id, a.as])).toEqual([[CALLS, 'owner']])

    await deleteConference(harness.db, { conferenceId: harness.world.conference.id, actor: harness.world.facilitator.id, by: 'facilitator' })
    expect(await linkRows()).toEqual([])
  })
})
