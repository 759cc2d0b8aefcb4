import type { PlanFindings } from '@/lib/plan/derive'
import type { Plan } from '@/lib/plan/schema'

/** What an id on the board is, as the plan view names it. */
export type PlanEntry =
  | { kind: 'agreement'; text: string }
  | { kind: 'worry'; text: string }
  | { kind: 'danger'; text: string }
  | { kind: 'need'; text: string }
  | { kind: 'bottom-line'; text: string }
  | { kind: 'person'; name: string }
  | { kind: 'mark'; name: string }

export type PlanLookup = ReadonlyMap<string, PlanEntry>

/** Ids of the plan's items (and of orphaned marks) to what they are, for summaries and references. */
export function planLookup(plan: Plan, findings: PlanFindings): PlanLookup {
  const lookup = new Map<string, PlanEntry>()
  for (const person of plan.people) lookup.set(person.id, { kind: 'person', name: person.name })
  for (const worry of plan.worries) lookup.set(worry.id, { kind: 'worry', text: worry.text })
  for (const danger of plan.dangers) lookup.set(danger.id, { kind: 'danger', text: danger.danger || danger.goal })
  for (const need of plan.needs) lookup.set(need.id, { kind: 'need', text: need.text })
  for (const line of plan.bottomLines) lookup.set(line.id, { kind: 'bottom-line', text: line.text })
  for (const agreement of plan.agreements) lookup.set(agreement.id, { kind: 'agreement', text: agreement.what })
  for (const mark of findings.orphanMarks) lookup.set(mark.id, { kind: 'mark', name: mark.name })
  return lookup
}
