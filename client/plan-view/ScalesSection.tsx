'use client'

import { useT } from '@/client/i18n/I18nProvider'
import { isolate } from '@/lib/i18n/format'
import type { PlanScale } from '@/lib/plan/schema'
import styles from './Plan.module.css'
import { anchorOf } from './plan-labels'
import { Empty, PlanSection } from './PlanSection'

/** Each scale with every person's score on it, low to high, as text and as a bar. */
export function ScalesSection({ scales }: { scales: PlanScale[] }) {
  const t = useT()
  return (
    <PlanSection name="scales" title={t('plan.section.scales')}>
      {scales.length === 0 ? <Empty>{t('plan.empty.scales')}</Empty> : <p className={styles.muted}>{t('plan.scale.legend')}</p>}
      {scales.map((scale) => (
        <div key={scale.id} id={anchorOf(scale.id)} className={styles.scale}>
          <h3 dir="auto">{scale.question.trim() || t('plan.scale.noQuestion')}</h3>
          {scale.marks.length === 0 ? (
            <Empty>{t('plan.scale.noMarks')}</Empty>
          ) : (
            <ul className={styles.marks}>
              {scale.marks.map((mark) => (
                <li key={mark.participantId} className={styles.mark}>
                  <span className={styles.markText}>{t('plan.scale.mark', { name: isolate(mark.name.trim() || t('plan.empty.noName')), value: mark.value })}</span>
                  <span className={styles.markTrack} aria-hidden="true">
                    <span className={styles.markBar} style={{ width: `${mark.value * 10}%` }} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </PlanSection>
  )
}
