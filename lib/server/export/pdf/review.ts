import type { Content } from 'pdfmake/interfaces'
import { emptyPlan, type PlanAgreement } from '../../../plan/schema'
import { historySummary, type ReviewOutcome } from '../../../plan/follow-up/review'
import type { ExportInput } from '../input'
import { redactorFor, redactPlan, type KnownPerson } from '../redact'
import { heading, table, type SectionContext } from './sections'

/**
 * An evaluatie's PDF: per agreement of the reviewed plan what was agreed, what happened since (the
 * follow-up when the review started) and what is agreed now (confirmed, changed or ended), then
 * the agreements that are new. Left out of a redacted export: the reviewed agreements' words are
 * not scrubbed of names here.
 */
function line(a: PlanAgreement): string {
  const who = a.owners.map((o) => o.name ?? '?').join(', ')
  return [a.what.trim(), [who, a.when.trim()].filter((s) => s !== '').join(', ')].filter((s) => s !== '').join(' — ')
}

export function reviewSection(input: Pick<ExportInput, 'redacted'> & { review?: ReviewOutcome | undefined }, ctx: SectionContext): Content[] {
  const review = input.review
  if (!review || review.rows.length === 0) return []
  const { t } = ctx
  const rows = review.rows.map((row) => {
    const h = row.history
    const happened = historySummary(h, t)
    let now: string
    if (row.now === null) now = t('followUp.pdf.review.ended')
    else {
      now = t(row.decision === 'confirmed' ? 'followUp.pdf.review.confirmed' : 'followUp.pdf.review.changed', { what: line(row.now) })
      if (row.now.status !== 'open') now += ` (${t('exports.col.status')} ${t(`exports.status.${row.now.status}`)})`
    }
    return [line(h.agreement), happened, now]
  })
  const content: Content[] = [
    heading(t('followUp.pdf.review.title')),
    table(['*', '*', '*'], [t('followUp.pdf.review.agreed'), t('followUp.pdf.review.happened'), t('followUp.pdf.review.now')], rows),
  ]
  if (review.added.length > 0) content.push({ text: t('followUp.pdf.review.new'), bold: true, margin: [0, 6, 0, 2] }, { ul: review.added.map(line), margin: [0, 0, 0, 4] })
  return content
}

/**
 * The review with every person as their replacement, as lib/server/export/redact.ts does for the
 * plan: the reviewed agreements' people are known too (as in the new plan, else as network).
 * Takes the unredacted input: its title's family name is one of the names to scrub.
 */
export function redactReview(input: ExportInput, review: ReviewOutcome): ReviewOutcome {
  const groups = new Map(input.plan.people.map((p) => [p.name, p.group]))
  const refs = review.rows.flatMap((row) => [...row.history.agreement.owners, ...(row.history.agreement.backup ? [row.history.agreement.backup] : [])])
  const people: KnownPerson[] = refs.flatMap((ref) => (ref.name === null ? [] : [{ name: ref.name, role: groups.get(ref.name) ?? 'network' }]))
  const redactor = redactorFor(input, people)
  const one = (agreement: PlanAgreement): PlanAgreement => redactPlan({ ...emptyPlan(), agreements: [agreement] }, redactor).agreements[0]!
  return {
    rows: review.rows.map((row) => ({ ...row, history: { ...row.history, agreement: one(row.history.agreement) }, now: row.now === null ? null : one(row.now) })),
    added: review.added.map(one),
  }
}
