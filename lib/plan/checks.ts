import type { BoardSettings } from '../board/settings'
import { deriveBoard, type PlanFindings } from './derive'
import { occurrencesPerWeek, type Frequency } from './frequency'
import type { Plan } from './schema'

/**
 * The live checks of a plan (issue 3, section 5): what is still missing or worrying, shown on the
 * plan view beside the items they are about. Pure, and cheap enough to run on every change.
 */

export const checkCodes = [
  'agreement-no-owner',
  'agreement-no-when',
  'agreement-no-backup',
  'agreement-owner-missing',
  'worry-unanswered',
  'bottom-line-unanswered',
  'person-overloaded',
  'scale-mark-orphan',
] as const
export type CheckCode = (typeof checkCodes)[number]

export interface CheckIssue {
  code: CheckCode
  /** The board item the issue is about (agreement, worry, danger statement, bottom line, person, scale mark). */
  itemId: string
  /** The person concerned: a deleted owner or backup, or the overloaded person. */
  personId?: string
}

export interface PersonLoad {
  personId: string
  name: string
  /** Agreements this person carries out or stands in for. */
  agreements: number
  /** How often per week, roughly, of the agreements whose "when" could be read (frequency.ts); standing in counts for half. */
  perWeek: number
  /** Agreements whose "when" says nothing we can count ("als het nodig is"): shown as unknown, never guessed. */
  unknownFrequency: number
  /** Known load above the board's threshold (an unknown frequency adds nothing to it). */
  overloaded: boolean
}

export interface PlanChecks {
  issues: CheckIssue[]
  /** Family and network members with at least one agreement, the most loaded first. */
  load: PersonLoad[]
  /** The issues by the item they are about. */
  byItem: Record<string, CheckIssue[]>
}

/**
 * A backup stands in now and then, not every time; counting it fully would flag everyone who
 * backs up a daily task. Counting it not at all would hide that they must keep that time free.
 */
export const BACKUP_SHARE = 0.5

/** Groups whose load is watched: professionals and institutions do this work as their job. */
const watchedGroups = new Set(['family', 'network'])

/** The checks of a plan. Pass the derivation's findings (deriveBoard) to report orphaned scale marks too. */
export function checkPlan(plan: Plan, settings: BoardSettings, findings?: PlanFindings): PlanChecks {
  const issues: CheckIssue[] = [...agreementIssues(plan), ...unansweredWorries(plan), ...unansweredBottomLines(plan)]
  const load = loadPerPerson(plan, settings)
  for (const person of load) if (person.overloaded) issues.push({ code: 'person-overloaded', itemId: person.personId, personId: person.personId })
  for (const mark of findings?.orphanMarks ?? []) issues.push({ code: 'scale-mark-orphan', itemId: mark.id })

  const byItem: Record<string, CheckIssue[]> = {}
  for (const issue of issues) (byItem[issue.itemId] ??= []).push(issue)
  return { issues, load, byItem }
}

/** Derive the plan from a board's records and check it, orphaned scale marks included. */
export function checkRecords(records: Record<string, unknown>, settings: BoardSettings): PlanChecks & { plan: Plan } {
  const { plan, findings } = deriveBoard(records)
  return { plan, ...checkPlan(plan, settings, findings) }
}

function agreementIssues(plan: Plan): CheckIssue[] {
  const issues: CheckIssue[] = []
  for (const agreement of plan.agreements) {
    const itemId = agreement.id
    // An agreement whose owners were all deleted reports each missing owner, not also "no owner".
    if (agreement.owners.length === 0) issues.push({ code: 'agreement-no-owner', itemId })
    for (const owner of agreement.owners) if (owner.name === null) issues.push({ code: 'agreement-owner-missing', itemId, personId: owner.id })
    if (agreement.when.trim() === '') issues.push({ code: 'agreement-no-when', itemId })
    // A backup who was deleted leaves the agreement without one.
    if (agreement.backup === null) issues.push({ code: 'agreement-no-backup', itemId })
    else if (agreement.backup.name === null) issues.push({ code: 'agreement-no-backup', itemId, personId: agreement.backup.id })
  }
  return issues
}

/** Worries and danger statements that no next step and no agreement says it answers. */
function unansweredWorries(plan: Plan): CheckIssue[] {
  const answered = new Set<string>([...plan.nextSteps.flatMap((step) => step.answers), ...plan.agreements.flatMap((agreement) => agreement.answers)])
  return [...plan.worries, ...plan.dangers]
    .filter((item) => !answered.has(item.id))
    .map((item) => ({ code: 'worry-unanswered' as const, itemId: item.id }))
}

/**
 * Bottom lines no agreement says it answers: the plan must meet each of them, so each needs an
 * agreement that does (a next step is not enough: it is not yet something someone promised).
 * Reported whether or not a professional ticked it off, so the link is not forgotten.
 */
function unansweredBottomLines(plan: Plan): CheckIssue[] {
  return plan.bottomLines.filter((line) => line.answeredBy.length === 0).map((line) => ({ code: 'bottom-line-unanswered' as const, itemId: line.id }))
}

function loadPerPerson(plan: Plan, settings: BoardSettings): PersonLoad[] {
  const people = new Map(plan.people.filter((person) => watchedGroups.has(person.group)).map((person) => [person.id, person]))
  const load = new Map<string, PersonLoad>()
  const count = (personId: string, perWeek: Frequency, share: number) => {
    const person = people.get(personId)
    if (!person) return
    const entry = load.get(personId) ?? { personId, name: person.name, agreements: 0, perWeek: 0, unknownFrequency: 0, overloaded: false }
    entry.agreements += 1
    if (perWeek === 'unknown') entry.unknownFrequency += 1
    else entry.perWeek += perWeek * share
    load.set(personId, entry)
  }
  for (const agreement of plan.agreements) {
    const perWeek = occurrencesPerWeek(agreement.when)
    const owners = new Set(agreement.owners.map((owner) => owner.id))
    for (const owner of owners) count(owner, perWeek, 1)
    // Backing up your own agreement adds nothing.
    if (agreement.backup && !owners.has(agreement.backup.id)) count(agreement.backup.id, perWeek, BACKUP_SHARE)
  }
  return [...load.values()]
    .map((entry) => ({ ...entry, perWeek: Math.round(entry.perWeek * 100) / 100, overloaded: entry.perWeek > settings.loadThreshold }))
    .sort((a, b) => b.perWeek - a.perWeek || b.agreements - a.agreements || a.name.localeCompare(b.name))
}
