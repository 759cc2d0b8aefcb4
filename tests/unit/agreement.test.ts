import { describe, expect, it } from 'vitest'
import {
  acceptedWarningsOf,
  agreedByOf,
  confirm,
  confirmFor,
  isComplete,
  propose,
  startFreezing,
  toOpenProposal,
  withdraw,
  type AgreementParty,
  type Proposal,
  type Step,
} from '../../lib/conference/agreement'
import type { ConferencePhase } from '../../lib/conference/model'
import { defaultPolicyContext } from '../../lib/conference/policy'
import { emptyPlan } from '../../lib/plan/schema'

/**
 * The pure rules of agreeing. Who may propose, agree or record a yes is the gate's question
 * (lib/conference/gate.ts, asked by the meeting plane before these run); these tests are about
 * the state, and about who becomes a party (the policy's `isAgreementParty`).
 */

const fenna = { participantId: 'p-fenna', name: 'Fenna' }
const fennaAtTable: AgreementParty = { participantId: 'p-fenna', name: 'Fenna', role: 'facilitator' }
const sanne: AgreementParty = { participantId: 'p-sanne', name: 'Mama Sanne', role: 'family' }
const amira: AgreementParty = { participantId: 'p-amira', name: 'Tante Amira', role: 'network' }
const jan: AgreementParty = { participantId: 'p-jan', name: 'Jeugdbeschermer Jan', role: 'professional' }
const olga: AgreementParty = { participantId: 'p-olga', name: 'Stagiair Olga', role: 'observer' }
const asActor = (party: AgreementParty) => ({ participantId: party.participantId })
/** The conference as it is when proposing: plan en afspraken, the facilitator leaving private time. */
const now = (phase: ConferencePhase = 'plan_en_afspraken', facilitatorStaysInPrivateTime = false) => ({
  phase,
  context: { ...defaultPolicyContext, facilitatorStaysInPrivateTime },
  readiness: { blocking: [], warnings: [] },
  acceptedWarnings: [],
})

const T0 = '2026-03-03T13:00:00.000Z'
const T1 = '2026-03-03T13:01:00.000Z'
const T2 = '2026-03-03T13:02:00.000Z'

function ok(step: Step): Proposal {
  if (!step.ok) throw new Error(`refused: ${step.refusal.message}`)
  return step.proposal
}

function opened(present: AgreementParty[] = [fennaAtTable, sanne, amira]): Proposal {
  return ok(propose(null, { actor: fenna, id: 'prop-1', at: T0, present, ...now() }))
}

describe('proposing the plan', () => {
  it('asks everyone present except the facilitator, once each, in the order they are present', () => {
    const proposal = opened([sanne, fennaAtTable, amira, sanne])
    expect(proposal.parties.map((p) => p.name)).toEqual(['Mama Sanne', 'Tante Amira'])
    expect(proposal).toMatchObject({ id: 'prop-1', proposedBy: 'p-fenna', proposedAt: T0, status: 'open', consents: {} })
    expect(isComplete(proposal)).toBe(false)
  })

  it('makes parties of those the policy asks to agree: a professional, never an observer', () => {
    expect(opened([fennaAtTable, olga, jan, sanne]).parties.map((p) => p.role)).toEqual(['professional', 'family'])
  })

  it('in private family time, only the family side is a party, also when the facilitator stays', () => {
    for (const stays of [false, true]) {
      const step = propose(null, { actor: fenna, id: 'x', at: T0, present: [fennaAtTable, jan, olga, sanne, amira], ...now('besloten_deel', stays) })
      expect(ok(step).parties.map((p) => p.participantId)).toEqual(['p-sanne', 'p-amira'])
    }
  })

  it('needs someone present who agrees', () => {
    const step = propose(null, { actor: fenna, id: 'x', at: T0, present: [fennaAtTable, olga], ...now() })
    expect(step).toMatchObject({ ok: false, refusal: { code: 'bad_request' } })
  })

  it('refuses a second proposal while one is open', () => {
    const step = propose(opened(), { actor: fenna, id: 'prop-2', at: T1, present: [sanne], ...now() })
    expect(step).toMatchObject({ ok: false, refusal: { code: 'conflict' } })
  })
})

