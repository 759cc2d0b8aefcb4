'use client'

import { useT } from '@/client/i18n/I18nProvider'
import type { PlanSafetyItem } from '@/lib/plan/schema'
import styles from './Plan.module.css'
import { anchorOf, telHref } from './plan-labels'
import { Empty, PlanSection } from './PlanSection'
import { EmptyField } from './TextSections'

/** The safety plan: warning signal, what happens then, whom to call (one tap on a phone), a safe place. */
export function SafetyPlanSection({ items }: { items: PlanSafetyItem[] }) {
  const t = useT()
  return (
    <PlanSection name="safetyPlan" title={t('plan.section.safetyPlan')}>
      {items.length === 0 ? (
        <Empty>{t('plan.empty.safetyPlan')}</Empty>
      ) : (
        <ul className={styles.cards}>
          {items.map((item) => (
            <li key={item.id} id={anchorOf(item.id)} className={styles.safetyCard} data-testid="plan-safety-item">
              <dl className={styles.facts}>
                <div>
                  <dt>{t('plan.safety.signal')}</dt>
                  <dd dir="auto">{item.signal.trim() || <EmptyField />}</dd>
                </div>
                <div>
                  <dt>{t('plan.safety.action')}</dt>
                  <dd dir="auto">{item.action.trim() || <EmptyField />}</dd>
                </div>
                <div>
                  <dt>{t('plan.safety.contact')}</dt>
                  <dd>
                    <Contact name={item.contactName.trim()} phone={item.contactPhone.trim()} />
                  </dd>
                </div>
                <div>
                  <dt>{t('plan.safety.safePlace')}</dt>
                  <dd dir="auto">{item.safePlace.trim() || <EmptyField />}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </PlanSection>
  )
}

function Contact({ name, phone }: { name: string; phone: string }) {
  const t = useT()
  const href = telHref(phone)
  if (!href) return name ? <>{name}</> : <EmptyField />
  return (
    <a className={styles.call} href={href}>
      <span aria-hidden="true" className={styles.callIcon}>
        ☎
      </span>
      {name ? t('plan.safety.call', { name, phone }) : t('plan.safety.callNumber', { phone })}
    </a>
  )
}
