'use client'

import { useT } from '@/client/i18n/I18nProvider'
import { conferencePhases, type ConferencePhase } from '@/lib/conference/model'
import type { FacilitationClient } from '@/lib/meeting/facilitation-client'
import { phaseNumber } from './meeting-role'
import styles from './meeting.module.css'
import { PhaseTimer } from './PhaseTimer'

/**
 * The phase the meeting is in, always in view (header, waiting room, lobby), with the phase
 * timer when one runs. Private family time stands out: it changes who has the board.
 */
export function PhaseBadge({
  phase,
  timerEndsAt,
  facilitation = null,
}: {
  phase: ConferencePhase | null
  timerEndsAt: string | null
  /** The meeting's facilitation binding, for a countdown on the server's clock. */
  facilitation?: FacilitationClient | null
}) {
  const t = useT()
  if (!phase) {
    return (
      <span className={styles.phase} data-testid="phase" data-phase="unknown">
        {t('meeting.phase.unknown')}
      </span>
    )
  }
  const name = t(`meeting.phase.${phase}`)
  return (
    <span className={styles.phaseLine}>
      <span
        className={styles.phase}
        data-testid="phase"
        data-phase={phase}
        aria-label={t('meeting.phase.label', { number: phaseNumber(phase), total: conferencePhases.length, phase: name })}
      >
        <span className={styles.phaseNumber} aria-hidden="true">
          {phaseNumber(phase)}/{conferencePhases.length}
        </span>
        {name}
      </span>
      <PhaseTimer endsAt={timerEndsAt} facilitation={facilitation} />
    </span>
  )
}
