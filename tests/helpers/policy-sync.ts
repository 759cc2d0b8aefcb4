import * as authProtocol from 'y-protocols/auth'
import * as Y from 'yjs'
import { createTicket } from '../../lib/server/auth/tickets'
import { getLiveEvents } from '../../lib/server/conference/live-events'
import type { ConferencePhase, ParticipantRole } from '../../lib/conference/model'
import type { Db } from '../../lib/server/db/connect'
import { appendUpdate, loadBoard } from '../../lib/server/db/repositories/yjs-log'
import type { AdmissionState } from '../../lib/server/db/schema'
import { seedConference, seedInvitation, seedUser } from '../../lib/server/db/seed'
import { baseBoardUpdate } from './board-records'
import { connectBoard, type BoardClient } from './sync-clients'
import { TEST_SECRET } from './test-server'

/**
 * For the policy tests on the sync socket: a conference with one person in every role, a board
 * with a card and a bottom line, phase/role/admission changes made the way the meeting plane
 * makes them (stored, then announced as a live event), and a stock provider that records what
 * the server told it (permission-denied reasons, the terminal close).
 */

/** A tldraw shape record as the binding stores it in `records`. */
export function shapeRecord(id: string, type: string, props: Record<string, unknown>) {
  return { id, typeName: 'shape', type, x: 0, y: 0, rotation: 0, index: 'a1', parentId: 'page:page', isLocked: false, opacity: 1, meta: {}, props }
}

/** A bottom line; ticked by `tickedBy` with a reason (the server refuses a tick with neither an answer nor a reason). */
export function bottomLineRecord(id: string, text: string, tickedBy = '', tickReason = tickedBy ? 'De school heeft dit al geregeld' : '') {
  return shapeRecord(id, 'kring-bottom-line', {
    w: 320,
    h: 140,
    text,
    tickedBy,
    tickedByName: tickedBy ? 'Jeugdbeschermer Jan' : '',
    tickedAt: tickedBy ? '2025-03-01T10:00:00.000Z' : '',
    tickReason,
  })
}

export function cardRecord(id: string, text: string) {
  return shapeRecord(id, 'kring-card', { w: 240, h: 120, kind: 'worry', text, answers: [] })
}

export const SEEDED_CARD = 'shape:seeded-card'
export const SEEDED_LINE = 'shape:seeded-line'
export const SEEDED_LINE_TEXT = 'Sam gaat elke schooldag naar school'

export interface EveryRole {
  conferenceId: string
  participantIds: Record<ParticipantRole, string>
  /** A credential per role: the facilitator's app ticket, everyone else's invitation token. */
  tokens: Record<ParticipantRole, string>
}

/** A conference with one participant in every role and a stored board (a card and a bottom line). */
export async function seedEveryRole(db: Db): Promise<EveryRole> {
  const user = await seedUser(db, { email: `f-${Math.random()}@example.org`, name: 'Fenna Facilitator' })
  const { conference, facilitator } = await seedConference(db, { facilitator: user })
  const invite = (role: Exclude<ParticipantRole, 'facilitator'>, displayName: string) => seedInvitation(db, { conferenceId: conference.id, displayName, role })
  const [family, child, network, professional, observer] = await Promise.all([
    invite('family', 'Mama Sanne'),
    invite('child', 'Sam'),
    invite('network', 'Tante Amira'),
    invite('professional', 'Jeugdbeschermer Jan'),
    invite('observer', 'Stagiair Olga'),
  ])
  const board = new Y.Doc()
  Y.applyUpdate(board, baseBoardUpdate())
  board.transact(() => {
    board.getMap('records').set(SEEDED_CARD, cardRecord(SEEDED_CARD, 'Zorg over school'))
    board.getMap('records').set(SEEDED_LINE, bottomLineRecord(SEEDED_LINE, SEEDED_LINE_TEXT))
  })
  await appendUpdate(db, conference.id, Y.encodeStateAsUpdate(board))
  board.destroy()
  return {
    conferenceId: conference.id,
    participantIds: {
      facilitator: facilitator.id,
      family: family.participant.id,
      child: child.participant.id,
      network: network.participant.id,
      professional: professional.participant.id,
      observer: observer.participant.id,
    },
    tokens: {
      facilitator: createTicket(TEST_SECRET, facilitator.id, conference.id, 600),
      family: family.token,
      child: child.token,
      network: network.token,
      professional: professional.token,
      observer: observer.token,
    },
  }
}

/** The records of the board as stored (snapshot + log): what a reload would show. */
export async function storedRecords(db: Db, conferenceId: string): Promise<Record<string, unknown>> {
  const board = await loadBoard(db, conferenceId)
  const doc = new Y.Doc()
  for (const update of board.snapshot ? [board.snapshot, ...board.updates] : board.updates) Y.applyUpdate(doc, update)
  const records = doc.getMap('records').toJSON() as Record<string, unknown>
  doc.destroy()
  return records
}

/** Change the phase as the meeting plane does: store it, then announce it. */
export async function setPhase(db: Db, conferenceId: string, phase: ConferencePhase, announce = true): Promise<void> {
  await db.updateTable('conferences').set({ phase, phase_changed_at: new Date().toISOString() }).where('id', '=', conferenceId).execute()
  if (announce) getLiveEvents().emit('conference.phase-changed', { conferenceId, phase })
}

export async function setFacilitatorStays(db: Db, conferenceId: string, stays: boolean, announce = true): Promise<void> {
  await db.updateTable('conferences').set({ facilitator_stays_private: stays ? 1 : 0 }).where('id', '=', conferenceId).execute()
  if (announce) getLiveEvents().emit('conference.settings-changed', { conferenceId })
}

/** Change a participant's role, admission or removal: store it, then announce it. */
export async function setParticipantAccess(
  db: Db,
  conferenceId: string,
  participantId: string,
  change: { role?: ParticipantRole; requires_admission?: number; admission?: AdmissionState | null; removed_at?: string | null },
): Promise<void> {
  await db.updateTable('participants').set(change).where('id', '=', participantId).execute()
  getLiveEvents().emit('participant.access-changed', { conferenceId, participantId })
}

/** A stock y-websocket provider that also records the server's permission-denied reasons and its terminal close. */
export interface PolicyBoardClient extends BoardClient {
  /** Reasons of the permission-denied messages received (refused writes), in order. */
  denials: string[]
  /** The 44xx close the provider stopped on (y-websocket's `closed` event), if any. */
  closed: () => { code: number; reason: string } | null
}

export function connectPolicyBoard(syncUrl: string, conferenceId: string, token: string): PolicyBoardClient {
  const client = connectBoard(syncUrl, conferenceId, token)
  const denials: string[] = []
  let closed: { code: number; reason: string } | null = null
  // The stock handler only logs; this one records, reading the message the same way.
  client.provider.messageHandlers[2] = (_encoder, decoder) => {
    authProtocol.readAuthMessage(decoder, client.doc, (_doc, reason) => denials.push(reason))
  }
  client.provider.on('closed', (event) => {
    closed = event
  })
  return { ...client, denials, closed: () => closed }
}
