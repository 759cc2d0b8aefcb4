'use client'

import { useT } from '@/client/i18n/I18nProvider'
import type { PlanChecks } from '@/lib/plan/checks'
import type { Plan } from '@/lib/plan/schema'
import { CheckNotes } from './CheckNotes'
import styles from './Plan.module.css'
import { anchorOf } from './plan-labels'
import type { PlanLookup } from './plan-lookup'
import { Empty, PlanSection } from './PlanSection'

/** The central question: what the plan must answer. Large, on its own. */
export function CentralQuestionSection({ items }: { items: Plan['centralQuestion'] }) {
  const t = useT()
  return (
    <PlanSection name="centralQuestion" title={t('plan.section.centralQuestion')}>
      {items.length === 0 ? <Empty>{t('plan.empty.centralQuestion')}</Empty> : null}
      {items.map((item) => (
        <p key={item.id} id={anchorOf(item.id)} className={styles.question} dir="auto">
          {item.text}
        </p>
      ))}
    </PlanSection>
  )
}

/** Going well, or the worries (each with its check: does a step or agreement answer it?). */
export function TextListSection({ section, items, checks }: { section: 'goingWell' | 'worries'; items: Plan['goingWell']; checks: PlanChecks }) {
  const t = useT()
  return (
    <PlanSection name={section} title={t(`plan.section.${section}`)}>
      {items.length === 0 ? (
        <Empty>{t(`plan.empty.${section}`)}</Empty>
      ) : (
        <ul className={styles.cards}>
          {items.map((item) => (
            <li key={item.id} id={anchorOf(item.id)} className={section === 'worries' ? styles.worryCard : styles.wellCard}>
              <p className={styles.cardText} dir="auto">
                {item.text}
              </p>
              <CheckNotes itemId={item.id} checks={checks} />
            </li>
          ))}
        </ul>
      )}
    </PlanSection>
  )
}

/** What needs to happen, with the worries each step answers. */
export function NextStepsSection({ items, lookup }: { items: Plan['nextSteps']; lookup: PlanLookup }) {
  const t = useT()
  return (
    <PlanSection name="nextSteps" title={t('plan.section.nextSteps')}>
      {items.length === 0 ? (
        <Empty>{t('plan.empty.nextSteps')}</Empty>
      ) : (
        <ul className={styles.cards}>
          {items.map((item) => {
            const answers = answeredTexts(item.answers, lookup)
            return (
              <li key={item.id} id={anchorOf(item.id)} className={styles.stepCard}>
                <p className={styles.cardText} dir="auto">
                {item.text}
              </p>
                {answers.length > 0 ? <p className={styles.answers}>{t('plan.nextStep.answers', { items: answers.join('; ') })}</p> : null}
              </li>
            )
          })}
        </ul>
      )}
    </PlanSection>
  )
}

/** Danger statements, each with its safety goal (Signs of Safety). */
export function DangersSection({ items, checks }: { items: Plan['dangers']; checks: PlanChecks }) {
  const t = useT()
  return (
    <PlanSection name="dangers" title={t('plan.section.dangers')}>
      {items.length === 0 ? (
        <Empty>{t('plan.empty.dangers')}</Empty>
      ) : (
        <ul className={styles.cards}>
          {items.map((item) => (
            <li key={item.id} id={anchorOf(item.id)} className={styles.dangerCard}>
              <dl className={styles.facts}>
                <div>
                  <dt>{t('plan.danger.danger')}</dt>
                  <dd dir="auto">{item.danger || <EmptyField />}</dd>
                </div>
                <div>
                  <dt>{t('plan.danger.goal')}</dt>
                  <dd dir="auto">{item.goal || <EmptyField />}</dd>
                </div>
              </dl>
              <CheckNotes itemId={item.id} checks={checks} />
            </li>
          ))}
        </ul>
      )}
    </PlanSection>
  )
}

/** The biggest unmet needs, phrased positively. */
export function NeedsSection({ items }: { items: Plan['needs'] }) {
  const t = useT()
  return (
    <PlanSection name="needs" title={t('plan.section.needs')}>
      {items.length === 0 ? (
        <Empty>{t('plan.empty.needs')}</Empty>
      ) : (
        <ul className={styles.cards}>
          {items.map((item) => (
            <li key={item.id} id={anchorOf(item.id)} className={styles.needCard}>
              <p className={styles.cardText} dir="auto">
                {item.text}
              </p>
            </li>
          ))}
        </ul>
      )}
    </PlanSection>
  )
}

/** "nog niet ingevuld", quietly, where a field is empty. */
export function EmptyField() {
  const t = useT()
  return <span className={styles.emptyField}>{t('plan.empty.field')}</span>
}

/** The texts of the worries, dangers or needs an item answers (deleted ones left out). */
export function answeredTexts(ids: string[], lookup: PlanLookup): string[] {
  return ids.flatMap((id) => {
    const entry = lookup.get(id)
    return entry && 'text' in entry && entry.text.trim() ? [entry.text.trim()] : []
  })
}
