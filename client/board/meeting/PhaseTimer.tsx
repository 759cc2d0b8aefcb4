'use client'

import { useEffect, useState } from 'react'
import { useT } from '@/client/i18n/I18nProvider'
import type { FacilitationClient } from '@/lib/meeting/facilitation-client'
import { usePhaseTimer } from '../facilitation/useFacilitation'
import { formatCountdown, secondsLeft } from './meeting-role'
import styles from './meeting.module.css'

/**
 * The phase timer as a small countdown beside the phase. The facilitator sets it with the
 * facilitation tools; their `timer` message carries the server's clock, so a device with a wrong
 * clock still counts right. Without it (the plan page's first moment, an older server) the
 * conference state's `timerEndsAt` is counted on this device's clock. "tijd om" once it ran out.
 */
export function PhaseTimer({ endsAt, facilitation }: { endsAt: string | null; facilitation: FacilitationClient | null }) {
  const t = useT()
  const corrected = usePhaseTimer(facilitation)
  const [now, setNow] = useState(() => Date.now())
  const useCorrected = corrected.endsAt !== null && corrected.remaining !== null

  useEffect(() => {
    if (!endsAt || useCorrected) return
    setNow(Date.now())
    const timer = setInterval(() => setNow(Date.now()), 1_000)
    return () => clearInterval(timer)
  }, [endsAt, useCorrected])

  const left = useCorrected ? Math.ceil((corrected.remaining ?? 0) / 1000) : secondsLeft(endsAt, now)
  if (left === null) return null
  const time = formatCountdown(left)
  return (
    <span
      className={styles.timer}
      data-over={left === 0}
      data-testid="phase-timer"
      role="timer"
      aria-label={left === 0 ? t('meeting.timer.overLabel') : t('meeting.timer.label', { time })}
    >
      <span aria-hidden="true">⏱</span> {left === 0 ? t('meeting.timer.over') : t('meeting.timer.left', { time })}
    </span>
  )
}
