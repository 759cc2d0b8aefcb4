import { z } from 'zod'
import type { Translate } from '../../i18n'
import { PlanAgreement, type Plan } from '../schema'
import type { AgreementFollowUp } from './follow-up'
import { normalisedName } from './people'
import { followUpStatuses } from './status'

/**
 * The review meeting (evaluatie) starts from the facts: per reviewed agreement what was agreed and
 * what happened since (the follow-up, fixed when the evaluatie is created); after the review, what
 * is agreed now. The group confirms an agreement (leaves it as it was), changes it (edits it on
 * the board) or ends it (removes it); the version agreed at the review records that, through the
 * reviewed agreement's id kept on each agreement shape (REVIEWS_META_KEY).
 */
const Count = z.number().int().nonnegative()
export const ReviewHistoryItem = z.object({
  agreement: PlanAgreement,
  status: z.enum(followUpStatuses),
  counts: z.object({ done: Count, cannot: Count, help: Count, missing: Count, covered: Count }),
})
export type ReviewHistoryItem = z.infer<typeof ReviewHistoryItem>
export const ReviewHistory = z.array(ReviewHistoryItem).max(500)

/** What happened to one agreement until now: its status and how its periods came out (the running one only when answered). */
export function reviewHistoryItem(item: AgreementFollowUp): ReviewHistoryItem {
  const counts = { done: 0, cannot: 0, help: 0, missing: 0, covered: 0 }
  for (const period of item.periods) if (period.result !== null) counts[period.result]++
  return { agreement: item.agreement, status: item.status, counts }
}

export type ReviewDecision = 'confirmed' | 'changed' | 'ended'

export interface ReviewRow {
  history: ReviewHistoryItem
  decision: ReviewDecision
  /** The agreement as agreed now; null when it was ended. */
  now: Plan['agreements'][number] | null
}

export interface ReviewOutcome {
  rows: ReviewRow[]
  /** Agreements of the new version that review nothing: agreed for the first time. */
  added: Plan['agreements']
}

function names(refs: readonly { name: string | null }[]): string {
  return refs.map((r) => normalisedName(r.name ?? '')).sort().join('|')
}

function sameAgreement(before: PlanAgreement, after: PlanAgreement): boolean {
  return (
    before.what.trim() === after.what.trim() &&
    before.when.trim() === after.when.trim() &&
    before.howWeKnow.trim() === after.howWeKnow.trim() &&
    names(before.owners) === names(after.owners) &&
    names(before.backup ? [before.backup] : []) === names(after.backup ? [after.backup] : [])
  )
}

/**
 * Per reviewed agreement, what the new version made of it. `sources` maps an agreement id of the
 * new plan to the reviewed agreement it came from (the shape's meta). Two copies of one reviewed
 * agreement (someone duplicated the card): the first in plan order is "now", the other counts as added.
 */
export function reviewOutcome(history: readonly ReviewHistoryItem[], plan: Plan, sources: ReadonlyMap<string, string>): ReviewOutcome {
  const taken = new Set<string>()
  const rows = history.map((h): ReviewRow => {
    const now = plan.agreements.find((a) => sources.get(a.id) === h.agreement.id && !taken.has(a.id)) ?? null
    if (!now) return { history: h, decision: 'ended', now: null }
    taken.add(now.id)
    return { history: h, decision: sameAgreement(h.agreement, now) ? 'confirmed' : 'changed', now }
  })
  return { rows, added: plan.agreements.filter((a) => !taken.has(a.id)) }
}

const countOrder = ['done', 'cannot', 'help', 'missing', 'covered'] as const

/** "Hapert. 1× lukt niet, 1× geen antwoord": the status and the counts that are not zero. */
export function historySummary(item: ReviewHistoryItem, t: Translate): string {
  const counts = countOrder.filter((k) => item.counts[k] > 0).map((k) => t(`followUp.review.count.${k}`, { count: item.counts[k] }))
  return t('followUp.review.summary', { status: t(`followUp.status.${item.status}`), counts: counts.length > 0 ? `${counts.join(', ')}.` : t('followUp.review.noFollowUp') })
}
