import type { ConferencePhase, InvitableRole } from '../../../lib/conference/model'
import type { Db } from '../../../lib/server/db/connect'
import { findUserByEmail } from '../../../lib/server/db/repositories/users'
import { decideAdmission, inviteParticipant, markRemoved, markWaiting, revokeParticipant } from '../../../lib/server/db/repositories/participants'
import { insertPlanVersion } from '../../../lib/server/db/repositories/plan-versions'
import { seedConference } from '../../../lib/server/db/seed'
import { emptyPlan } from '../../../lib/plan/schema'
import { seedBaseBoard } from '../../helpers/board-records'
import { createFacilitator } from './seed'

/**
 * One conference in the e2e server's database with a frozen version and a person in every access
 * state, seeded the way the app stores them (lib/server/db/seed.ts and the repositories), for sweeps that
 * ask every route and page as each person. Titles and accounts are unique per run.
 */

/** Someone invited by link, and where they stand once the world is built. */
export const invitees = {
  professional: { role: 'professional', admission: false, then: 'in' },
  family: { role: 'family', admission: false, then: 'in' },
  professionalNeverAdmitted: { role: 'professional', admission: true, then: 'never-knocked' },
  familyInLobby: { role: 'family', admission: true, then: 'waiting' },
  familyDeclined: { role: 'family', admission: true, then: 'declined' },
  professionalRemovedKept: { role: 'professional', admission: false, then: 'removed-kept' },
  professionalRevoked: { role: 'professional', admission: false, then: 'revoked' },
} as const satisfies Record<string, { role: InvitableRole; admission: boolean; then: string }>
export type Invitee = keyof typeof invitees

export interface Account {
  email: string
  password: string
}

export interface GateWorld {
  conferenceId: string
  title: string
  /** A line of the frozen plan: no refused answer may contain it. */
  planLine: string
  facilitator: Account
  /** A facilitator with no part in this conference. */
  stranger: Account
  tokens: Record<Invitee, string>
  /** Display names, unique per run (none is part of another). */
  names: Record<Invitee, string>
  /** An invitation to another conference. */
  foreignToken: string
  participantIds: Record<Invitee, string>
}

/** Build the world; people are invited, not yet in their final state (see `settleAccessStates`). */
export async function seedGateWorld(db: Db): Promise<GateWorld> {
  const run = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`
  const title = `Familie Sweep ${run}`
  const planLine = `Hoe blijft Sem veilig ${run}?`
  const facilitator = await createFacilitator(db)
  const stranger = await createFacilitator(db, 'Otto Buitenstaander')
  const fennaUser = await findUserByEmail(db, facilitator.email)
  const ottoUser = await findUserByEmail(db, stranger.email)
  if (!fennaUser || !ottoUser) throw new Error('seeded accounts not found')

  const { conference, facilitator: facilitatorRow } = await seedConference(db, { title, facilitator: { id: fennaUser.id, name: fennaUser.name } })
  // Every real conference starts with a board (its template); a board with no records at all reads as one that could not be loaded.
  await seedBaseBoard(db, conference.id)
  const tokens = {} as Record<Invitee, string>
  const participantIds = {} as Record<Invitee, string>
  const names = {} as Record<Invitee, string>
  for (const [name, spec] of Object.entries(invitees) as [Invitee, (typeof invitees)[Invitee]][]) {
    names[name] = `${name} ${run}`
    const { participant, token } = await inviteParticipant(db, { conferenceId: conference.id, displayName: names[name], role: spec.role, requiresAdmission: spec.admission })
    tokens[name] = token
    participantIds[name] = participant.id
  }
  await insertPlanVersion(db, {
    conferenceId: conference.id,
    plan: { ...emptyPlan(), centralQuestion: [{ id: 'shape:question', text: planLine }] },
    boardState: new Uint8Array(),
    boardSvg: '<svg xmlns="http://www.w3.org/2000/svg"/>',
    agreedBy: [{ participantId: participantIds.family, name: names.family, role: 'family', at: new Date().toISOString(), recordedBy: null }],
    frozenBy: facilitatorRow.id,
  })

  const elsewhere = await seedConference(db, { title: `Andere familie ${run}`, facilitator: { id: ottoUser.id, name: ottoUser.name } })
  const foreign = await inviteParticipant(db, { conferenceId: elsewhere.conference.id, displayName: 'Iemand', role: 'professional' })
  return { conferenceId: conference.id, title, planLine, facilitator, stranger, tokens, names, foreignToken: foreign.token, participantIds }
}

/** Put everyone where `invitees` says: after they joined (their cookie was set while the link still worked). */
export async function settleAccessStates(db: Db, world: GateWorld): Promise<void> {
  const { conferenceId, participantIds: ids } = world
  await markWaiting(db, conferenceId, ids.familyInLobby)
  await markWaiting(db, conferenceId, ids.familyDeclined)
  await decideAdmission(db, conferenceId, ids.familyDeclined, 'declined')
  await markRemoved(db, conferenceId, ids.professionalRemovedKept)
  await revokeParticipant(db, conferenceId, ids.professionalRevoked)
}

export async function setPhase(db: Db, conferenceId: string, phase: ConferencePhase): Promise<void> {
  await db.updateTable('conferences').set({ phase }).where('id', '=', conferenceId).execute()
}
