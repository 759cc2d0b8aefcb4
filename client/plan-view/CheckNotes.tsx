'use client'

import { useLocale, useT } from '@/client/i18n/I18nProvider'
import type { PlanChecks } from '@/lib/plan/checks'
import { problemText } from './check-text'
import styles from './Plan.module.css'

/** The live checks about one item, right beside it. Nothing when there is nothing to say. */
export function CheckNotes({ itemId, checks }: { itemId: string; checks: PlanChecks }) {
  const t = useT()
  const locale = useLocale()
  const issues = checks.byItem[itemId]
  if (!issues?.length) return null
  return (
    <ul className={styles.checks} aria-label={t('plan.agreement.checks')} data-testid="plan-checks">
      {issues.map((issue, index) => (
        <li key={`${issue.code}-${issue.personId ?? ''}-${index}`} className={styles.check} data-check={issue.code}>
          <span className={styles.checkIcon} aria-hidden="true">
            !
          </span>
          {problemText(t, locale, issue, checks)}
        </li>
      ))}
    </ul>
  )
}
