import { isDeepStrictEqual } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { conferencePhases, invitableRoles, participantRoles, type ParticipantRole } from '../../lib/conference/model'
import { may } from '../../lib/conference/policy'
import { listPlanVersions } from '../../lib/server/db/repositories/plan-versions'
import { ForbiddenReason } from '../../lib/protocol/close-codes'
import { REQUEST_ACTIONS } from '../../server/meeting/request-actions'
import { storedRecords, SEEDED_LINE } from '../helpers/policy-sync'
import { startTestServer, waitFor, type TestServer } from '../helpers/test-server'
import { storedConference, storedParticipant } from './meeting-control-support'
import { join, knock, outcomeOf, type MeetingPerson, type RequestName } from './policy-support'
import { anyPayload, sweepCases, type Table } from './policy-sweep-cases'
import { markKey, seedSweepConference, shutOutStates, stateColumns, type Scenario, type SweepConference } from './policy-sweep-setup'
import { expectedSync, sweepSync } from './policy-sweep-sync'

/**
 * THE SWEEP: role × phase × access state × every action of the sync and meeting surfaces, on a
 * real server with stock clients (y-websocket's WebsocketProvider, socket.io-client). The
 * expected value of every cell comes from the policy table (`may`) and the access rule (whoever
 * is not let in, in the lobby, declined or removed, is refused everything); every refused request
 * is checked to have changed nothing a person could notice (the stored board, the database, what
 * another person was told). One server for all; one conference per phase (and one more for private
 * family time with the facilitator staying); connections opened once per conference and reused.
 */

const scenarios: Scenario[] = [
  ...conferencePhases.map((phase) => ({ phase, context: { facilitatorStaysInPrivateTime: false } })),
  { phase: 'besloten_deel', context: { facilitatorStaysInPrivateTime: true } },
]

const nameOf = ({ phase, context }: Scenario) => `${phase}${phase === 'besloten_deel' ? (context.facilitatorStaysInPrivateTime ? ', facilitator stays' : ', facilitator leaves') : ''}`

let ts: TestServer
// Every stock provider registers a process 'exit' handler; a conference's worth is open at once.
const maxListeners = process.getMaxListeners()

beforeAll(async () => {
  process.setMaxListeners(maxListeners + 64)
  ts = await startTestServer()
})

afterAll(async () => {
  await ts.stop()
  process.setMaxListeners(maxListeners)
})

it('covers every request of the meeting protocol', () => {
  expect(sweepCases.map((c) => c.event).sort()).toEqual(Object.keys(REQUEST_ACTIONS).sort())
})

