'use client'

import { useT } from '@/client/i18n/I18nProvider'
import type { Plan } from '@/lib/plan/schema'
import styles from './Plan.module.css'
import { anchorOf } from './plan-labels'
import { Empty, PlanSection } from './PlanSection'

const houses = [
  { key: 'worries', title: 'plan.house.worries' },
  { key: 'goodThings', title: 'plan.house.goodThings' },
  { key: 'dreams', title: 'plan.house.dreams' },
] as const

/** The child's three houses (worries, good things, dreams), in the child's own words and emoji. */
export function ChildVoiceSection({ childVoice }: { childVoice: Plan['childVoice'] }) {
  const t = useT()
  const empty = houses.every((house) => childVoice[house.key].length === 0) && childVoice.drawings === 0
  return (
    <PlanSection name="childVoice" title={t('plan.section.childVoice')}>
      {empty ? (
        <Empty>{t('plan.empty.childVoice')}</Empty>
      ) : (
        <>
          <div className={styles.houses}>
            {houses.map((house) => (
              <div key={house.key} className={styles.house} data-house={house.key}>
                <h3>{t(house.title)}</h3>
                {childVoice[house.key].length === 0 ? (
                  <Empty>{t('plan.house.empty')}</Empty>
                ) : (
                  <ul className={styles.houseCards}>
                    {childVoice[house.key].map((card) => (
                      <li key={card.id} id={anchorOf(card.id)}>
                        {card.emoji ? <span className={styles.emoji}>{card.emoji}</span> : null}
                        {card.text ? <span dir="auto">{card.text}</span> : null}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            ))}
          </div>
          {childVoice.drawings > 0 ? (
            <p className={styles.muted}>
              {childVoice.drawings === 1 ? t('plan.house.drawingsOne') : t('plan.house.drawingsMany', { count: childVoice.drawings })}
            </p>
          ) : null}
        </>
      )}
    </PlanSection>
  )
}
