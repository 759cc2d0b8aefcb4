import { routeRequest } from '../helpers/route-harness'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { invitationCookieName } from '../../lib/conference/join-link'
import { findViewer } from '../../lib/server/conference/find-viewer'
import { mayLinkInvitation } from '../../lib/server/conference/link-account'
import { homeConferencesOf } from '../../lib/server/conference/summaries'
import type { Db } from '../../lib/server/db/connect'
import { recordAudit } from '../../lib/server/db/repositories/audit'
import { findParticipant, revokeParticipant } from '../../lib/server/db/repositories/participants'
import { insertPlanVersion } from '../../lib/server/db/repositories/plan-versions'
import type { Conference, User } from '../../lib/server/db/schema'
import { seedConference, seedInvitation, seedUser } from '../../lib/server/db/seed'
import { ApiErrorBody } from '../../lib/protocol/api-error'
import { emptyPlan } from '../../lib/plan/schema'

/**
 * The professional's way back (issue 11 part 5): an invitation by link linked to the account,
 * through POST /api/conferences/[id]/link-account as Next runs it (session, cookies and database
 * stubbed, tests/helpers/route-harness.ts), and the home page's list of an account's conferences.
 */

const harness = routeRequest()
const { origin } = harness

type Handler = (req: Request, ctx: unknown) => Promise<Response>
let link: Handler

let db: Db
let conference: Conference
let other: Conference
let facilitator: User
let jeroen: User
let tokens: { professional: string; network: string; otherProfessional: string }
let professionalId: string

beforeAll(async () => {
  link = (await import('../../app/api/conferences/[id]/link-account/route')).POST as Handler
}, 60_000)

beforeEach(async () => {
  db = harness.db
  facilitator = await seedUser(db, { email: 'fenna@example.org', name: 'Fenna' })
  jeroen = await seedUser(db, { email: 'jeroen@example.org', name: 'Jeroen Smit', role: 'professional' })
  ;({ conference } = await seedConference(db, { title: 'Familie Bakker', facilitator }))
  ;({ conference: other } = await seedConference(db, { title: 'Familie Smit', facilitator }))
  const professional = await seedInvitation(db, { conferenceId: conference.id, displayName: 'Jeroen (jeugdbescherming)', role: 'professional' })
  professionalId = professional.participant.id
  const network = await seedInvitation(db, { conferenceId: conference.id, displayName: 'Tante Amina', role: 'network' })
  const otherProfessional = await seedInvitation(db, { conferenceId: other.id, displayName: 'Jeroen', role: 'professional' })
  tokens = { professional: professional.token, network: network.token, otherProfessional: otherProfessional.token }
})

/** A request to link, as the browser would send it: `user` signed in, `cookie` as this conference's invitation cookie. */
async function post(options: { user: User | null; cookie?: string; body?: Record<string, string>; form?: boolean; crossSite?: boolean; conferenceId?: string }): Promise<Response> {
  const id = options.conferenceId ?? conference.id
  harness.as({ user: options.user, cookies: options.cookie ? { [invitationCookieName(id)]: options.cookie } : {} })
  const headers: Record<string, string> = { Origin: options.crossSite ? 'https://evil.example.com' : origin }
  let body: string
  if (options.form) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded'
    body = new URLSearchParams(options.body ?? {}).toString()
  } else {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.body ?? {})
  }
  return link(new Request(`${origin}/api/conferences/${id}/link-account`, { method: 'POST', headers, body }), { params: Promise.resolve({ id }) })
}

async function expectRefused(response: Response, status: number): Promise<void> {
  expect(response.status).toBe(status)
  expect(ApiErrorBody.safeParse(await response.json()).success).toBe(true)
  expect((await findParticipant(db, professionalId))!.user_id).toBeNull()
}

async function linkedAudit() {
  return db.selectFrom('audit_log').select(['actor', 'detail']).where('action', '=', 'participant.linked').execute()
}

