import type { ExportInput } from './input'
import { initials } from './redact'

/**
 * The case-file facts in a redacted export: the children's first names become initials (their
 * ages stay: the plan is about a 12-year-old, not about Sam), and the place is left out (it can be
 * someone's home); dates, "online" and the facilitator's organisation stay.
 */
export function redactCaseFacts(input: ExportInput): ExportInput {
  if (!input.redacted || input.facts === undefined) return input
  const { values } = input.facts
  return {
    ...input,
    facts: {
      ...input.facts,
      values: { ...values, place: null, children: values.children.map((child) => ({ ...child, firstName: initials(child.firstName) })) },
    },
  }
}
