'use client'

import { useT } from '@/client/i18n/I18nProvider'
import { formatCountdown } from '@/lib/conference/facilitation-timer'
import type { FacilitationClient } from '@/lib/meeting/facilitation-client'
import { usePhaseTimer } from '../facilitation/useFacilitation'
import styles from './meeting.module.css'

/**
 * The phase timer's countdown, beside the phase, for everyone: the one place it is shown (the
 * facilitator sets it with the tools' PhaseTimerControls). It counts on the server's clock once the
 * facilitation binding reports the timer, else on `endsAt` from the conference state (see
 * phaseTimeLeft). "tijd om" once it ran out.
 */
export function PhaseTimer({ endsAt, facilitation }: { endsAt: string | null; facilitation: FacilitationClient | null }) {
  const t = useT()
  const { remaining } = usePhaseTimer(facilitation, endsAt)
  if (remaining === null) return null
  const over = remaining === 0
  const time = formatCountdown(remaining)
  return (
    <span
      className={styles.timer}
      data-over={over}
      data-testid="phase-timer"
      role="timer"
      aria-label={over ? t('meeting.timer.overLabel') : t('meeting.timer.label', { time })}
    >
      <span aria-hidden="true">⏱</span> {over ? t('meeting.timer.over') : t('meeting.timer.left', { time })}
    </span>
  )
}
