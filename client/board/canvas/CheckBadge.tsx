'use client'

import { useT } from '@/client/i18n/I18nProvider'
import type { CheckCode } from '@/lib/plan/checks'
import type { MessageKey } from '@/lib/i18n'
import styles from './items.module.css'
import { useItemIssues, type ItemIssue } from './board-checks'

const checkKey = (code: CheckCode) => `plan.check.${code}` as const satisfies MessageKey

/** Each issue of an item once, in words. */
function useTexts(issues: readonly ItemIssue[]): string[] {
  const t = useT()
  const texts = issues.map((issue) => t(checkKey(issue.code), { count: issue.perWeek ?? '' }))
  return [...new Set(texts)]
}

/**
 * A small warning on an item the plan's live checks have something to say about: in the item's
 * heading (`inline`) or in its top-right corner. Always inside the item, so a neighbour laid
 * over its edge cannot hide it.
 */
export function CheckBadge({ shapeId, placement = 'corner' }: { shapeId: string; placement?: 'inline' | 'corner' }) {
  const t = useT()
  const issues = useItemIssues(shapeId)
  const texts = useTexts(issues)
  if (issues.length === 0) return null
  const codes = [...new Set(issues.map((issue) => issue.code))]
  const text = t('items.check.badge', { issues: texts.join(' · ') })
  return (
    <span className={placement === 'inline' ? styles.badge : `${styles.badge} ${styles.badgeCorner}`} role="img" aria-label={text} title={text} data-testid="check-badge" data-codes={codes.join(' ')}>
      !
    </span>
  )
}

/** The same issues in words, for the item editor. */
export function useIssueTexts(shapeId: string): string[] {
  return useTexts(useItemIssues(shapeId))
}
