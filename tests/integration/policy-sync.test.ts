import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { conferencePhases, participantRoles, type ConferencePhase, type ParticipantRole } from '../../lib/conference/model'
import { policyTable, type PolicyAction, type PolicyContext } from '../../lib/conference/policy'
import { ForbiddenReason } from '../../lib/protocol/close-codes'
import { WriteRefusal } from '../../server/sync/write-policy'
import {
  bottomLineRecord,
  cardRecord,
  connectPolicyBoard,
  SEEDED_CARD,
  SEEDED_LINE,
  SEEDED_LINE_TEXT,
  seedEveryRole,
  setFacilitatorStays,
  setPhase,
  storedRecords,
  type PolicyBoardClient,
} from '../helpers/policy-sync'
import { startTestServer, waitFor, type TestServer } from '../helpers/test-server'

/**
 * The policy table on the sync socket, cell by cell, with stock y-websocket clients on a real
 * server: for every role in every phase (and with the facilitator leaving or staying during
 * private time), `board.read` (the board syncs, or the connection is closed with 4403
 * 'private-time' before any of it arrives), `board.write` (a new card is stored, or refused with
 * permission-denied) and `bottomLine.write` (ticking the bottom line is stored, or refused), and
 * at the end the stored board holds exactly the allowed edits.
 */

let ts: TestServer
const open: PolicyBoardClient[] = []

// Every stock provider registers a process 'exit' handler; twelve at once is expected here.
const maxListeners = process.getMaxListeners()

beforeAll(async () => {
  process.setMaxListeners(maxListeners + 2 * participantRoles.length)
  ts = await startTestServer()
})

afterAll(async () => {
  for (const client of open.splice(0)) client.destroy()
  await ts.stop()
  process.setMaxListeners(maxListeners)
})

type Expect = (role: ParticipantRole, phase: ConferencePhase, action: Extract<PolicyAction, 'board.read' | 'board.write' | 'bottomLine.write'>) => boolean

function expectationsOf(context: PolicyContext): Expect {
  const table = policyTable(context)
  return (role, phase, action) => {
    const row = table.find((r) => r.role === role && r.action === action)
    if (!row) throw new Error(`no policy row for ${role} ${action}`)
    return row.allowed[phase]
  }
}

const cardKey = (role: ParticipantRole) => `shape:card-by-${role}`
const tickText = (role: ParticipantRole) => `${SEEDED_LINE_TEXT} (afgevinkt door ${role})`

/** Every role on one conference in one phase, connected in parallel. */
async function checkPhase(phase: ConferencePhase, context: PolicyContext, allowed: Expect): Promise<void> {
  const seeded = await seedEveryRole(ts.db)
  const { conferenceId } = seeded
  await setFacilitatorStays(ts.db, conferenceId, context.facilitatorStaysInPrivateTime, false)
  await setPhase(ts.db, conferenceId, phase, false)

  await Promise.all(
    participantRoles.map(async (role) => {
      const where = `${role} in ${phase}`
      // Two devices per person: one adds a card, the other ticks the bottom line off. (A document
      // that kept a refused edit is out of step with the board; its next edit would be refused
      // for that reason, whatever the policy says.)
      const [cardDevice, lineDevice] = [0, 1].map(() => connectPolicyBoard(ts.syncUrl, conferenceId, seeded.tokens[role])) as [PolicyBoardClient, PolicyBoardClient]
      open.push(cardDevice, lineDevice)

      // board.read
      if (!allowed(role, phase, 'board.read')) {
        for (const client of [cardDevice, lineDevice]) {
          await waitFor(() => client.closed() !== null, { message: `${where}: refused` })
          expect(client.closed(), where).toEqual({ code: 4403, reason: ForbiddenReason.PrivateTime })
          expect(client.records.size, `${where}: nothing of the board`).toBe(0)
          expect(client.provider.shouldConnect, `${where}: the provider stops`).toBe(false)
        }
        return
      }
      for (const client of [cardDevice, lineDevice]) {
        await waitFor(() => client.provider.synced && client.records.has(SEEDED_LINE) && client.records.has(SEEDED_CARD), { message: `${where}: board synced` })
      }

      // board.write: a new card
      cardDevice.records.set(cardKey(role), cardRecord(cardKey(role), `kaart van ${role}`))
      if (allowed(role, phase, 'board.write')) {
        await waitFor(async () => cardKey(role) in (await storedRecords(ts.db, conferenceId)), { message: `${where}: card stored` })
        expect(cardDevice.denials, where).toEqual([])
      } else {
        await waitFor(() => cardDevice.denials.length === 1, { message: `${where}: card refused` })
        expect(cardDevice.denials, where).toEqual([WriteRefusal.ReadOnly])
      }

      // bottomLine.write: tick the bottom line off
      lineDevice.records.set(SEEDED_LINE, bottomLineRecord(SEEDED_LINE, tickText(role), seeded.participantIds[role]))
      if (allowed(role, phase, 'bottomLine.write')) {
        await waitFor(async () => JSON.stringify((await storedRecords(ts.db, conferenceId))[SEEDED_LINE]).includes(tickText(role)), {
          message: `${where}: bottom line stored`,
        })
        expect(lineDevice.denials, where).toEqual([])
      } else {
        await waitFor(() => lineDevice.denials.length === 1, { message: `${where}: bottom line refused` })
        expect(lineDevice.denials, where).toEqual([allowed(role, phase, 'board.write') ? WriteRefusal.BottomLine : WriteRefusal.ReadOnly])
      }
      for (const client of [cardDevice, lineDevice]) expect(client.closed(), `${where}: still connected`).toBeNull()
    }),
  )

  // The stored board holds the allowed edits and nothing of the refused ones.
  const stored = await storedRecords(ts.db, conferenceId)
  const writers = participantRoles.filter((role) => allowed(role, phase, 'board.read') && allowed(role, phase, 'board.write'))
  expect(Object.keys(stored).sort(), phase).toEqual([SEEDED_CARD, SEEDED_LINE, ...writers.map(cardKey)].sort())
  const lineWriters = participantRoles.filter((role) => allowed(role, phase, 'board.read') && allowed(role, phase, 'bottomLine.write'))
  expect(lineWriters.length, phase).toBeLessThanOrEqual(1)
  const expectedLine = lineWriters.length === 1 ? tickText(lineWriters[0]!) : SEEDED_LINE_TEXT
  expect((stored[SEEDED_LINE] as { props: { text: string } }).props.text, phase).toBe(expectedLine)
}

describe('policy on the sync socket: every role × phase', () => {
  for (const facilitatorStaysInPrivateTime of [false, true]) {
    it(`board.read, board.write and bottomLine.write (facilitator ${facilitatorStaysInPrivateTime ? 'stays' : 'leaves'} during private time)`, async () => {
      const context = { facilitatorStaysInPrivateTime }
      const allowed = expectationsOf(context)
      // One phase at a time (twelve clients at once); each phase has its own conference.
      for (const phase of conferencePhases) {
        await checkPhase(phase, context, allowed)
        for (const client of open.splice(0)) client.destroy()
      }
    })
  }
})
