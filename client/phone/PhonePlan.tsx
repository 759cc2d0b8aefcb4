'use client'

import { useMemo } from 'react'
import { useT } from '@/client/i18n/I18nProvider'
import { derivePlanFromRecords } from '@/lib/plan/derive'
import type { PlanAgreement } from '@/lib/plan/schema'
import { myAgreementIds } from './phone-board'
import styles from './phone.module.css'

interface Props {
  records: Record<string, unknown>
  me: { participantId: string; displayName: string }
  planHref: string
}

/**
 * The plan as it follows from the board (lib/plan/derive, the one derivation), her own agreements
 * first: what she does, when, with whom. Loaded after the view is usable (React.lazy): the
 * derivation's schemas are not on the first paint's path.
 */
export default function PhonePlan({ records, me, planHref }: Props) {
  const t = useT()
  const { mine, others } = useMemo(() => {
    const plan = derivePlanFromRecords(records)
    const ids = myAgreementIds(records, me)
    return { mine: plan.agreements.filter((a) => ids.has(a.id)), others: plan.agreements.filter((a) => !ids.has(a.id)) }
  }, [records, me])
  return (
    <div data-testid="phone-plan">
      <h3 className={styles.subhead}>{t('phone.plan.mine')}</h3>
      {mine.length === 0 ? <p className={styles.muted}>{t('phone.plan.noneMine')}</p> : <Agreements list={mine} testId="phone-plan-mine" />}
      <h3 className={styles.subhead}>{t('phone.plan.others')}</h3>
      {others.length === 0 ? <p className={styles.muted}>{t('phone.plan.none')}</p> : <Agreements list={others} testId="phone-plan-others" />}
      <a className={styles.link} href={planHref}>
        {t('phone.plan.full')}
      </a>
    </div>
  )
}

function Agreements({ list, testId }: { list: PlanAgreement[]; testId: string }) {
  const t = useT()
  return (
    <ul className={styles.agreements} data-testid={testId}>
      {list.map((agreement) => {
        const names = agreement.owners.map((owner) => owner.name ?? t('items.agreement.personGone')).join(', ')
        return (
          <li key={agreement.id} className={styles.agreement} data-testid="phone-agreement" dir="auto">
            <p className={styles.agreementWhat}>{agreement.what || '…'}</p>
            {agreement.when ? <p className={styles.muted}>{t('phone.plan.when', { when: agreement.when })}</p> : null}
            {names ? <p className={styles.muted}>{t('phone.plan.who', { names })}</p> : null}
          </li>
        )
      })}
    </ul>
  )
}
