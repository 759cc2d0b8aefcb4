'use client'

import { useT } from '@/client/i18n/I18nProvider'
import type { ParticipantRole } from '@/lib/conference/model'
import { may } from '@/lib/conference/policy'
import styles from './meeting.module.css'

/**
 * Instead of the canvas (or the plan page) while this person has no board: the waiting room during private family
 * time, or the lobby until the facilitator lets them in. Calm, nothing to do; nothing of the board
 * is on the page (the canvas is unmounted and the sync connection closed).
 */
export function WaitingScreen({ place, role, variant = 'canvas' }: { place: 'waiting-room' | 'lobby'; role: ParticipantRole; variant?: 'canvas' | 'page' }) {
  const t = useT()
  const lobby = place === 'lobby'
  return (
    <div className={variant === 'canvas' ? styles.waiting : styles.waitingPage} data-testid={lobby ? 'lobby-screen' : 'waiting-room'}>
      <section className={styles.waitingCard} role="status" aria-live="polite">
        <div className={styles.waitingRings} aria-hidden="true">
          <span />
          <span />
          <span />
        </div>
        {lobby ? (
          <>
            <h2 className={styles.waitingTitle}>{t('meeting.lobby.title')}</h2>
            <p>{t('meeting.lobby.body')}</p>
          </>
        ) : (
          <>
            <h2 className={styles.waitingTitle}>{t('meeting.waiting.title')}</h2>
            <p className={styles.waitingLead}>{t('meeting.waiting.body')}</p>
            {/* The waiting room is private family time; whoever manages the participants keeps seeing who waits to come in. */}
            <p>{may(role, 'besloten_deel', 'participants.manage') ? t('meeting.waiting.facilitatorHint') : t('meeting.waiting.hint')}</p>
          </>
        )}
      </section>
    </div>
  )
}
