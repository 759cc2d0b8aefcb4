import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test'
import type { ConferencePhase } from '../../lib/conference/model'
import type { Db } from '../../lib/server/db/connect'
import { inviteParticipant } from '../../lib/server/db/repositories/participants'
import { anonymousClient, clientWithInvitationCookie, joinedClient, sameOrigin, signedInClient } from './support/api-session'
import { invitees, seedGateWorld, setPhase, settleAccessStates, type GateWorld, type Invitee } from './support/gate-world'
import { openE2eDatabase } from './support/seed'

/**
 * Every route and page of a conference, asked by every kind of person against the real built
 * server (no browser: Playwright's HTTP client with real sign-in and real invitation cookies).
 * One gate decides (lib/conference/gate.ts); this sweep checks what each person actually gets,
 * and that a refused answer carries nothing of the conference: no title, no plan, no names.
 */

/** Who asks: an account, an invitation holder, a foreign invitation, or nobody. */
type Asker = 'facilitator' | 'stranger' | Invitee | 'foreign-invitation' | 'nobody'

/** Role and access state of each asker, for the table's readability. */
const askers: Record<Asker, { role: string; access: string }> = {
  facilitator: { role: 'facilitator', access: 'in' },
  stranger: { role: 'facilitator of another conference', access: 'no participant row' },
  professional: { role: 'professional', access: 'in' },
  family: { role: 'family', access: 'in' },
  professionalNeverAdmitted: { role: 'professional', access: 'lobby (never admitted)' },
  familyInLobby: { role: 'family', access: 'lobby (waiting)' },
  familyDeclined: { role: 'family', access: 'declined' },
  professionalRemovedKept: { role: 'professional', access: 'removed, invitation kept' },
  professionalRevoked: { role: 'professional', access: 'revoked' },
  'foreign-invitation': { role: 'professional of another conference', access: 'foreign invitation' },
  nobody: { role: '-', access: 'no credential' },
}

type Surface = 'conference page' | 'board page' | 'plan page' | 'versions' | 'export json' | 'export pdf' | 'ticket' | 'invite'

/**
 * What the answer holds:
 * - `conference`: a page with the conference's title;
 * - `lobby`: the lobby screen, nothing of the conference;
 * - `notice`: a neutral notice, nothing of the conference;
 * - `sign-in`: a redirect to the sign-in page (307, or in the stream of a page that streams);
 * - `refused`: an error body, nothing of the conference;
 * - `versions`, `plan`, `pdf`, `ticket`, `invited`: what the route is for.
 */
type Sees = 'conference' | 'lobby' | 'notice' | 'sign-in' | 'refused' | 'versions' | 'plan' | 'pdf' | 'ticket' | 'invited'

type Row = [Asker, ConferencePhase, Surface, number, Sees]

