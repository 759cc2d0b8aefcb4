import { describe, expect, it } from 'vitest'
import { planExportJson } from '../../lib/server/export/json'
import { PlanVersion } from '../../lib/plan/version'
import { emptyPlan } from '../../lib/plan/schema'
import { planExportValidator } from '../helpers/plan-export-validator'
import { sampleBoard } from './export-fixtures'

/** The warnings the facilitator confirmed when proposing: kept with the version, shown in the JSON export. */

const accepted = {
  by: { participantId: 'p-fenna', name: 'Fenna de Vries' },
  at: '2026-03-03T13:00:00.000Z',
  warnings: [
    { id: 'agreement-no-backup|shape:agreement-0|', code: 'agreement-no-backup' as const, itemId: 'shape:agreement-0' },
    { id: 'person-overloaded|shape:p1|shape:p1', code: 'person-overloaded' as const, itemId: 'shape:p1', personId: 'shape:p1' },
  ],
}

function validate(value: unknown): boolean {
  return planExportValidator()(value) as boolean
}

describe('accepted warnings', () => {
  const { input } = sampleBoard()

  it('are exported with the version: which ones, by whom, when; valid against the committed schema', () => {
    const json = planExportJson({ ...input, version: { ...input.version, acceptedWarnings: accepted } })
    expect(json.version.acceptedWarnings).toEqual(accepted)
    expect(validate(JSON.parse(JSON.stringify(json)))).toBe(true)
    expect(validate({ ...json, version: { ...json.version, acceptedWarnings: { ...accepted, warnings: [{ id: 'x', code: 'made-up', itemId: 'y' }] } } })).toBe(false)
  })

  it('carry the facilitator as initials in a redacted export', () => {
    const json = planExportJson({ ...input, redacted: true, version: { ...input.version, acceptedWarnings: accepted } })
    expect(json.version.acceptedWarnings?.by).toEqual({ participantId: 'p-fenna', name: 'F.d.V.' })
    expect(JSON.stringify(json)).not.toContain('Fenna de Vries')
  })

  it('are absent for a version frozen before they were recorded, which still parses', () => {
    expect(planExportJson(input).version).not.toHaveProperty('acceptedWarnings')
    const old = { id: 'v1', conferenceId: 'c1', version: 1, plan: emptyPlan(), agreedBy: [], frozenBy: 'p-fenna', frozenAt: '2026-03-03T13:05:00.000Z' }
    expect(PlanVersion.parse(old).acceptedWarnings).toBeNull()
  })
})
