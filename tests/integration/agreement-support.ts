import * as Y from 'yjs'
import { createTicket } from '../../lib/server/auth/tickets'
import { itemDefaults, type ItemProps, type ItemType } from '../../lib/board/items'
import { bindAgreement, type AgreementClient } from '../../lib/conference/agreement-client'
import { appendUpdate } from '../../lib/server/db/repositories/yjs-log'
import type { MeetingError, PlanFrozenMessage, PlanWithdrawnMessage, ProposalMessage } from '../../lib/protocol/meeting'
import { recordsMapOf } from '../../lib/sync/document-format'
import { TEST_SECRET, waitFor, type TestServer } from '../helpers/test-server'
import { rawSocket } from './meeting-support'

/**
 * For the agreement tests: a person at the table (a real socket.io client with the agreement
 * client on it) that records everything it hears, and board records written as the README's
 * document format says.
 */

export interface Seat {
  agreement: AgreementClient
  proposals: ProposalMessage[]
  frozen: PlanFrozenMessage[]
  withdrawn: PlanWithdrawnMessage[]
  errors: MeetingError[]
  /** The open proposal as this person last heard it (undefined: nothing heard yet). */
  proposal(): ProposalMessage['proposal'] | undefined
  close(): void
}

export async function takeSeat(ts: TestServer, conferenceId: string, token: string): Promise<Seat> {
  const socket = rawSocket(ts, { token, conferenceId, device: 'desktop' })
  const agreement = bindAgreement(socket)
  const seat: Seat = {
    agreement,
    proposals: [],
    frozen: [],
    withdrawn: [],
    errors: [],
    proposal: () => seat.proposals.at(-1)?.proposal,
    close() {
      agreement.dispose()
      socket.disconnect()
    },
  }
  agreement.onProposal((m) => seat.proposals.push(m))
  agreement.onFrozen((m) => seat.frozen.push(m))
  agreement.onWithdrawn((m) => seat.withdrawn.push(m))
  socket.on('error', (e: MeetingError) => seat.errors.push(e))
  // Connected, and told whether a proposal is open (every joiner is).
  await waitFor(() => socket.connected && seat.proposals.length > 0, { message: 'seat connected with the proposal state' })
  return seat
}

/** The facilitator's socket credential: a ticket, as the app hands out. */
export function facilitatorTicket(participantId: string, conferenceId: string): string {
  return createTicket(TEST_SECRET, participantId, conferenceId, 600)
}

export const PAGE_ID = 'page:kring'

export function pageRecord(): Record<string, unknown> {
  return { id: PAGE_ID, typeName: 'page', name: 'Bord', index: 'a1', meta: {} }
}

/** A Kring item record on the page: the type's defaults with `props` on top. */
export function itemRecord<K extends ItemType>(type: K, id: string, props: Partial<ItemProps<K>>, y = 0): Record<string, unknown> {
  return {
    id,
    typeName: 'shape',
    type,
    parentId: PAGE_ID,
    index: 'a1',
    x: 0,
    y,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta: {},
    props: { ...itemDefaults[type], ...props },
  }
}

/** Store records on a board that is not loaded (as if edited earlier). */
export async function storeRecords(ts: TestServer, conferenceId: string, records: Record<string, unknown>[]): Promise<void> {
  const doc = new Y.Doc()
  const map = recordsMapOf(doc)
  doc.transact(() => {
    for (const record of records) map.set(String(record.id), record)
  })
  await appendUpdate(ts.db, conferenceId, Y.encodeStateAsUpdate(doc))
  doc.destroy()
}

/**
 * A small plan that can be proposed with nothing to confirm: the central question, one network
 * member and one agreement she owns, with a backup.
 */
export function smallPlanRecords(what: string): Record<string, unknown>[] {
  return [
    pageRecord(),
    itemRecord('kring-card', 'shape:question', { kind: 'central-question', text: 'Hoe komt Noor veilig thuis van school?' }, -200),
    itemRecord('kring-person', 'shape:amira', { name: 'Amira El Amrani', relation: 'tante', ring: 'inner', group: 'network' }),
    itemRecord('kring-person', 'shape:karim', { name: 'Karim', relation: 'buurman', ring: 'middle', group: 'network' }, 100),
    itemRecord(
      'kring-agreement',
      'shape:pickup',
      { what, ownerIds: ['shape:amira'], when: 'elke woensdag', backupId: 'shape:karim', howWeKnow: 'Noor is op tijd' },
      300,
    ),
  ]
}

/** The plan's open warnings as the server reads them now: a propose that confirms one that cannot exist is refused with them. */
export async function openWarnings(agreement: AgreementClient): Promise<string[]> {
  const ack = await agreement.propose(['no-such-warning'])
  if (ack.ok || ack.error.code !== 'warnings_changed') throw new Error(`expected the open warnings, got ${ack.ok ? 'ok' : ack.error.code}`)
  return (ack.error.details?.warnings ?? []).map((warning) => warning.id)
}

export async function auditRows(ts: TestServer, conferenceId: string) {
  return ts.db.selectFrom('audit_log').select(['action', 'actor', 'detail']).where('conference_id', '=', conferenceId).orderBy('id').execute()
}
