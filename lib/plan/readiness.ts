import { z } from 'zod'
import type { BoardSettings } from '../board/settings'
import { checkPlan, type CheckIssue } from './checks'
import type { Plan } from './schema'

/**
 * Is this plan ready to be proposed for agreement? Two kinds of answer (issue 11):
 *
 * - Blocking reasons: without them there is no plan to agree on. A plan needs at least one
 *   agreement, and it must answer the central question. "Answers the central question" means:
 *   a central-question card with text on it AND at least one agreement (an agreement counts
 *   when something is written under "what"; an empty card just added from the palette does not).
 *   Whether the agreements really answer the question is for the people at the table to judge,
 *   not for the software.
 * - Warnings: the live checks that matter for the plan (worries or bottom lines nothing answers,
 *   agreements without owner, when or backup, overloaded members). They do not block, but the
 *   facilitator confirms each one knowingly, and the frozen version records which ones, by whom.
 *   Orphaned scale marks are left out: they say nothing about the plan.
 *
 * Pure and browser-safe: the plan view shows the same list the server checks against.
 */

export const blockingReasons = ['no-central-question', 'no-agreement'] as const
export type BlockingReason = (typeof blockingReasons)[number]
export const BlockingReasonSchema = z.enum(blockingReasons)

export const warningCodes = [
  'agreement-no-owner',
  'agreement-owner-missing',
  'agreement-no-when',
  'agreement-no-backup',
  'worry-unanswered',
  'bottom-line-unanswered',
  'person-overloaded',
] as const satisfies readonly CheckIssue['code'][]
export type WarningCode = (typeof warningCodes)[number]

/** One open warning. `id` is stable while the board says the same thing (code, item, person). */
export const PlanWarning = z.object({
  id: z.string().min(1).max(200),
  code: z.enum(warningCodes),
  /** The board item it is about (agreement, worry, danger statement, bottom line, person). */
  itemId: z.string().min(1).max(80),
  /** The person concerned (a deleted owner or backup, the overloaded person), when there is one. */
  personId: z.string().min(1).max(80).optional(),
})
export type PlanWarning = z.infer<typeof PlanWarning>

/** The ids a facilitator accepts, as the propose request carries them. */
export const AcceptedWarningIds = z.array(z.string().min(1).max(200)).max(500)

export interface PlanReadiness {
  blocking: BlockingReason[]
  warnings: PlanWarning[]
}

const warningSet = new Set<string>(warningCodes)

function isWarning(issue: CheckIssue): issue is CheckIssue & { code: WarningCode } {
  return warningSet.has(issue.code)
}

export function warningIdOf(issue: { code: string; itemId: string; personId?: string }): string {
  return [issue.code, issue.itemId, issue.personId ?? ''].join('|')
}

/** What stands between this plan and a proposal, and what the facilitator must confirm first. */
export function readinessOf(plan: Plan, settings: BoardSettings): PlanReadiness {
  const blocking: BlockingReason[] = []
  if (!plan.centralQuestion.some((card) => card.text.trim() !== '')) blocking.push('no-central-question')
  if (!plan.agreements.some((agreement) => agreement.what.trim() !== '')) blocking.push('no-agreement')
  const seen = new Set<string>()
  const warnings: PlanWarning[] = []
  for (const issue of checkPlan(plan, settings).issues) {
    if (!isWarning(issue)) continue
    const id = warningIdOf(issue)
    if (seen.has(id)) continue
    seen.add(id)
    warnings.push({ id, code: issue.code, itemId: issue.itemId, ...(issue.personId ? { personId: issue.personId } : {}) })
  }
  return { blocking, warnings }
}

/** True when the accepted ids are exactly the current warnings (order and repeats do not matter). */
export function acceptsExactly(warnings: readonly PlanWarning[], accepted: readonly string[]): boolean {
  const current = new Set(warnings.map((warning) => warning.id))
  const given = new Set(accepted)
  if (current.size !== given.size) return false
  for (const id of given) if (!current.has(id)) return false
  return true
}
