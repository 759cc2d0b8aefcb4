import type { ConferencePhase, ParticipantRole } from '../../lib/conference/model'
import type { PolicyAction } from '../../lib/conference/policy'
import type { Db } from '../../lib/server/db/connect'
import type { AckResult } from '../../lib/protocol/meeting'
import { auditRows, storedConference, storedParticipant } from './meeting-control-support'
import type { MeetingPerson, RequestName } from './policy-support'
import type { Scenario, SweepConference } from './policy-sweep-setup'

/**
 * The meeting surface of the sweep: every request a client can send (lib/protocol/*.ts), each
 * with the policy action it needs, how to set the conference up so that an allowed request goes
 * through, and what a person would notice afterwards: read back from the database or from what
 * the watcher (a family member on the board in every phase) was told.
 *
 * The actions are this test's own expectation, written from the README, not imported from the
 * server's table (server/meeting/request-actions.ts), so a wrong entry there fails here.
 */

/** Everything a case needs of the conference under test. */
export interface Table extends Scenario {
  db: Db
  sweep: SweepConference
  people: Record<ParticipantRole, MeetingPerson>
  watcher: MeetingPerson
  may(role: ParticipantRole, action: PolicyAction): boolean
  /** A request that has to succeed (setting up or cleaning up a cell). */
  must(person: MeetingPerson, event: RequestName, payload: unknown): Promise<void>
  /** Run `work` while the facilitator may lead the agreeing: in private time without them, during a short return to plan en afspraken. */
  whileFacilitatorLeads(work: () => Promise<void>): Promise<void>
}

export interface SweepCase {
  event: RequestName
  action: PolicyAction
  payload(t: Table, role: ParticipantRole): unknown
  /** Bring the conference where the request, if allowed, goes through. */
  arrange?(t: Table, role: ParticipantRole): Promise<void>
  /** What a person would notice, read back now. */
  observe(t: Table, role: ParticipantRole): Promise<unknown> | unknown
  /** What `observe` shows after the request went through, given what it showed before (a refused one shows that still). */
  effect(t: Table, role: ParticipantRole, before: unknown): unknown
  /** Put the conference back, whatever happened (`ack`: how the request was answered). */
  cleanup?(t: Table, role: ParticipantRole, ack: AckResult): Promise<void>
}

const VIEW = { x: 10, y: 20, w: 800, h: 600 }
const MOVED = { x: 4242, y: 20, w: 800, h: 600 }
const REGION = { x: 100, y: 100, w: 300, h: 200 }

const proposalSeen = (t: Table) => t.watcher.last('plan:proposal')?.proposal ?? null
const handsSeen = (t: Table) => t.watcher.last('hands')?.queue.map((hand) => hand.participantId) ?? []
const leaderSeen = (t: Table) => t.watcher.last('follow')?.leader ?? null
const idOf = (t: Table, role: ParticipantRole) => t.sweep.admitted[role].id
const facilitator = (t: Table) => t.people.facilitator
const otherPhase = (phase: ConferencePhase): ConferencePhase => (phase === 'informatie' ? 'voorbereiding' : 'informatie')

async function audited(t: Table, action: string): Promise<number> {
  return (await auditRows(t.db, t.sweep.conferenceId, [action])).length
}

/**
 * The plan's open warnings as the server reads them now, which proposing has to confirm: asked by
 * proposing with a warning that cannot exist, which is refused with the list (and opens nothing).
 */
async function warningsNow(person: MeetingPerson): Promise<string[]> {
  const ack = await person.request('plan:propose', { acceptedWarnings: ['no-such-warning'] })
  if (ack.ok || ack.error.code !== 'warnings_changed') throw new Error(`setting up: expected the open warnings, got ${ack.ok ? 'ok' : ack.error.code}`)
  return (ack.error.details?.warnings ?? []).map((warning) => warning.id)
}
let confirmedWarnings: string[] = []

/** An open proposal, made fresh for the cell (so agreeing in one cell never completes another's). */
async function openProposal(t: Table): Promise<void> {
  await t.whileFacilitatorLeads(async () => t.must(facilitator(t), 'plan:propose', { acceptedWarnings: await warningsNow(facilitator(t)) }))
}

async function dropProposal(t: Table): Promise<void> {
  const open = proposalSeen(t)
  if (open) await t.whileFacilitatorLeads(() => t.must(facilitator(t), 'plan:withdraw', { proposalId: open.id }))
}

interface PartySeen {
  id: string
  agreed: boolean
  recordedBy: string | null
}

/** The proposal as the watcher sees it: who is on it and who agreed, and whether the facilitator recorded it. */
function agreementSeen(t: Table): PartySeen[] | null {
  const proposal = proposalSeen(t)
  if (!proposal) return null
  return proposal.parties.map((party) => ({ id: party.participantId, agreed: party.agreedAt !== null, recordedBy: party.recordedBy }))
}

/** The same list with one more yes. */
function withYes(before: unknown, id: string, recordedBy: string | null): PartySeen[] | null {
  return (before as PartySeen[] | null)?.map((party) => (party.id === id ? { ...party, agreed: true, recordedBy } : party)) ?? null
}

