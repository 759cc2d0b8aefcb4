'use client'

import { useState, type JSX } from 'react'
import { useT } from '@/client/i18n/I18nProvider'
import type { PlanReadiness, PlanWarning } from '@/lib/plan/readiness'
import { itemText } from '../check-text'
import type { PlanLookup } from '../plan-lookup'
import styles from './AgreementBar.module.css'

/**
 * Before "Voorstellen" (lib/plan/readiness.ts): what stops the plan from being proposed, and the
 * open warnings as a checklist the facilitator ticks one by one. The button is enabled only when
 * nothing blocks and every warning now on the list is ticked; the ticked ids go with the request,
 * and the server refuses them when the board changed meanwhile.
 */
export function ProposeReadiness({
  readiness,
  lookup,
  children,
}: {
  readiness: PlanReadiness
  lookup: PlanLookup
  /** The propose button, given the ids to confirm and whether it may be pressed now. */
  children(accepted: string[], ready: boolean): JSX.Element
}): JSX.Element {
  const t = useT()
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set())
  // Only warnings still on the list count: a new one after a board change starts unticked.
  const accepted = readiness.warnings.filter((warning) => ticked.has(warning.id)).map((warning) => warning.id)
  const blocked = readiness.blocking.length > 0
  const ready = !blocked && accepted.length === readiness.warnings.length
  const toggle = (id: string, on: boolean) =>
    setTicked((current) => {
      const next = new Set(current)
      if (on) next.add(id)
      else next.delete(id)
      return next
    })

  return (
    <div className={styles.readiness} data-testid="propose-readiness">
      {blocked ? (
        <div className={styles.blocking} data-testid="propose-blocking">
          <p className={styles.lead}>{t('plan.ready.blockedLead')}</p>
          <ul>
            {readiness.blocking.map((reason) => (
              <li key={reason} data-reason={reason}>
                {t(`plan.ready.blocking.${reason}`)}
              </li>
            ))}
          </ul>
        </div>
      ) : readiness.warnings.length > 0 ? (
        <fieldset className={styles.warnings} data-testid="propose-warnings">
          <legend className={styles.lead}>{t('plan.ready.warningsLead', { count: readiness.warnings.length })}</legend>
          <p className={styles.hint}>{t('plan.ready.warningsHint')}</p>
          <ul>
            {readiness.warnings.map((warning) => (
              <li key={warning.id}>
                <label className={styles.warning}>
                  <input
                    type="checkbox"
                    checked={ticked.has(warning.id)}
                    onChange={(event) => toggle(warning.id, event.currentTarget.checked)}
                    data-testid="propose-warning"
                  />
                  <span>
                    <WarningText warning={warning} lookup={lookup} />
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : (
        <p className={styles.hint}>{t('plan.ready.noWarnings')}</p>
      )}
      {children(accepted, ready)}
    </div>
  )
}

function WarningText({ warning, lookup }: { warning: PlanWarning; lookup: PlanLookup }): JSX.Element {
  const t = useT()
  return <>{t('plan.summary.issue', { item: itemText(t, warning.itemId, lookup), problem: t(`plan.ready.warning.${warning.code}`) })}</>
}
