import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { conferencePhases, participantRoles, type ConferencePhase, type ParticipantRole } from '../../lib/conference/model'
import { may, policyActions, policyTable, type PolicyAction } from '../../lib/conference/policy'
import { policyDocsSection } from '../../lib/conference/policy-docs'

type Expectation = [ParticipantRole, ConferencePhase, PolicyAction, boolean]

// The rules the issue names, one line each; the full table is in the README.
const rules: Expectation[] = [
  // Private family time: professionals and observers have no board; the family and network do.
  ['professional', 'besloten_deel', 'board.read', false],
  ['professional', 'besloten_deel', 'board.write', false],
  ['observer', 'besloten_deel', 'board.read', false],
  ['family', 'besloten_deel', 'board.read', true],
  ['network', 'besloten_deel', 'board.write', true],
  ['child', 'besloten_deel', 'board.write', true],
  // By default the facilitator leaves too.
  ['facilitator', 'besloten_deel', 'board.read', false],
  // Professionals are back afterwards.
  ['professional', 'informatie', 'board.read', true],
  ['professional', 'plan_en_afspraken', 'board.read', true],
  // Bottom lines: only professionals write them, in information and plan phases.
  ['professional', 'informatie', 'bottomLine.write', true],
  ['professional', 'plan_en_afspraken', 'bottomLine.write', true],
  ['family', 'informatie', 'bottomLine.write', false],
  ['facilitator', 'informatie', 'bottomLine.write', false],
  ['network', 'plan_en_afspraken', 'bottomLine.write', false],
  // Observers only read.
  ['observer', 'informatie', 'board.read', true],
  ['observer', 'informatie', 'board.write', false],
  ['observer', 'plan_en_afspraken', 'hand.raise', false],
  // Ending private time: any family member, or the facilitator if present; never a professional.
  ['family', 'besloten_deel', 'privateTime.end', true],
  ['child', 'besloten_deel', 'privateTime.end', true],
  ['network', 'besloten_deel', 'privateTime.end', true],
  ['professional', 'besloten_deel', 'privateTime.end', false],
  ['facilitator', 'besloten_deel', 'privateTime.end', false],
  ['family', 'informatie', 'privateTime.end', false],
  // The facilitator runs the meeting.
  ['facilitator', 'informatie', 'phase.change', true],
  ['facilitator', 'besloten_deel', 'phase.change', true],
  ['family', 'informatie', 'phase.change', false],
  ['facilitator', 'voorbereiding', 'participants.manage', true],
  ['professional', 'informatie', 'participants.manage', false],
  // A closed conference is read-only.
  ['family', 'afgesloten', 'board.write', false],
  ['facilitator', 'afgesloten', 'board.write', false],
  ['family', 'afgesloten', 'board.read', true],
  // Exports: facilitator and professionals only, and like the board: not from the waiting room.
  ['professional', 'afgesloten', 'plan.export', true],
  ['professional', 'besloten_deel', 'plan.export', false],
  ['facilitator', 'besloten_deel', 'plan.export', false],
  ['network', 'afgesloten', 'plan.export', false],
  ['family', 'plan_en_afspraken', 'plan.export', false],
]

describe('policy: who may do what, in which phase', () => {
  it.each(rules)('%s in %s: %s → %s', (role, phase, action, expected) => {
    expect(may(role, phase, action)).toBe(expected)
  })

  it('lets the facilitator stay in private time when the conference says so', () => {
    const stays = { facilitatorStaysInPrivateTime: true }
    expect(may('facilitator', 'besloten_deel', 'board.read', stays)).toBe(true)
    expect(may('facilitator', 'besloten_deel', 'board.write', stays)).toBe(true)
    expect(may('facilitator', 'besloten_deel', 'privateTime.end', stays)).toBe(true)
    // Professionals still leave.
    expect(may('professional', 'besloten_deel', 'board.read', stays)).toBe(false)
  })

  it('never lets anyone write who cannot read', () => {
    for (const row of policyTable()) {
      if (row.action !== 'board.write' && row.action !== 'bottomLine.write') continue
      for (const phase of conferencePhases) {
        if (row.allowed[phase]) expect(may(row.role, phase, 'board.read'), `${row.role} ${phase}`).toBe(true)
      }
    }
  })

  it('covers every role, action and phase', () => {
    expect(policyTable()).toHaveLength(policyActions.length * participantRoles.length)
  })

  it('is shown, as it is, in the README (npm run docs:policy writes it)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
    expect(readme).toContain(policyDocsSection())
  })
})