for (const scenario of scenarios) {
  describe(`the sweep in ${nameOf(scenario)}`, () => {
    const { phase, context } = scenario
    let sweep: SweepConference
    let table: Table
    const sockets: MeetingPerson[] = []
    const enter = async (token: string) => {
      const person = await join(ts, sweep.conferenceId, token)
      sockets.push(person)
      return person
    }

    beforeAll(async () => {
      sweep = await seedSweepConference(ts.db, scenario)
    })
    afterAll(() => {
      for (const socket of sockets.splice(0)) socket.close()
    })

    it('sync: every role reads and writes as the policy says; nobody who is not let in gets or stores anything', async () => {
      const actual = await sweepSync(ts, sweep)
      expect(actual).toEqual(expectedSync(scenario))

      // The stored board: exactly the allowed edits, nothing of the refused ones.
      const stored = await storedRecords(ts.db, sweep.conferenceId)
      const allowed = (role: ParticipantRole, action: Parameters<typeof may>[2]) => may(role, phase, 'board.read', context) && may(role, phase, action, context)
      const cards = Object.keys(stored).filter((key) => key.startsWith('shape:card-by-'))
      expect(cards.sort()).toEqual(participantRoles.filter((role) => allowed(role, 'board.write')).map((role) => `shape:card-by-${role}`).sort())
      const marksLeft = participantRoles.filter((role) => markKey(role) in stored)
      expect(marksLeft).toEqual(participantRoles.filter((role) => !(allowed(role, 'board.write') && allowed(role, 'scaleMark.remove'))))
      const ticked = participantRoles.filter((role) => JSON.stringify(stored[SEEDED_LINE]).includes(`afgevinkt door ${role}`))
      expect(ticked).toEqual(participantRoles.filter((role) => allowed(role, 'bottomLine.write')))
    })

    it('meeting: whoever is not let in knocks or is refused, hears nothing of the meeting, and every request they send is refused and changes nothing', async () => {
      table = await seatEveryone()

      // Arriving: the lobby waits (a removed person with the invitation kept knocks again); declined is refused.
      const knocking: MeetingPerson[] = []
      const arrivals: Record<string, string> = {}
      for (const state of shutOutStates) {
        for (const role of invitableRoles) {
          const arrival = await knock(ts, sweep.conferenceId, sweep.shutOut[state][role].token)
          if (arrival.connected) {
            sockets.push(arrival.person)
            knocking.push(arrival.person)
          }
          arrivals[`${role} ${state}`] = arrival.connected ? `in the ${arrival.person.last('access:state')?.state}` : `refused ${arrival.refusal.code} ${arrival.refusal.reason}`
        }
      }
      const expectedArrivals = Object.fromEntries(
        shutOutStates.flatMap((state) =>
          invitableRoles.map((role) => [`${role} ${state}`, state === 'declined' ? `refused 4403 ${ForbiddenReason.Declined}` : 'in the lobby']),
        ),
      )
      expect(arrivals).toEqual(expectedArrivals)

      // Let in, then (in the database only, as another process would) put in the lobby, declined or removed.
      const later = new Map<MeetingPerson, string>()
      for (const state of shutOutStates) {
        for (const role of invitableRoles) later.set(await enter(sweep.later[state][role].token), `${role} ${state} (changed while connected)`)
      }
      // Every arrival's access is settled before the rows change: this request's answer waits for it.
      await table.must(table.people.facilitator, 'settings:set', { facilitatorStaysInPrivateTime: context.facilitatorStaysInPrivateTime })
      for (const state of shutOutStates) {
        for (const role of invitableRoles) await ts.db.updateTable('participants').set(stateColumns[state]).where('id', '=', sweep.later[state][role].id).execute()
      }

      const before = await noticeable(table)
      const outcomes: Record<string, string> = {}
      const senders: [MeetingPerson, string][] = [...knocking.map((person, i) => [person, `knocking #${i + 1}`] as [MeetingPerson, string]), ...later]
      await Promise.all(
        senders.map(async ([person, who]) => {
          for (const testCase of sweepCases) outcomes[`${who}: ${testCase.event}`] = outcomeOf(await person.request(testCase.event, anyPayload(table, testCase)))
        }),
      )
      expect(Object.entries(outcomes).filter(([, outcome]) => outcome !== 'forbidden')).toEqual([])
      expect(Object.keys(outcomes)).toHaveLength(senders.length * sweepCases.length)
      await barrier(table)
      expect(await noticeable(table)).toEqual(before)

      // Least privilege for the lobby: its own welcome and access state, and the refusals.
      for (const person of knocking) expect(new Set(person.names)).toEqual(new Set(['welcome', 'access:state', 'error']))
      for (const person of [...knocking, ...later.keys()]) person.close()
    })

    it('meeting: every request of every role let in is answered as the policy says, and a refused one changes nothing', async () => {
      const t = table
      const expected: Record<string, string> = {}
      const actual: Record<string, string> = {}
      const wrong: string[] = []
      for (const testCase of sweepCases) {
        for (const role of participantRoles) {
          const key = `${role} ${testCase.event}`
          await testCase.arrange?.(t, role)
          await barrier(t)
          const before = await testCase.observe(t, role)
          const ack = await t.people[role].request(testCase.event, testCase.payload(t, role))
          expected[key] = t.may(role, testCase.action) ? 'ok' : 'forbidden'
          actual[key] = outcomeOf(ack)
          if (ack.ok) {
            const want = testCase.effect(t, role, before)
            const arrived = await waitFor(async () => isDeepStrictEqual(await testCase.observe(t, role), want), { timeoutMs: 3000, intervalMs: 2 }).then(
              () => true,
              () => false,
            )
            if (!arrived) wrong.push(`${key}: wanted ${JSON.stringify(want)}, saw ${JSON.stringify(await testCase.observe(t, role))}`)
          } else {
            await barrier(t)
            const after = await testCase.observe(t, role)
            if (!isDeepStrictEqual(after, before)) wrong.push(`${key} was refused but changed ${JSON.stringify(before)} → ${JSON.stringify(after)}`)
          }
          await testCase.cleanup?.(t, role, ack)
        }
      }
      expect(actual).toEqual(expected)
      expect(wrong).toEqual([])
      // The table is not trivially all yes or all no.
      expect(Object.values(expected)).toContain('ok')
      expect(Object.values(expected)).toContain('forbidden')
      // No cell ever completed a proposal: nothing froze.
      expect(await listPlanVersions(ts.db, sweep.conferenceId)).toEqual([])

      if (phase === 'besloten_deel' && !context.facilitatorStaysInPrivateTime) {
        // The finding: from the waiting room the facilitator can neither propose, record a yes nor withdraw.
        const finding = ['plan:propose', 'plan:confirm-for', 'plan:withdraw'].map((event) => actual[`facilitator ${event}`])
        expect(finding).toEqual(['forbidden', 'forbidden', 'forbidden'])
      }
      for (const socket of Object.values(t.people)) expect(socket.socket.connected).toBe(true)
    })

    /** Everyone let in, one socket each, plus the watcher; the table's helpers. */
    async function seatEveryone(): Promise<Table> {
      const people = {} as Record<ParticipantRole, MeetingPerson>
      for (const role of participantRoles) people[role] = await enter(sweep.admitted[role].token)
      const watcher = await enter(sweep.watcher.token)
      for (const role of participantRoles) {
        const access = people[role].last('access:state')?.state
        expect({ role, access }).toEqual({ role, access: may(role, phase, 'board.read', context) ? 'in' : 'waiting-room' })
      }
      await waitFor(() => watcher.last('roster') !== undefined && watcher.last('hands') !== undefined && watcher.last('plan:proposal') !== undefined, {
        message: 'the watcher hears the meeting',
      })
      const must = async (person: MeetingPerson, event: RequestName, payload: unknown) => {
        const ack = await person.request(event, payload)
        if (!ack.ok) throw new Error(`setting up: ${event} refused: ${ack.error.code} ${ack.error.message}`)
      }
      const t: Table = {
        ...scenario,
        db: ts.db,
        sweep,
        people,
        watcher,
        may: (role, action) => may(role, phase, action, context),
        must,
        async whileFacilitatorLeads(work) {
          if (may('facilitator', phase, 'plan.propose', context)) return work()
          await must(people.facilitator, 'phase:set', { phase: 'plan_en_afspraken' })
          try {
            await work()
          } finally {
            await must(people.facilitator, 'phase:set', { phase })
          }
        },
      }
      return t
    }
  })
}