// [who, phase, surface, status, what they see]. Findings of issue 8 first.
const table: Row[] = [
  // 1. A professional never admitted from the lobby.
  ['professionalNeverAdmitted', 'plan_en_afspraken', 'conference page', 200, 'notice'],
  ['professionalNeverAdmitted', 'plan_en_afspraken', 'versions', 403, 'refused'],
  ['professionalNeverAdmitted', 'plan_en_afspraken', 'export json', 403, 'refused'],
  ['professionalNeverAdmitted', 'plan_en_afspraken', 'export pdf', 403, 'refused'],
  // 2. In the lobby, or declined: no versions, no title on the board or plan page; a ticket only to knock.
  ['familyInLobby', 'plan_en_afspraken', 'versions', 403, 'refused'],
  ['familyDeclined', 'plan_en_afspraken', 'versions', 403, 'refused'],
  ['familyInLobby', 'informatie', 'board page', 200, 'lobby'],
  ['familyDeclined', 'informatie', 'board page', 200, 'notice'],
  ['familyInLobby', 'informatie', 'plan page', 200, 'lobby'],
  ['familyDeclined', 'informatie', 'plan page', 200, 'notice'],
  ['familyInLobby', 'informatie', 'ticket', 200, 'ticket'],
  ['familyDeclined', 'informatie', 'ticket', 403, 'refused'],
  // 3. Removed with the invitation kept.
  ['professionalRemovedKept', 'plan_en_afspraken', 'export json', 403, 'refused'],
  ['professionalRemovedKept', 'plan_en_afspraken', 'versions', 403, 'refused'],
  ['professionalRemovedKept', 'plan_en_afspraken', 'conference page', 200, 'notice'],
  ['professionalRemovedKept', 'informatie', 'board page', 200, 'lobby'],
  // 4. A professional in the waiting room during private family time.
  ['professional', 'besloten_deel', 'export json', 403, 'refused'],
  ['professional', 'besloten_deel', 'export pdf', 403, 'refused'],
  ['professional', 'besloten_deel', 'versions', 403, 'refused'],
  ['professional', 'besloten_deel', 'conference page', 200, 'conference'],
  ['professional', 'besloten_deel', 'board page', 200, 'conference'],
  ['professional', 'besloten_deel', 'ticket', 200, 'ticket'],
  // Those who may.
  ['facilitator', 'plan_en_afspraken', 'conference page', 200, 'conference'],
  ['facilitator', 'plan_en_afspraken', 'versions', 200, 'versions'],
  ['facilitator', 'plan_en_afspraken', 'export json', 200, 'plan'],
  ['facilitator', 'informatie', 'invite', 201, 'invited'],
  ['professional', 'plan_en_afspraken', 'conference page', 200, 'conference'],
  ['professional', 'plan_en_afspraken', 'export pdf', 200, 'pdf'],
  ['professional', 'afgesloten', 'export json', 200, 'plan'],
  ['family', 'plan_en_afspraken', 'versions', 200, 'versions'],
  ['family', 'plan_en_afspraken', 'export json', 403, 'refused'],
  ['family', 'informatie', 'board page', 200, 'conference'],
  ['family', 'informatie', 'plan page', 200, 'conference'],
  ['professional', 'informatie', 'invite', 403, 'refused'],
  // Credentials that open nothing here, and none at all.
  ['professionalRevoked', 'plan_en_afspraken', 'export json', 403, 'refused'],
  ['professionalRevoked', 'informatie', 'board page', 200, 'notice'],
  ['professionalRevoked', 'informatie', 'ticket', 403, 'refused'],
  ['stranger', 'plan_en_afspraken', 'conference page', 200, 'notice'],
  ['stranger', 'plan_en_afspraken', 'versions', 403, 'refused'],
  ['stranger', 'informatie', 'invite', 403, 'refused'],
  ['foreign-invitation', 'informatie', 'board page', 200, 'notice'],
  ['foreign-invitation', 'informatie', 'ticket', 403, 'refused'],
  ['nobody', 'plan_en_afspraken', 'conference page', 307, 'sign-in'],
  // The board and plan pages stream (they have a loading screen): the headers are sent before the
  // page decides, so the redirect to sign in comes in the stream (200 with a refresh to /login).
  ['nobody', 'informatie', 'board page', 200, 'sign-in'],
  ['nobody', 'informatie', 'plan page', 200, 'sign-in'],
  ['nobody', 'plan_en_afspraken', 'versions', 401, 'refused'],
  ['nobody', 'plan_en_afspraken', 'export json', 401, 'refused'],
  ['nobody', 'informatie', 'ticket', 401, 'refused'],
]

let db: Db
let world: GateWorld
const clients = new Map<Asker, APIRequestContext>()

test.beforeAll(async () => {
  db = await openE2eDatabase()
  world = await seedGateWorld(db)
  clients.set('facilitator', await signedInClient(world.facilitator))
  clients.set('stranger', await signedInClient(world.stranger))
  // Everyone invited opened their link and tapped the button while it still worked; then the
  // facilitator decided (lobby, declined, removed, revoked).
  for (const name of Object.keys(invitees) as Invitee[]) clients.set(name, await joinedClient(world.tokens[name], world.conferenceId))
  clients.set('foreign-invitation', await clientWithInvitationCookie(world.conferenceId, world.foreignToken))
  clients.set('nobody', await anonymousClient())
  await settleAccessStates(db, world)
})

test.afterAll(async () => {
  for (const client of clients.values()) await client.dispose()
  await db?.destroy()
})

function ask(client: APIRequestContext, surface: Surface): Promise<APIResponse> {
  const id = world.conferenceId
  const api = `/api/conferences/${id}`
  switch (surface) {
    case 'conference page':
      return client.get(`/conferences/${id}`, { maxRedirects: 0 })
    case 'board page':
      return client.get(`/board/${id}`, { maxRedirects: 0 })
    case 'plan page':
      return client.get(`/board/${id}/plan`, { maxRedirects: 0 })
    case 'versions':
      return client.get(`${api}/versions`)
    case 'export json':
      return client.get(`${api}/versions/1/export?format=json`)
    case 'export pdf':
      return client.get(`${api}/versions/1/export?format=pdf`)
    case 'ticket':
      return client.post(`${api}/ticket`, { headers: sameOrigin })
    case 'invite':
      return client.post(`${api}/invitations`, { headers: sameOrigin, data: { displayName: 'Tante Amira', role: 'network' } })
  }
}

