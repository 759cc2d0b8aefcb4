import { invitableRoles, participantRoles, type InvitableRole, type ParticipantRole } from '../../lib/conference/model'
import { may, type PolicyAction } from '../../lib/conference/policy'
import { ForbiddenReason } from '../../lib/protocol/close-codes'
import { WriteRefusal } from '../../server/sync/write-policy'
import { bottomLineRecord, cardRecord, connectPolicyBoard, SEEDED_CARD, SEEDED_LINE, SEEDED_LINE_TEXT, storedRecords, type PolicyBoardClient } from '../helpers/policy-sync'
import { waitFor, type TestServer } from '../helpers/test-server'
import { markKey, shutOutStates, type Scenario, type ShutOutState, type SweepConference } from './policy-sweep-setup'

/**
 * The sync surface of the sweep, for one conference: every role let in reads (the board syncs, or
 * 4403 'private-time' before a byte of it), adds a card, ticks the bottom line off and removes
 * someone else's scale mark, each on its own stock provider; everyone not let in (lobby,
 * declined, removed) is refused with 4403 and the state's reason, and the card they made
 * offline is not stored. Returns the table as found and as the policy says, cell by cell, and
 * checks the stored board against it.
 */

export type Outcomes = Record<string, string>

const closedReason: Record<ShutOutState, string> = {
  lobby: ForbiddenReason.AwaitingAdmission,
  declined: ForbiddenReason.Declined,
  removed: ForbiddenReason.Removed,
}

const cardKey = (who: string) => `shape:card-by-${who}`
const tickText = (role: ParticipantRole) => `${SEEDED_LINE_TEXT} (afgevinkt door ${role})`

/** What the policy (and the rule that only those let in see anything) says, cell by cell. */
export function expectedSync({ phase, context }: Scenario): Outcomes {
  const expected: Outcomes = {}
  const allowed = (role: ParticipantRole, action: PolicyAction) => may(role, phase, action, context)
  const refusedWrite = (role: ParticipantRole, specific: string) => (allowed(role, 'board.write') ? `refused ${specific}` : `refused ${WriteRefusal.ReadOnly}`)
  for (const role of participantRoles) {
    const where = `${role} in`
    if (!allowed(role, 'board.read')) {
      expected[`${where}: read`] = `closed 4403 ${ForbiddenReason.PrivateTime}`
      continue
    }
    expected[`${where}: read`] = 'synced'
    expected[`${where}: write a card`] = allowed(role, 'board.write') ? 'stored' : `refused ${WriteRefusal.ReadOnly}`
    expected[`${where}: tick the bottom line`] = allowed(role, 'bottomLine.write') ? 'stored' : refusedWrite(role, WriteRefusal.BottomLine)
    expected[`${where}: remove another's scale mark`] =
      allowed(role, 'board.write') && allowed(role, 'scaleMark.remove') ? 'stored' : refusedWrite(role, WriteRefusal.ScaleMark)
  }
  for (const state of shutOutStates) {
    for (const role of invitableRoles) {
      expected[`${role} ${state}: read`] = `closed 4403 ${closedReason[state]}`
      expected[`${role} ${state}: write a card`] = 'not stored'
    }
  }
  return expected
}

type Edit = (client: PolicyBoardClient) => void

/** Run the sync table for one conference; resolves with what was found. Closes its clients. */
export async function sweepSync(ts: TestServer, sweep: SweepConference): Promise<Outcomes> {
  const { conferenceId } = sweep
  const actual: Outcomes = {}
  const clients: PolicyBoardClient[] = []
  const open = (token: string) => {
    const client = connectPolicyBoard(ts.syncUrl, conferenceId, token)
    clients.push(client)
    return client
  }
  const stored = () => storedRecords(ts.db, conferenceId)
  const closedOf = (client: PolicyBoardClient) => `closed ${client.closed()?.code} ${client.closed()?.reason}`

  /** One write on its own device (a document that kept a refused edit is out of step, and its next edit is refused for that). */
  async function write(role: ParticipantRole, token: string, edit: Edit, storedWhen: (records: Record<string, unknown>) => boolean): Promise<string> {
    const device = open(token)
    await waitFor(() => device.provider.synced || device.closed() !== null, { message: `${role}: synced before writing` })
    if (device.closed()) return closedOf(device)
    edit(device)
    await waitFor(async () => device.denials.length > 0 || storedWhen(await stored()), { message: `${role}: write stored or refused` })
    if (device.closed()) return closedOf(device)
    return device.denials.length > 0 ? `refused ${device.denials.join(', ')}` : 'stored'
  }

  try {
    await Promise.all([
      ...participantRoles.map(async (role) => {
        const where = `${role} in`
        const { token, id } = sweep.admitted[role]
        const reader = open(token)
        await waitFor(() => (reader.provider.synced && reader.records.has(SEEDED_CARD)) || reader.closed() !== null, { message: `${where}: read` })
        if (reader.closed()) {
          actual[`${where}: read`] = closedOf(reader)
          if (reader.records.size > 0) actual[`${where}: read`] += ' after receiving the board'
          return
        }
        actual[`${where}: read`] = 'synced'
        const [card, line, mark] = await Promise.all([
          write(role, token, (c) => c.records.set(cardKey(role), cardRecord(cardKey(role), `kaart van ${role}`)), (records) => cardKey(role) in records),
          write(role, token, (c) => c.records.set(SEEDED_LINE, bottomLineRecord(SEEDED_LINE, tickText(role), id)), (records) =>
            JSON.stringify(records[SEEDED_LINE]).includes(tickText(role)),
          ),
          write(role, token, (c) => c.records.delete(markKey(role)), (records) => !(markKey(role) in records)),
        ])
        actual[`${where}: write a card`] = card
        actual[`${where}: tick the bottom line`] = line
        actual[`${where}: remove another's scale mark`] = mark
      }),
      ...shutOutStates.flatMap((state) =>
        invitableRoles.map(async (role: InvitableRole) => {
          const who = `${role}-${state}`
          const device = open(sweep.shutOut[state][role].token)
          // Made before the connection is up: sent with the first sync, if the server ever listened.
          device.records.set(cardKey(who), cardRecord(cardKey(who), `kaart van ${who}`))
          await waitFor(() => device.closed() !== null || device.provider.synced, { message: `${who}: refused` })
          actual[`${role} ${state}: read`] = device.closed() ? closedOf(device) : 'synced'
          if (device.records.has(SEEDED_CARD)) actual[`${role} ${state}: read`] += ' after receiving the board'
          actual[`${role} ${state}: write a card`] = cardKey(who) in (await stored()) ? 'stored' : 'not stored'
        }),
      ),
    ])
  } finally {
    for (const client of clients) client.destroy()
  }
  return actual
}
