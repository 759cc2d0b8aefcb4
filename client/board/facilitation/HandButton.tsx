'use client'

import { useT } from '@/client/i18n/I18nProvider'
import { placeInQueue } from '@/lib/conference/facilitation-hands'
import { may } from '@/lib/conference/policy'
import styles from './facilitation.module.css'
import { HandIcon } from './icons'
import { CanvasControl, FailureNote, type ToolProps } from './shared'
import { useRequest } from '../meeting/useRequest'
import { useHands } from './useFacilitation'

/**
 * Raise or lower one's own hand, for everyone who may (`hand.raise`: not the facilitator, not
 * an observer, only while in the room). With the hand up it says your place in the queue.
 */
export function HandButton({ facilitation, me, phase, context }: ToolProps) {
  const t = useT()
  const queue = useHands(facilitation)
  const request = useRequest<'raise' | 'lower'>()
  if (!facilitation || phase === null || !may(me.role, phase, 'hand.raise', context)) return null
  const place = placeInQueue(queue, me.participantId)
  const up = place !== null
  const label = up ? t('facilitation.hand.lower') : t('facilitation.hand.raise')
  return (
    <CanvasControl testId="hand-button">
      <button
        type="button"
        className={styles.button}
        aria-pressed={up}
        aria-label={up ? `${label}. ${t('facilitation.hand.raisedHint', { place })}` : label}
        title={up ? t('facilitation.hand.raisedHint', { place }) : undefined}
        disabled={request.busy !== null}
        onClick={() => request.run(up ? 'lower' : 'raise', () => (up ? facilitation.lowerHand() : facilitation.raiseHand()))}
      >
        <HandIcon />
        <span className={styles.label}>{label}</span>
        {up ? <span className={styles.badge}>{place}</span> : null}
      </button>
      <FailureNote failure={request.failure} />
    </CanvasControl>
  )
}