/** Nothing of the conference: not its title, not the plan, not the name of anyone else in it. */
function expectNothingOfTheConference(body: string, asker: Asker): void {
  expect(body).not.toContain(world.title)
  expect(body).not.toContain(world.planLine)
  for (const name of Object.keys(invitees) as Invitee[]) if (name !== asker) expect(body).not.toContain(world.names[name])
}

for (const [asker, phase, surface, status, sees] of table) {
  const { role, access } = askers[asker]
  test(`${role} (${access}) in ${phase}: ${surface} → ${status} ${sees}`, async () => {
    await setPhase(db, world.conferenceId, phase)
    const response = await ask(clients.get(asker)!, surface)
    expect(response.status()).toBe(status)
    const body = sees === 'pdf' ? '' : await response.text()
    switch (sees) {
      case 'conference':
        expect(body).toContain(world.title)
        break
      case 'lobby':
        expect(body).toContain('data-testid="lobby-screen"')
        expectNothingOfTheConference(body, asker)
        break
      case 'notice':
        expect(body).toContain('data-testid="no-access"')
        expectNothingOfTheConference(body, asker)
        break
      case 'sign-in':
        if (status === 307) expect(response.headers().location).toMatch(/^\/login\?callbackUrl=/)
        else expect(body).toMatch(/<meta id="__next-page-redirect" http-equiv="refresh" content="\d;url=\/login\?callbackUrl=/)
        expectNothingOfTheConference(body, asker)
        break
      case 'refused':
        expect(JSON.parse(body)).toMatchObject({ error: { code: status === 401 ? 'unauthenticated' : 'forbidden' } })
        expectNothingOfTheConference(body, asker)
        break
      case 'versions':
        expect(JSON.parse(body)).toMatchObject({ versions: [{ version: 1, agreedBy: [{ name: world.names.family }] }] })
        expect(body).not.toContain(world.planLine)
        break
      case 'plan':
        expect(body).toContain(world.planLine)
        break
      case 'pdf':
        expect(Buffer.from(await response.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-')
        break
      case 'ticket':
        expect(JSON.parse(body)).toMatchObject({ ticket: expect.any(String), expiresAt: expect.any(String) })
        break
      case 'invited':
        expect(JSON.parse(body)).toMatchObject({ participant: { displayName: 'Tante Amira', role: 'network' } })
        break
    }
  })
}

// The one browser story here: the lobby page knocks without showing anything of the conference,
// and once the facilitator lets the person in, the same page becomes the board, title and all.
test('someone let in from the lobby: no title while waiting, the board once admitted', async ({ browser }) => {
  await setPhase(db, world.conferenceId, 'informatie')
  const name = `Tante Amira ${Date.now()}`
  const { participant, token } = await inviteParticipant(db, { conferenceId: world.conferenceId, displayName: name, role: 'network', requiresAdmission: true })

  const guest = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const guestPage = await guest.newPage()
  await guestPage.goto(`/join/${token}`)
  await expect(guestPage.getByText(name)).toBeVisible()
  await expect(guestPage.getByText(world.title)).toHaveCount(0)
  await guestPage.getByTestId('join-button').click()
  await expect(guestPage).toHaveURL(new RegExp(`/board/${world.conferenceId}$`))
  await expect(guestPage.getByTestId('lobby-screen')).toBeVisible()
  expect(await guestPage.content()).not.toContain(world.title)

  // The facilitator, signed in (the session of the API client), lets them in from the roster.
  const desk = await browser.newContext({ viewport: { width: 1440, height: 900 }, storageState: await clients.get('facilitator')!.storageState() })
  const deskPage = await desk.newPage()
  await deskPage.goto(`/board/${world.conferenceId}`)
  const entry = deskPage.locator(`[data-testid="lobby-entry"][data-participant="${participant.id}"]`)
  await entry.getByTestId('lobby-admit').click()

  await expect(guestPage.getByTestId('lobby-screen')).toHaveCount(0)
  await expect(guestPage.getByText(world.title)).toBeVisible()
  await expect(guestPage.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
  await guest.close()
  await desk.close()
})