/** A round trip of the watcher: whatever the server told the watcher before answering it has arrived. */
async function barrier(t: Table): Promise<void> {
  await t.must(t.watcher, 'device:set', { device: 'desktop' })
}

/** Everything a person could notice of the conference: its rows, its log, what the watcher was told. */
async function noticeable(t: Table) {
  const { conferenceId } = t.sweep
  const participants = await t.db.selectFrom('participants').selectAll().where('conference_id', '=', conferenceId).orderBy('id').execute()
  const audit = await t.db.selectFrom('audit_log').select(['action', 'actor', 'detail']).where('conference_id', '=', conferenceId).execute()
  return {
    conference: await storedConference(t.db, conferenceId),
    targets: await Promise.all(Object.values(t.sweep.targets).map((id) => storedParticipant(t.db, id))),
    participants: participants.length,
    // Joins are logged as people arrive; anything else would be a change.
    audit: audit.filter((row) => !['participant.joined', 'participant.left', 'participant.waiting'].includes(row.action)),
    versions: await listPlanVersions(t.db, conferenceId),
    watcher: {
      hands: t.watcher.last('hands')?.queue ?? [],
      follow: t.watcher.last('follow') ?? null,
      spotlight: t.watcher.last('spotlight')?.region ?? null,
      proposal: t.watcher.last('plan:proposal')?.proposal ?? null,
      phase: t.watcher.last('conference:state')?.phase,
    },
  }
}
