import type { Locale, Translate } from '@/lib/i18n'
import type { CheckIssue, PlanChecks } from '@/lib/plan/checks'
import { formatPerWeek, shorten } from './plan-labels'
import type { PlanLookup } from './plan-lookup'

/** What a check says, as a sentence (beside the item it is about). */
export function problemText(t: Translate, locale: Locale, issue: CheckIssue, checks: PlanChecks): string {
  if (issue.code === 'person-overloaded') {
    const load = checks.load.find((entry) => entry.personId === issue.personId)
    return t('plan.check.person-overloaded', { count: formatPerWeek(load?.perWeek ?? 0, locale) })
  }
  return t(`plan.check.${issue.code}`)
}

/** Which item a check is about, in a few words (for the summary at the top). */
export function itemText(t: Translate, itemId: string, lookup: PlanLookup): string {
  const entry = lookup.get(itemId)
  if (!entry) return t('plan.summary.itemUnknown')
  switch (entry.kind) {
    case 'agreement':
      return entry.text.trim() ? t('plan.summary.itemAgreement', { text: shorten(entry.text) }) : t('plan.agreement.noWhat')
    case 'worry':
      return t('plan.summary.itemWorry', { text: shorten(entry.text) })
    case 'need':
      return t('plan.summary.itemNeed', { text: shorten(entry.text) })
    case 'danger':
      return t('plan.summary.itemDanger', { text: shorten(entry.text) })
    case 'bottom-line':
      return t('plan.summary.itemBottomLine', { text: shorten(entry.text) })
    case 'person':
      return t('plan.summary.itemPerson', { name: entry.name.trim() || t('plan.empty.noName') })
    case 'mark':
      return t('plan.summary.itemMark', { name: entry.name })
  }
}
