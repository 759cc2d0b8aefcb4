import { startConference } from '../../lib/server/conference/start-conference'
import { inviteToConference } from '../../lib/server/conference/invitations'
import type { ConferencePhase } from '../../lib/conference/model'
import type { Db } from '../../lib/server/db/connect'
import { decideAdmission, markRemoved, markWaiting, revokeParticipant } from '../../lib/server/db/repositories/participants'
import { insertPlanVersion } from '../../lib/server/db/repositories/plan-versions'
import { createUser } from '../../lib/server/db/repositories/users'
import type { Conference, User } from '../../lib/server/db/schema'
import { emptyPlan } from '../../lib/plan/schema'

/**
 * One conference with a frozen version and a person in every access state, for the tests of the
 * gate on routes and pages (route-gate.test.ts, page-gate.test.ts). Each invited person is known
 * by the token of their invitation cookie.
 */

export const TITLE = 'Familie Noordhoek-Bakker'
/** A line of the frozen plan: no refused answer may contain it. */
export const PLAN_LINE = 'Hoe blijft Sem veilig bij zijn moeder?'

export const invitees = [
  /** A professional let in straight away. */
  'professional',
  /** A family member let in straight away. */
  'family',
  /** A professional whose invitation needs admission and who never was let in (finding 1). */
  'professionalNeverAdmitted',
  /** A family member waiting in the lobby (finding 2). */
  'familyInLobby',
  /** A family member declined at the lobby (finding 2). */
  'familyDeclined',
  /** A professional removed from the meeting with the invitation kept (finding 3). */
  'professionalRemovedKept',
  /** A professional whose invitation was revoked. */
  'professionalRevoked',
] as const
export type Invitee = (typeof invitees)[number]

export interface GateWorld {
  conference: Conference
  facilitator: User
  /** Another facilitator, signed in, with no part in this conference. */
  stranger: User
  tokens: Record<Invitee, string>
  /** An invitation to another conference (set under this conference's cookie name it must open nothing). */
  foreignToken: string
}

export async function buildGateWorld(db: Db): Promise<GateWorld> {
  const facilitator = await createUser(db, { email: 'fenna@example.org', name: 'Fenna', role: 'facilitator', passwordHash: null })
  const stranger = await createUser(db, { email: 'otto@example.org', name: 'Otto', role: 'facilitator', passwordHash: null })
  const conference = await startConference(db, { title: TITLE, kind: 'familiegroepsplan', user: facilitator })
  const invite = async (displayName: string, role: 'professional' | 'family', requiresAdmission: boolean) =>
    inviteToConference(db, { conferenceId: conference.id, displayName, role, requiresAdmission, actor: facilitator.id, publicUrl: 'https://kring.example.org' })

  const professional = await invite('Jeugdbeschermer Joost', 'professional', false)
  const family = await invite('Mama Sanne', 'family', false)
  const professionalNeverAdmitted = await invite('Wijkteam Wendy', 'professional', true)
  const familyInLobby = await invite('Oom Karim', 'family', true)
  await markWaiting(db, conference.id, familyInLobby.participant.id)
  const familyDeclined = await invite('Buurman Bas', 'family', true)
  await markWaiting(db, conference.id, familyDeclined.participant.id)
  await decideAdmission(db, conference.id, familyDeclined.participant.id, 'declined')
  const professionalRemovedKept = await invite('Gedragsdeskundige Gijs', 'professional', false)
  await markRemoved(db, conference.id, professionalRemovedKept.participant.id)
  const professionalRevoked = await invite('Voogd Vera', 'professional', false)
  await revokeParticipant(db, conference.id, professionalRevoked.participant.id)

  const facilitatorRow = await db.selectFrom('participants').select('id').where('conference_id', '=', conference.id).where('role', '=', 'facilitator').executeTakeFirstOrThrow()
  await insertPlanVersion(db, {
    conferenceId: conference.id,
    plan: { ...emptyPlan(), centralQuestion: [{ id: 'shape:question', text: PLAN_LINE }] },
    boardState: new Uint8Array(),
    boardSvg: '<svg xmlns="http://www.w3.org/2000/svg"/>',
    agreedBy: [{ participantId: family.participant.id, name: 'Mama Sanne', role: 'family', at: '2026-03-03T13:01:00.000Z', recordedBy: null }],
    frozenBy: facilitatorRow.id,
  })

  const elsewhere = await startConference(db, { title: 'Andere familie', kind: 'evaluatie', user: stranger })
  const foreign = await inviteToConference(db, { conferenceId: elsewhere.id, displayName: 'Iemand', role: 'professional', actor: stranger.id, publicUrl: 'https://kring.example.org' })

  return {
    conference,
    facilitator,
    stranger,
    tokens: {
      professional: professional.token,
      family: family.token,
      professionalNeverAdmitted: professionalNeverAdmitted.token,
      familyInLobby: familyInLobby.token,
      familyDeclined: familyDeclined.token,
      professionalRemovedKept: professionalRemovedKept.token,
      professionalRevoked: professionalRevoked.token,
    },
    foreignToken: foreign.token,
  }
}

export async function setPhase(db: Db, conferenceId: string, phase: ConferencePhase): Promise<void> {
  await db.updateTable('conferences').set({ phase }).where('id', '=', conferenceId).execute()
}

/** Who is asking: signed in as an account, holding an invitation cookie, or neither. */
export type Asker = 'facilitator' | 'stranger' | Invitee | 'foreign-invitation' | 'nobody'

/** The signed-in user and the cookies of one asker's request. */
export function credentialsOf(world: GateWorld, asker: Asker, cookieName: string): { user: User | null; cookies: Record<string, string> } {
  switch (asker) {
    case 'facilitator':
      return { user: world.facilitator, cookies: {} }
    case 'stranger':
      return { user: world.stranger, cookies: {} }
    case 'nobody':
      return { user: null, cookies: {} }
    case 'foreign-invitation':
      return { user: null, cookies: { [cookieName]: world.foreignToken } }
    default:
      return { user: null, cookies: { [cookieName]: world.tokens[asker] } }
  }
}
