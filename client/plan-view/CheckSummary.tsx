'use client'

import type * as Y from 'yjs'
import { useLocale, useT } from '@/client/i18n/I18nProvider'
import type { BoardSettings } from '@/lib/board/settings'
import type { PlanChecks } from '@/lib/plan/checks'
import { itemText, problemText } from './check-text'
import { LoadList } from './LoadList'
import { LoadThresholdControl } from './LoadThresholdControl'
import styles from './Plan.module.css'
import { anchorOf } from './plan-labels'
import type { PlanLookup } from './plan-lookup'

// Up to this many points the list is open at once; a longer list starts folded (one tap to open).
const OPEN_UP_TO = 5

/**
 * The top of the plan: how many points still need a look (each a link to its item below), and the
 * load per family and network member, with the facilitator's threshold.
 */
export function CheckSummary(props: {
  checks: PlanChecks
  lookup: PlanLookup
  settings: BoardSettings
  doc: Y.Doc
  canSetThreshold: boolean
  /** Is there anything the checks look at (agreements, worries, dangers)? */
  checkable: boolean
}) {
  const { checks, lookup, settings, doc, canSetThreshold, checkable } = props
  const t = useT()
  const locale = useLocale()
  const count = checks.issues.length

  return (
    <section className={styles.summary} aria-labelledby="plan-summary" data-testid="plan-summary">
      <h2 id="plan-summary">{t('plan.summary.heading')}</h2>
      {count === 0 ? (
        checkable ? (
          <p className={styles.allGood}>{t('plan.summary.none')}</p>
        ) : (
          <p className={styles.empty}>{t('plan.summary.nothingYet')}</p>
        )
      ) : (
        <details className={styles.issues} open={count <= OPEN_UP_TO}>
          <summary className={styles.issuesToggle}>
            {count === 1 ? t('plan.summary.countOne') : t('plan.summary.countMany', { count })}
          </summary>
          <ul className={styles.issueList}>
            {checks.issues.map((issue, index) => {
              const text = t('plan.summary.issue', { item: itemText(t, issue.itemId, lookup), problem: problemText(t, locale, issue, checks) })
              return (
                <li key={`${issue.code}-${issue.itemId}-${issue.personId ?? ''}-${index}`} data-check={issue.code}>
                  {/* Orphaned scale marks are not in the plan: nothing below to jump to. */}
                  {issue.code === 'scale-mark-orphan' ? text : <a href={`#${anchorOf(issue.itemId)}`}>{text}</a>}
                </li>
              )
            })}
          </ul>
        </details>
      )}

      <h3 className={styles.loadHeading}>{t('plan.load.heading')}</h3>
      <p className={styles.muted}>{t('plan.load.intro')}</p>
      <LoadList load={checks.load} />
      {canSetThreshold ? (
        <LoadThresholdControl doc={doc} threshold={settings.loadThreshold} />
      ) : (
        <p className={styles.muted}>{t('plan.load.threshold', { count: settings.loadThreshold })}</p>
      )}
    </section>
  )
}
