'use client'

import { useLocale, useT } from '@/client/i18n/I18nProvider'
import type { PersonLoad } from '@/lib/plan/checks'
import styles from './Plan.module.css'
import { anchorOf, loadFrequencyText } from './plan-labels'

/** "Tante Amira — 2 afspraken, ongeveer 3 keer per week", a warning for whoever has too much. */
export function LoadList({ load }: { load: PersonLoad[] }) {
  const t = useT()
  const locale = useLocale()
  if (load.length === 0) return <p className={styles.empty}>{t('plan.load.none')}</p>
  return (
    <ul className={styles.loadList} data-testid="plan-load">
      {load.map((person) => (
        <li key={person.personId} className={person.overloaded ? styles.loadOver : styles.load} data-overloaded={person.overloaded}>
          <a className={styles.loadName} href={`#${anchorOf(person.personId)}`}>
            <bdi>{person.name.trim() || t('plan.empty.noName')}</bdi>
          </a>
          <span>
            {person.agreements === 1 ? t('plan.load.agreementsOne') : t('plan.load.agreementsMany', { count: person.agreements })}
            {', '}
            {loadFrequencyText(t, locale, person)}
          </span>
          {person.overloaded ? <strong className={styles.badge}>{t('plan.load.tooMuch')}</strong> : null}
        </li>
      ))}
    </ul>
  )
}