/** Whom a proposal made now asks: everyone connected and let in whom the policy makes a party. */
function partiesNow(t: Table): string[] {
  const roles = (['family', 'child', 'network', 'professional', 'observer'] as const).filter((role) => t.may(role, 'plan.confirm'))
  return [...roles.map((role) => idOf(t, role)), t.sweep.watcher.id].sort()
}

const planCases: SweepCase[] = [
  {
    event: 'plan:propose',
    action: 'plan.propose',
    // Whoever may propose confirms the warnings open now; for the others the gate answers first.
    arrange: async (t, role) => {
      confirmedWarnings = t.may(role, 'plan.propose') ? await warningsNow(t.people[role]) : []
    },
    payload: () => ({ acceptedWarnings: confirmedWarnings }),
    observe: (t) => proposalSeen(t)?.parties.map((party) => party.participantId).sort() ?? null,
    effect: (t) => partiesNow(t),
    cleanup: (t) => dropProposal(t),
  },
  {
    event: 'plan:withdraw',
    action: 'plan.propose',
    arrange: openProposal,
    payload: (t) => ({ proposalId: proposalSeen(t)?.id ?? 'none' }),
    observe: (t) => proposalSeen(t)?.id ?? null,
    effect: () => null,
    cleanup: (t) => dropProposal(t),
  },
  {
    event: 'plan:confirm',
    action: 'plan.confirm',
    arrange: openProposal,
    payload: (t) => ({ proposalId: proposalSeen(t)?.id ?? 'none' }),
    observe: agreementSeen,
    effect: (t, role, before) => withYes(before, idOf(t, role), null),
    cleanup: (t) => dropProposal(t),
  },
  {
    event: 'plan:confirm-for',
    action: 'plan.propose',
    arrange: openProposal,
    payload: (t) => ({ proposalId: proposalSeen(t)?.id ?? 'none', participantId: t.sweep.watcher.id }),
    observe: agreementSeen,
    effect: (t, role, before) => withYes(before, t.sweep.watcher.id, idOf(t, role)),
    cleanup: (t) => dropProposal(t),
  },
]

/** A request of running the meeting: its effect is in the database, with one audit entry. */
function stored(
  event: RequestName,
  action: PolicyAction,
  spec: {
    audit: string
    payload: SweepCase['payload']
    read: (t: Table) => Promise<unknown>
    after: (t: Table) => unknown
    arrange?: SweepCase['arrange']
    undo: (t: Table) => Promise<void>
  },
): SweepCase {
  return {
    event,
    action,
    arrange: spec.arrange,
    payload: spec.payload,
    observe: async (t) => ({ stored: await spec.read(t), audited: await audited(t, spec.audit) }),
    // Stored, and written to the audit log once.
    effect: (t, _role, before) => ({ stored: spec.after(t), audited: (before as { audited: number }).audited + 1 }),
    cleanup: async (t, _role, ack) => {
      if (ack.ok) await spec.undo(t)
    },
  }
}

async function setParticipant(t: Table, id: string, columns: Record<string, unknown>): Promise<void> {
  await t.db.updateTable('participants').set(columns).where('id', '=', id).execute()
}

const controlCases: SweepCase[] = [
  stored('phase:set', 'phase.change', {
    audit: 'phase.changed',
    payload: (t) => ({ phase: otherPhase(t.phase) }),
    read: async (t) => (await storedConference(t.db, t.sweep.conferenceId)).phase,
    after: (t) => otherPhase(t.phase),
    undo: (t) => t.must(facilitator(t), 'phase:set', { phase: t.phase }),
  }),
  stored('private-time:end', 'privateTime.end', {
    audit: 'private-time.ended',
    payload: () => ({}),
    read: async (t) => (await storedConference(t.db, t.sweep.conferenceId)).phase,
    after: () => 'plan_en_afspraken',
    undo: (t) => t.must(facilitator(t), 'phase:set', { phase: t.phase }),
  }),
  stored('settings:set', 'settings.write', {
    audit: 'settings.changed',
    payload: (t) => ({ facilitatorStaysInPrivateTime: !t.context.facilitatorStaysInPrivateTime }),
    read: async (t) => (await storedConference(t.db, t.sweep.conferenceId)).facilitator_stays_private,
    after: (t) => (t.context.facilitatorStaysInPrivateTime ? 0 : 1),
    undo: (t) => t.must(facilitator(t), 'settings:set', { facilitatorStaysInPrivateTime: t.context.facilitatorStaysInPrivateTime }),
  }),
  stored('lobby:admit', 'participants.manage', {
    audit: 'participant.admitted',
    payload: (t) => ({ participantId: t.sweep.targets.lobby }),
    read: async (t) => (await storedParticipant(t.db, t.sweep.targets.lobby)).admission,
    after: () => 'admitted',
    undo: (t) => setParticipant(t, t.sweep.targets.lobby, { admission: 'waiting' }),
  }),
  stored('lobby:decline', 'participants.manage', {
    audit: 'participant.declined',
    payload: (t) => ({ participantId: t.sweep.targets.lobby }),
    read: async (t) => (await storedParticipant(t.db, t.sweep.targets.lobby)).admission,
    after: () => 'declined',
    undo: (t) => setParticipant(t, t.sweep.targets.lobby, { admission: 'waiting' }),
  }),
  stored('participant:remove', 'participants.manage', {
    audit: 'participant.removed',
    payload: (t) => ({ participantId: t.sweep.targets.remove, keepInvitation: true }),
    read: async (t) => (await storedParticipant(t.db, t.sweep.targets.remove)).removed_at !== null,
    after: () => true,
    undo: (t) => setParticipant(t, t.sweep.targets.remove, { removed_at: null, requires_admission: 0, admission: null }),
  }),
  stored('participant:set-role', 'participants.manage', {
    audit: 'participant.role-changed',
    payload: (t) => ({ participantId: t.sweep.targets.role, role: 'family' }),
    read: async (t) => (await storedParticipant(t.db, t.sweep.targets.role)).role,
    after: () => 'family',
    undo: (t) => setParticipant(t, t.sweep.targets.role, { role: 'network' }),
  }),
]

