import * as Y from 'yjs'
import { baseBoardUpdate } from '../helpers/board-records'
import { createTicket } from '../../lib/server/auth/tickets'
import { invitableRoles, type ConferencePhase, type InvitableRole, type ParticipantRole } from '../../lib/conference/model'
import type { PolicyContext } from '../../lib/conference/policy'
import type { Db } from '../../lib/server/db/connect'
import { appendUpdate } from '../../lib/server/db/repositories/yjs-log'
import type { Participant } from '../../lib/server/db/schema'
import { seedConference, seedInvitation, seedUser } from '../../lib/server/db/seed'
import { bottomLineRecord, cardRecord, SEEDED_CARD, SEEDED_LINE, SEEDED_LINE_TEXT, shapeRecord } from '../helpers/policy-sync'
import { TEST_SECRET } from '../helpers/test-server'
import { itemDefaults } from '../../lib/board/items'

const sweepAgreementProps = { ...itemDefaults['kring-agreement'], what: 'Oma brengt Sam naar school' }

/**
 * One conference of the sweep (policy-sweep.test.ts), set up in the database before anyone
 * connects: its phase and setting, one person in every role who is let in, one person in every
 * invitable role in each state of not being let in, people to act on (a lobby to admit from,
 * someone to remove, someone whose role changes), and a board with a card, a bottom line and,
 * for every role, a scale mark of someone else to remove.
 */

export interface Scenario {
  phase: ConferencePhase
  context: PolicyContext
}

/** Where someone stands who has not been let in (the facilitator's own row never does). */
export const shutOutStates = ['lobby', 'declined', 'removed'] as const
export type ShutOutState = (typeof shutOutStates)[number]

export interface SweepConference {
  conferenceId: string
  /** The person let in, per role, with a credential: the facilitator's app ticket, everyone else's invitation token. */
  admitted: Record<ParticipantRole, { id: string; token: string }>
  /** A second family member who watches: on the board in every phase, never an actor of the table. */
  watcher: { id: string; token: string }
  /** Per state, per invitable role: someone in that state from the start (handshake and sync refusals). */
  shutOut: Record<ShutOutState, Record<InvitableRole, { id: string; token: string }>>
  /** Per state, per invitable role: someone let in, to be put in that state while connected, without telling the server. */
  later: Record<ShutOutState, Record<InvitableRole, { id: string; token: string }>>
  /** Waiting in the lobby (lobby:admit, lobby:decline), removed (participant:remove), given another role (participant:set-role). */
  targets: { lobby: string; remove: string; role: string }
}

/** The participant columns of each state, as the meeting plane stores them. */
export const stateColumns: Record<ShutOutState, Pick<Participant, 'requires_admission' | 'admission' | 'removed_at'>> = {
  lobby: { requires_admission: 1, admission: null, removed_at: null },
  declined: { requires_admission: 1, admission: 'declined', removed_at: null },
  // Removed with the invitation kept: out; knocking again means the lobby.
  removed: { requires_admission: 1, admission: null, removed_at: '2026-03-03T10:00:00.000Z' },
}

/** The mark on the scale that `role` tries to remove: someone else's (the watcher's). */
export const markKey = (role: ParticipantRole) => `shape:mark-for-${role}`

const displayNames: Record<InvitableRole, string> = {
  family: 'Mama Sanne',
  child: 'Sam',
  network: 'Tante Amira',
  professional: 'Jeugdbeschermer Jan',
  observer: 'Stagiair Olga',
}

export async function seedSweepConference(db: Db, { phase, context }: Scenario): Promise<SweepConference> {
  const user = await seedUser(db, { email: `f-${Math.random()}@example.org`, name: 'Fenna Facilitator' })
  const { conference, facilitator } = await seedConference(db, { facilitator: user })
  const conferenceId = conference.id
  const invite = async (role: InvitableRole, displayName: string, columns?: Partial<Participant>) => {
    const { participant, token } = await seedInvitation(db, { conferenceId, displayName, role })
    if (columns) await db.updateTable('participants').set(columns).where('id', '=', participant.id).execute()
    return { id: participant.id, token }
  }
  const perRole = async (columns?: Partial<Participant>) =>
    Object.fromEntries(await Promise.all(invitableRoles.map(async (role) => [role, await invite(role, displayNames[role], columns)] as const))) as Record<
      InvitableRole,
      { id: string; token: string }
    >

  const invited = await perRole()
  const watcher = await invite('family', 'Oma Ria')
  const shutOut = {} as SweepConference['shutOut']
  const later = {} as SweepConference['later']
  for (const state of shutOutStates) {
    shutOut[state] = await perRole(stateColumns[state])
    later[state] = await perRole()
  }
  const targets = {
    lobby: (await invite('network', 'Buurvrouw Els', { requires_admission: 1, admission: 'waiting' })).id,
    remove: (await invite('network', 'Buurman Piet')).id,
    role: (await invite('network', 'Neef Karim')).id,
  }

  const board = new Y.Doc()
  Y.applyUpdate(board, baseBoardUpdate())
  board.transact(() => {
    const records = board.getMap('records')
    records.set(SEEDED_CARD, cardRecord(SEEDED_CARD, 'Zorg over school'))
    records.set(SEEDED_LINE, bottomLineRecord(SEEDED_LINE, SEEDED_LINE_TEXT))
    // Enough of a plan to be proposed (a central question and an agreement); its open warnings are confirmed when proposing.
    records.set('shape:sweep-question', shapeRecord('shape:sweep-question', 'kring-card', { w: 240, h: 120, kind: 'central-question', text: 'Hoe gaat Sam veilig naar school?', answers: [] }))
    records.set('shape:sweep-agreement', shapeRecord('shape:sweep-agreement', 'kring-agreement', sweepAgreementProps))
    for (const role of ['facilitator', ...invitableRoles] as const) {
      records.set(markKey(role), shapeRecord(markKey(role), 'kring-scale-mark', { w: 40, h: 56, participantId: watcher.id, name: 'Oma Ria', value: 6 }))
    }
  })
  await appendUpdate(db, conferenceId, Y.encodeStateAsUpdate(board))
  board.destroy()

  await db
    .updateTable('conferences')
    .set({ phase, facilitator_stays_private: context.facilitatorStaysInPrivateTime ? 1 : 0 })
    .where('id', '=', conferenceId)
    .execute()

  return {
    conferenceId,
    admitted: { facilitator: { id: facilitator.id, token: createTicket(TEST_SECRET, facilitator.id, conferenceId, 600) }, ...invited },
    watcher,
    shutOut,
    later,
    targets,
  }
}