describe('POST /api/conferences/[id]/link-account', () => {
  it("links the professional's invitation (from the cookie) to the signed-in account, audits it, and the account finds the conference without the link", async () => {
    const response = await post({ user: jeroen, cookie: tokens.professional })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ linked: true, conferenceId: conference.id })
    expect((await findParticipant(db, professionalId))!.user_id).toBe(jeroen.id)
    expect(await linkedAudit()).toEqual([{ actor: professionalId, detail: `participant=${professionalId} account=${jeroen.id}` }])

    // Next time: no cookie, only the account.
    const viewer = await findViewer(db, conference.id, { userId: jeroen.id })
    expect(viewer.ok && viewer.participant.id).toBe(professionalId)
    expect((await homeConferencesOf(db, jeroen.id)).map((c) => [c.title, c.relation])).toEqual([['Familie Bakker', 'invited']])
  })

  it('takes the invitation from the join page form too, and answers with a redirect home', async () => {
    const response = await post({ user: jeroen, form: true, body: { token: tokens.professional } })
    expect(response.status).toBe(303)
    expect(response.headers.get('Location')).toBe(`/?linked=${conference.id}`)
    expect((await findParticipant(db, professionalId))!.user_id).toBe(jeroen.id)
  })

  it('asks to sign in first (401) and refuses another site (403)', async () => {
    await expectRefused(await post({ user: null, cookie: tokens.professional }), 401)
    await expectRefused(await post({ user: jeroen, cookie: tokens.professional, crossSite: true }), 403)
    expect(await linkedAudit()).toEqual([])
  })

  it('refuses (403) a network invitation, another conference’s, none, a revoked one, one already linked, and an account that already takes part', async () => {
    await expectRefused(await post({ user: jeroen, cookie: tokens.network }), 403)
    await expectRefused(await post({ user: jeroen, cookie: tokens.otherProfessional }), 403)
    await expectRefused(await post({ user: jeroen }), 403)
    // The facilitator's account has its own row here.
    await expectRefused(await post({ user: facilitator, cookie: tokens.professional }), 403)

    expect((await post({ user: jeroen, cookie: tokens.professional })).status).toBe(200)
    const someoneElse = await seedUser(db, { email: 'anna@example.org', name: 'Anna', role: 'professional' })
    const again = await post({ user: someoneElse, cookie: tokens.professional })
    expect(again.status).toBe(403)
    expect((await findParticipant(db, professionalId))!.user_id).toBe(jeroen.id)

    await revokeParticipant(db, other.id, (await findViewer(db, other.id, { invitationToken: tokens.otherProfessional }).then((v) => (v.ok ? v.participant.id : ''))))
    const revoked = await post({ user: someoneElse, cookie: tokens.otherProfessional, conferenceId: other.id })
    expect(revoked.status).toBe(403)
    expect(await linkedAudit()).toHaveLength(1)
  })

  it('rejects a body with anything but a token', async () => {
    expect((await post({ user: jeroen, cookie: tokens.professional, body: { token: tokens.professional, role: 'facilitator' } })).status).toBe(400)
    expect((await post({ user: jeroen, cookie: tokens.professional, body: { token: 'not-a-token' } })).status).toBe(400)
  })
})

describe('who may link an invitation (proposed for the policy)', () => {
  it('is the professional and the facilitator, with a professional or facilitator account', () => {
    expect(mayLinkInvitation('professional', 'professional')).toBe(true)
    expect(mayLinkInvitation('facilitator', 'facilitator')).toBe(true)
    for (const role of ['family', 'child', 'network', 'observer'] as const) expect(mayLinkInvitation(role, 'professional'), role).toBe(false)
  })
})

describe('the home page list', () => {
  it('holds what the account created, takes part in and exported from, with phase and latest version', async () => {
    // Exported from with an invitation that has since been revoked: still on the list.
    const third = (await seedConference(db, { title: 'Familie El Amrani', facilitator })).conference
    const old = await seedInvitation(db, { conferenceId: third.id, displayName: 'Jeroen', role: 'professional' })
    await db.updateTable('participants').set({ user_id: jeroen.id }).where('id', '=', old.participant.id).execute()
    await recordAudit(db, { conferenceId: third.id, actor: old.participant.id, action: 'plan.exported', detail: 'format=pdf version=1 redacted=0' })
    await revokeParticipant(db, third.id, old.participant.id)
    for (let i = 0; i < 2; i++) {
      await insertPlanVersion(db, { conferenceId: third.id, plan: emptyPlan(), boardState: new Uint8Array(), boardSvg: '', agreedBy: [], frozenBy: old.participant.id })
    }

    expect(await homeConferencesOf(db, jeroen.id)).toEqual([expect.objectContaining({ id: third.id, relation: 'exported', latestVersion: 2, phase: 'voorbereiding' })])
    const fenna = await homeConferencesOf(db, facilitator.id)
    expect(fenna.map((c) => [c.title, c.relation, c.latestVersion])).toEqual(
      expect.arrayContaining([
        ['Familie Bakker', 'created', null],
        ['Familie Smit', 'created', null],
        ['Familie El Amrani', 'created', 2],
      ]),
    )
    expect(fenna[0]!.date).toEqual({ kind: 'created', at: expect.any(String) })
  })
})