describe('agreeing', () => {
  it('freezes only when everyone on the list agreed, each on their own device', () => {
    let proposal = opened()
    proposal = ok(confirm(proposal, { actor: asActor(sanne), proposalId: 'prop-1', at: T1 }))
    expect(isComplete(proposal)).toBe(false)
    proposal = ok(confirm(proposal, { actor: asActor(amira), proposalId: 'prop-1', at: T2 }))
    expect(isComplete(proposal)).toBe(true)
    expect(agreedByOf(proposal)).toEqual([
      { participantId: 'p-sanne', name: 'Mama Sanne', role: 'family', at: T1, recordedBy: null },
      { participantId: 'p-amira', name: 'Tante Amira', role: 'network', at: T2, recordedBy: null },
    ])
  })

  it('keeps the first yes when someone taps twice', () => {
    const once = ok(confirm(opened(), { actor: asActor(sanne), proposalId: 'prop-1', at: T1 }))
    const twice = confirm(once, { actor: asActor(sanne), proposalId: 'prop-1', at: T2 })
    expect(twice).toMatchObject({ ok: true, changed: false })
    expect(ok(twice).consents['p-sanne']).toEqual({ at: T1, recordedBy: null })
  })

  it('does not let someone who arrived after the proposal agree (they are not on the list)', () => {
    const step = confirm(opened(), { actor: asActor(jan), proposalId: 'prop-1', at: T1 })
    expect(step).toMatchObject({ ok: false, refusal: { code: 'forbidden' } })
  })

  it('refuses a yes to a proposal that is no longer the open one, or when none is open', () => {
    expect(confirm(opened(), { actor: asActor(sanne), proposalId: 'old', at: T1 })).toMatchObject({ ok: false, refusal: { code: 'not_found' } })
    expect(confirm(null, { actor: asActor(sanne), proposalId: 'prop-1', at: T1 })).toMatchObject({ ok: false, refusal: { code: 'not_found' } })
  })
})

describe("the facilitator records someone's spoken yes", () => {
  it('marks it as recorded by the facilitator', () => {
    const proposal = ok(confirmFor(opened(), { actor: fenna, proposalId: 'prop-1', participantId: 'p-amira', at: T1 }))
    expect(proposal.consents['p-amira']).toEqual({ at: T1, recordedBy: 'p-fenna' })
    expect(agreedByOf(proposal)).toEqual([{ participantId: 'p-amira', name: 'Tante Amira', role: 'network', at: T1, recordedBy: 'p-fenna' }])
  })

  it('works for someone who left after the proposal (the list does not change)', () => {
    // Presence is only read when proposing; Amira leaving afterwards changes nothing here.
    let proposal = ok(confirm(opened(), { actor: asActor(sanne), proposalId: 'prop-1', at: T1 }))
    proposal = ok(confirmFor(proposal, { actor: fenna, proposalId: 'prop-1', participantId: 'p-amira', at: T2 }))
    expect(isComplete(proposal)).toBe(true)
  })

  it('is only for people on the list', () => {
    expect(confirmFor(opened(), { actor: fenna, proposalId: 'prop-1', participantId: 'p-jan', at: T1 })).toMatchObject({
      ok: false,
      refusal: { code: 'not_found' },
    })
  })

  it('does not overwrite a yes given in person', () => {
    const own = ok(confirm(opened(), { actor: asActor(sanne), proposalId: 'prop-1', at: T1 }))
    const step = confirmFor(own, { actor: fenna, proposalId: 'prop-1', participantId: 'p-sanne', at: T2 })
    expect(ok(step).consents['p-sanne']).toEqual({ at: T1, recordedBy: null })
  })
})

