import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { PLAN_EXPORT_FORMAT, PlanExport, planExportJson, planExportJsonSchema } from '../../lib/server/export/json'
import { SCHEMA_PATH, schemaFileText } from '../../scripts/write-export-schema'
import { planExportValidator } from '../helpers/plan-export-validator'
import { sampleBoard } from './export-fixtures'

/**
 * The JSON export for case systems: versioned, documented by a JSON Schema that is committed as
 * docs/plan-export.schema.json, and that every export validates against.
 */

const validator = planExportValidator

describe('planExportJson', () => {
  const { input } = sampleBoard()
  const json = planExportJson(input)

  it('says what it is and which version of the format', () => {
    expect(json.format).toBe(PLAN_EXPORT_FORMAT)
    expect(json.schemaVersion).toBe(2)
    expect(json.redacted).toBe(false)
    expect(json.conference).toEqual(input.conference)
    expect(json.version).toEqual({ number: 2, frozenAt: '2026-03-03T13:05:00.000Z' })
    expect(json.agreedBy[2]).toMatchObject({ name: 'أمينة الزهراء', recordedBy: 'p-fenna' })
    expect(json.plan).toEqual(input.plan)
    expect(json.plan.bottomLines.map((line) => [line.ticked, line.tickedBy?.name ?? null, line.answeredBy])).toEqual([
      [true, 'Jeroen Smit', ['shape:agreement-0']],
      [false, null, []],
    ])
  })

  it('validates against the committed JSON Schema, and the schema catches a broken export', () => {
    const validate = validator()
    const roundTripped: unknown = JSON.parse(JSON.stringify(json))
    expect(validate(roundTripped), JSON.stringify(validate.errors)).toBe(true)
    expect(validate({ ...json, plan: { ...json.plan, agreements: [{ what: 'zonder id' }] } })).toBe(false)
    expect(validate({ ...json, schemaVersion: 1 })).toBe(false)
    expect(validate({ ...json, facts: { ...json.facts, meetingDate: '3 maart' } })).toBe(false)
    expect(validate({ ...json, facts: { ...json.facts, children: [{ firstName: 'Sam', age: 30 }] } })).toBe(false)
    expect(validate({ ...json, version: { number: 2, frozenAt: 'gisteren' } })).toBe(false)
    expect(validate({ ...json, plan: { ...json.plan, bottomLines: [{ ...json.plan.bottomLines[0]!, ticked: 'ja' }] } })).toBe(false)
  })

  it('has the case-file facts, frozen with the version, and how each person took part', () => {
    expect(json.facts).toEqual({
      meetingDate: '2026-03-03',
      startTime: '10:30',
      durationMinutes: 150,
      place: 'Buurthuis De Kring, Utrecht',
      online: true,
      children: [
        { firstName: 'Noor', age: 9 },
        { firstName: 'Sam', age: 12 },
      ],
      facilitatorOrganisation: 'Eigen Kracht Centrale',
      reviewDate: '2026-04-14',
      frozenWithVersion: true,
    })
    expect(json.participants.map((p) => p.devices)).toEqual([['desktop'], ['phone'], ['phone', 'desktop'], [], ['desktop']])
    // An input without facts or devices (assembled before they were known) says so with nulls.
    const bare = planExportJson({ ...input, facts: undefined, participants: input.participants.map(({ name, role }) => ({ name, role })) })
    expect(bare.facts).toBeNull()
    expect(bare.participants[0]).toEqual({ name: 'Fenna de Vries', role: 'facilitator', devices: null })
    expect(validator()(JSON.parse(JSON.stringify(bare)))).toBe(true)
  })

  it('redacted: initials, no phone numbers, and says it is redacted', () => {
    const redacted = planExportJson({ ...input, redacted: true })
    const text = JSON.stringify(redacted)
    for (const secret of ['Amira El Idrissi', 'أمينة الزهراء', 'Sanne Bakker', 'Fenna de Vries', '06-12345678', '612 345 678']) expect(text, secret).not.toContain(secret)
    expect(redacted.redacted).toBe(true)
    expect(redacted.participants[2]).toEqual({ name: 'A.E.I. (netwerk)', role: 'network', devices: ['phone', 'desktop'] })
    expect(redacted.plan.bottomLines[0]!.tickedBy).toEqual({ participantId: 'p-jeroen', name: 'J.S. (professional)' })
    // No title: it names the family.
    expect(redacted.conference.title).toBe('Familiegroepsplan (geanonimiseerd)')
    expect(text).not.toContain('Idrissi')
    expect(redacted.facts).toMatchObject({ place: null, children: [{ firstName: 'N.', age: 9 }, { firstName: 'S.', age: 12 }] })
    expect(validator()(JSON.parse(text))).toBe(true)
    expect(PlanExport.safeParse(redacted).success).toBe(true)
  })

  it('refuses input that is not an export input', () => {
    expect(() => planExportJson({ ...input, version: { ...input.version, number: 0 } })).toThrow()
  })
})

describe('docs/plan-export.schema.json', () => {
  it('is what lib/server/export/json.ts generates (run `npx tsx scripts/write-export-schema.ts` after a change)', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(schemaFileText())
  })

  it('documents its fields', () => {
    const schema = planExportJsonSchema() as { title: string; properties: Record<string, { description?: string }> }
    expect(schema.title).toBe('Kring plan export')
    for (const [field, property] of Object.entries(schema.properties)) expect(property.description, field).toBeTruthy()
  })
})
