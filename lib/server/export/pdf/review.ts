import type { Content } from 'pdfmake/interfaces'
import type { PlanAgreement } from '../../../plan/schema'
import { historySummary, type ReviewOutcome } from '../../../plan/follow-up/review'
import type { ExportInput } from '../input'
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
  if (!review || input.redacted || review.rows.length === 0) return []
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