describe('withdrawing and freezing', () => {
  it('withdraws the open proposal, not another one', () => {
    expect(withdraw(opened(), { proposalId: 'prop-1' })).toEqual({ ok: true })
    expect(withdraw(opened(), { proposalId: 'other' })).toMatchObject({ ok: false, refusal: { code: 'not_found' } })
    expect(withdraw(null, { proposalId: 'prop-1' })).toMatchObject({ ok: false, refusal: { code: 'not_found' } })
  })

  it('cannot withdraw once everyone agreed and the version is being frozen', () => {
    let proposal = ok(confirm(opened([sanne]), { actor: asActor(sanne), proposalId: 'prop-1', at: T1 }))
    proposal = startFreezing(proposal)
    expect(withdraw(proposal, { proposalId: 'prop-1' })).toMatchObject({ ok: false, refusal: { code: 'conflict' } })
    // A late duplicate tap while freezing is harmless.
    expect(confirm(proposal, { actor: asActor(sanne), proposalId: 'prop-1', at: T2 })).toMatchObject({ ok: true, changed: false })
  })

  it('only freezes a complete proposal', () => {
    expect(() => startFreezing(opened())).toThrow()
  })
})

describe('what clients see', () => {
  it('lists every party with when they agreed and whether the facilitator recorded it', () => {
    let proposal = ok(confirm(opened(), { actor: asActor(sanne), proposalId: 'prop-1', at: T1 }))
    proposal = ok(confirmFor(proposal, { actor: fenna, proposalId: 'prop-1', participantId: 'p-amira', at: T2 }))
    const plan = emptyPlan()
    expect(toOpenProposal(proposal, plan)).toEqual({
      id: 'prop-1',
      proposedBy: 'p-fenna',
      proposedAt: T0,
      plan,
      acceptedWarnings: [],
      parties: [
        { participantId: 'p-sanne', name: 'Mama Sanne', role: 'family', agreedAt: T1, recordedBy: null },
        { participantId: 'p-amira', name: 'Tante Amira', role: 'network', agreedAt: T2, recordedBy: 'p-fenna' },
      ],
    })
  })
})

describe('proposing only a whole plan', () => {
  const warning = (id: string) => ({ id, code: 'worry-unanswered' as const, itemId: `shape:${id}` })
  const withReadiness = (readiness: { blocking: ('no-agreement' | 'no-central-question')[]; warnings: ReturnType<typeof warning>[] }, acceptedWarnings: string[]) =>
    propose(null, { actor: fenna, id: 'prop-1', at: T0, present: [fennaAtTable, sanne], ...now(), readiness, acceptedWarnings })

  it('refuses a plan with blocking reasons, naming them, whatever was confirmed', () => {
    const step = withReadiness({ blocking: ['no-central-question', 'no-agreement'], warnings: [warning('w1')] }, ['w1'])
    expect(step).toMatchObject({ ok: false, refusal: { code: 'not_proposable', details: { blocking: ['no-central-question', 'no-agreement'] } } })
  })

  it('refuses when the confirmed warnings are not exactly the open ones, and hands back the list as it is now', () => {
    const warnings = [warning('w1'), warning('w2')]
    for (const accepted of [[], ['w1'], ['w1', 'w2', 'w3'], ['w1', 'gone']]) {
      expect(withReadiness({ blocking: [], warnings }, accepted)).toMatchObject({ ok: false, refusal: { code: 'warnings_changed', details: { warnings } } })
    }
  })

  it('opens the proposal when every open warning was confirmed (in any order), and keeps who confirmed which', () => {
    const warnings = [warning('w1'), warning('w2')]
    const proposal = ok(withReadiness({ blocking: [], warnings }, ['w2', 'w1', 'w2']))
    expect(proposal.acceptedWarnings).toEqual(warnings)
    expect(acceptedWarningsOf(proposal)).toEqual({ by: { participantId: 'p-fenna', name: 'Fenna' }, at: T0, warnings })
    expect(toOpenProposal(proposal, emptyPlan()).acceptedWarnings).toEqual(warnings)
  })

  it('opens a plan without warnings with nothing confirmed, and records an empty list', () => {
    const proposal = ok(withReadiness({ blocking: [], warnings: [] }, []))
    expect(acceptedWarningsOf(proposal).warnings).toEqual([])
  })
})