const clearHands = (t: Table) => t.must(facilitator(t), 'hand:clear', {})

const facilitationCases: SweepCase[] = [
  {
    event: 'device:set',
    action: 'meeting.read',
    payload: () => ({ device: 'phone' }),
    observe: (t, role) => t.watcher.last('roster')?.entries.find((entry) => entry.participantId === idOf(t, role))?.device ?? null,
    effect: () => 'phone',
    cleanup: async (t, role, ack) => {
      if (ack.ok) await t.must(t.people[role], 'device:set', { device: 'desktop' })
    },
  },
  {
    event: 'hand:raise',
    action: 'hand.raise',
    payload: () => ({}),
    observe: handsSeen,
    effect: (t, role) => [idOf(t, role)],
    cleanup: clearHands,
  },
  {
    event: 'hand:lower',
    action: 'hand.raise',
    arrange: async (t, role) => {
      await t.must(t.watcher, 'hand:raise', {})
      if (t.may(role, 'hand.raise')) await t.must(t.people[role], 'hand:raise', {})
    },
    payload: () => ({}),
    observe: handsSeen,
    effect: (t) => [t.sweep.watcher.id],
    cleanup: clearHands,
  },
  {
    event: 'hand:clear',
    action: 'hand.clear',
    arrange: (t) => t.must(t.watcher, 'hand:raise', {}),
    payload: () => ({}),
    observe: handsSeen,
    effect: () => [],
    cleanup: clearHands,
  },
  {
    event: 'follow:start',
    action: 'facilitation.lead',
    payload: () => ({ viewport: VIEW }),
    observe: leaderSeen,
    effect: (t, role) => idOf(t, role),
    cleanup: async (t, role, ack) => {
      if (ack.ok) await t.must(t.people[role], 'follow:stop', {})
    },
  },
  {
    event: 'follow:viewport',
    action: 'facilitation.lead',
    // Only a device that leads sends viewports: whoever may lead starts first.
    arrange: async (t, role) => {
      if (t.may(role, 'facilitation.lead')) await t.must(t.people[role], 'follow:start', { viewport: VIEW })
    },
    payload: () => ({ viewport: MOVED }),
    observe: (t) => t.watcher.last('follow')?.viewport?.x ?? null,
    effect: () => MOVED.x,
    cleanup: async (t, role) => {
      if (t.may(role, 'facilitation.lead')) await t.must(t.people[role], 'follow:stop', {})
    },
  },
  {
    event: 'follow:stop',
    action: 'facilitation.lead',
    // A lead to stop, where the facilitator may lead at all.
    arrange: async (t) => {
      if (t.may('facilitator', 'facilitation.lead')) await t.must(facilitator(t), 'follow:start', { viewport: VIEW })
    },
    payload: () => ({}),
    observe: leaderSeen,
    effect: () => null,
    cleanup: async (t) => {
      if (t.may('facilitator', 'facilitation.lead')) await t.must(facilitator(t), 'follow:stop', {})
    },
  },
  {
    event: 'timer:set',
    action: 'facilitation.lead',
    payload: () => ({ minutes: 5 }),
    observe: async (t) => (await storedConference(t.db, t.sweep.conferenceId)).timer_ends_at !== null,
    effect: () => true,
    cleanup: async (t, role, ack) => {
      if (ack.ok) await t.must(t.people[role], 'timer:set', { minutes: 0 })
    },
  },
  {
    event: 'spotlight:set',
    action: 'facilitation.lead',
    payload: () => ({ region: REGION }),
    observe: (t) => t.watcher.last('spotlight')?.region ?? null,
    effect: () => REGION,
    cleanup: async (t, role, ack) => {
      if (ack.ok) await t.must(t.people[role], 'spotlight:set', { region: null })
    },
  },
]

/** Every client request of the protocol, once (the sweep checks none is missing). */
export const sweepCases: SweepCase[] = [...planCases, ...controlCases, ...facilitationCases]

/** What someone not let in sends: the same requests, with payloads that would be valid. */
export function anyPayload(t: Table, testCase: SweepCase): unknown {
  return testCase.payload(t, 'family')
}
