import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { conferencePhases, participantRoles, type ConferencePhase, type ParticipantRole } from '../../lib/conference/model'
import { may, type PolicyAction, type PolicyContext } from '../../lib/conference/policy'
import type { AckResult, ClientToServerEvents } from '../../lib/protocol/meeting'
import { seedMeeting, startTestServer, type TestServer } from '../helpers/test-server'
import { auditRows, connectControl, seedPerson, storedConference, storedParticipant, ticketFor, type ControlClient } from './meeting-control-support'

/**
 * The policy table for running the meeting, on a real server with real socket.io clients: every
 * role × phase for phase.change, privateTime.end, participants.manage and settings.write. Each
 * allowed request succeeds and is stored; each refused one is answered 'forbidden' and leaves the
 * conference, the participants and the audit log as they were. The expectation is the policy
 * module itself (lib/conference/policy.ts), whose table the README shows and a unit test pins.
 */

interface Case {
  action: PolicyAction
  /** Set the conference up for the request (phase, setting, the target's role) in the database. */
  arrange: (phase: ConferencePhase) => Promise<void>
  request: (phase: ConferencePhase) => { event: keyof ClientToServerEvents; payload: unknown }
  /** What the database holds afterwards: compared with the arranged state to tell "changed" from "unchanged". */
  stored: () => Promise<unknown>
  /** The audit action an allowed request writes. */
  audited: string
}

type Outcome = 'ok' | 'forbidden' | `other: ${string}`

describe('policy on the meeting plane: role × phase × action, with real clients', () => {
  let ts: TestServer
  let seed: Awaited<ReturnType<typeof seedMeeting>>
  let targetId: string
  const sockets = new Map<ParticipantRole, ControlClient>()

  beforeAll(async () => {
    ts = await startTestServer()
    seed = await seedMeeting(ts.db)
    const conferenceId = seed.conference.id
    const child = await seedPerson(ts.db, conferenceId, 'Noor', 'child')
    const observer = await seedPerson(ts.db, conferenceId, 'Stagiair Sem', 'observer')
    // The one whose role the participants.manage requests change; not connected.
    targetId = (await seedPerson(ts.db, conferenceId, 'Buurman Piet', 'network')).participant.id
    const tokens: Record<ParticipantRole, string> = {
      facilitator: ticketFor(seed.facilitator.id, conferenceId),
      family: seed.mother.token,
      network: seed.aunt.token,
      professional: seed.professional.token,
      child: child.token,
      observer: observer.token,
    }
    for (const role of participantRoles) sockets.set(role, await connectControl(ts, conferenceId, tokens[role]))
  })

  afterAll(async () => {
    for (const socket of sockets.values()) socket.close()
    await ts?.stop()
  })

  const setConference = async (phase: ConferencePhase, facilitatorStays = false): Promise<void> => {
    await ts.db
      .updateTable('conferences')
      .set({ phase, facilitator_stays_private: facilitatorStays ? 1 : 0 })
      .where('id', '=', seed.conference.id)
      .execute()
  }

  const phaseOnly = async () => (await storedConference(ts.db, seed.conference.id)).phase

  const cases: Case[] = [
    {
      action: 'phase.change',
      arrange: (phase) => setConference(phase),
      request: (phase) => ({ event: 'phase:set', payload: { phase: phase === 'afgesloten' ? 'informatie' : 'afgesloten' } }),
      stored: phaseOnly,
      audited: 'phase.changed',
    },
    {
      action: 'privateTime.end',
      arrange: (phase) => setConference(phase),
      request: () => ({ event: 'private-time:end', payload: {} }),
      stored: phaseOnly,
      audited: 'private-time.ended',
    },
    {
      action: 'participants.manage',
      arrange: async (phase) => {
        await setConference(phase)
        await ts.db.updateTable('participants').set({ role: 'network' }).where('id', '=', targetId).execute()
      },
      request: () => ({ event: 'participant:set-role', payload: { participantId: targetId, role: 'family' } }),
      stored: async () => (await storedParticipant(ts.db, targetId)).role,
      audited: 'participant.role-changed',
    },
    {
      action: 'settings.write',
      arrange: (phase) => setConference(phase),
      request: () => ({ event: 'settings:set', payload: { facilitatorStaysInPrivateTime: true } }),
      stored: async () => (await storedConference(ts.db, seed.conference.id)).facilitator_stays_private,
      audited: 'settings.changed',
    },
  ]

  async function run(testCase: Case, context: PolicyContext, phases: readonly ConferencePhase[] = conferencePhases) {
    const expected: Record<string, Outcome> = {}
    const actual: Record<string, Outcome> = {}
    const wrongStorage: string[] = []
    for (const phase of phases) {
      for (const role of participantRoles) {
        const key = `${role} in ${phase}`
        await testCase.arrange(phase)
        if (context.facilitatorStaysInPrivateTime) await setConference(phase, true)
        const before = await testCase.stored()
        const audits = (await auditRows(ts.db, seed.conference.id, [testCase.audited])).length
        const { event, payload } = testCase.request(phase)
        const ack: AckResult = await sockets.get(role)!.request(event, payload)
        const allowed = may(role, phase, testCase.action, context)
        expected[key] = allowed ? 'ok' : 'forbidden'
        actual[key] = ack.ok ? 'ok' : ack.error.code === 'forbidden' ? 'forbidden' : `other: ${ack.error.code}`
        const after = await testCase.stored()
        const auditsAfter = (await auditRows(ts.db, seed.conference.id, [testCase.audited])).length
        // Allowed: stored and audited once. Refused: nothing changed, nothing audited.
        const changedAsExpected = allowed ? after !== before && auditsAfter === audits + 1 : after === before && auditsAfter === audits
        if (!changedAsExpected) wrongStorage.push(`${key}: ${String(before)} → ${String(after)}, audit ${audits} → ${auditsAfter}`)
      }
    }
    expect(actual).toEqual(expected)
    expect(wrongStorage).toEqual([])
    // The table is not trivially all-no or all-yes.
    expect(Object.values(expected)).toContain('ok')
  }

  for (const testCase of cases) {
    it(`${testCase.action}: allowed requests succeed and are stored; refused ones are forbidden and change nothing`, async () => {
      await run(testCase, { facilitatorStaysInPrivateTime: false })
    })
  }

  it('privateTime.end: a facilitator who stays during private time may end it too; a professional never', async () => {
    const endPrivateTime = cases.find((c) => c.action === 'privateTime.end')!
    await run(endPrivateTime, { facilitatorStaysInPrivateTime: true }, ['besloten_deel'])
    expect(may('facilitator', 'besloten_deel', 'privateTime.end', { facilitatorStaysInPrivateTime: true })).toBe(true)
    expect(may('professional', 'besloten_deel', 'privateTime.end', { facilitatorStaysInPrivateTime: true })).toBe(false)
  })

  it('every socket stayed connected through the table: a refusal never closes a connection', () => {
    for (const [role, socket] of sockets) expect({ role, connected: socket.socket.connected }).toEqual({ role, connected: true })
  })
})
