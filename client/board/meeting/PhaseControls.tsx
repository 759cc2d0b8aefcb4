'use client'

import { useState } from 'react'
import { useT } from '@/client/i18n/I18nProvider'
import type { ConferencePhase } from '@/lib/conference/model'
import type { MeetingActions } from '../session/useMeeting'
import { Dialog } from './Dialog'
import { phaseChangeNeedsConfirm, phaseNeighbours } from './meeting-role'
import styles from './meeting.module.css'
import { ackErrorKey } from './ack-errors'
import { useRequest } from './useRequest'

export interface PhaseControlsProps {
  phase: ConferencePhase
  facilitatorStays: boolean
  actions: Pick<MeetingActions, 'setPhase'>
  disabled: boolean
}

/**
 * The facilitator's phase stepper: back one phase, on to the next. Starting private family time
 * (it sends the professionals away) and closing the meeting (the board becomes read-only) ask first.
 */
export function PhaseControls({ phase, facilitatorStays, actions, disabled }: PhaseControlsProps) {
  const t = useT()
  const request = useRequest<'phase'>()
  const [confirming, setConfirming] = useState<ConferencePhase | null>(null)
  const { previous, next } = phaseNeighbours(phase)

  const go = (target: ConferencePhase) => {
    if (phaseChangeNeedsConfirm(target) || target === 'afgesloten') return setConfirming(target)
    void request.run('phase', () => actions.setPhase(target))
  }
  const confirm = () => {
    const target = confirming
    setConfirming(null)
    if (target) void request.run('phase', () => actions.setPhase(target))
  }

  return (
    <div className={styles.stepper} role="group" aria-label={t('meeting.controls.title')} data-testid="phase-controls">
      {previous ? (
        <button
          type="button"
          className={`button button--quiet button--small ${styles.stepButton}`}
          onClick={() => go(previous)}
          disabled={disabled || request.busy !== null}
          aria-label={t('meeting.controls.previousLabel', { phase: t(`meeting.phase.${previous}`) })}
          data-testid="phase-previous"
        >
          <span aria-hidden="true" className="flip-in-rtl">←</span> {t('meeting.controls.previous')}
        </button>
      ) : null}
      {next ? (
        <button
          type="button"
          className={`button button--small ${styles.stepButton}`}
          onClick={() => go(next)}
          disabled={disabled || request.busy !== null}
          aria-label={t('meeting.controls.nextLabel', { phase: t(`meeting.phase.${next}`) })}
          data-testid="phase-next"
          data-target={next}
        >
          {request.busy !== null ? t('meeting.controls.busy') : t('meeting.controls.next', { phase: t(`meeting.phase.${next}`) })}{' '}
          <span aria-hidden="true" className="flip-in-rtl">→</span>
        </button>
      ) : null}
      {request.failure ? (
        <span className={styles.inlineError} role="alert">
          {t(ackErrorKey(request.failure))}
        </span>
      ) : null}

      <Dialog
        open={confirming === 'besloten_deel'}
        title={t('meeting.controls.confirmPrivateTitle')}
        onCancel={() => setConfirming(null)}
        testId="confirm-private-time"
        actions={
          <>
            <button type="button" className="button" onClick={confirm} data-testid="confirm-private-time-yes">
              {t('meeting.controls.confirmPrivateYes')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </button>
          </>
        }
      >
        <p>{t('meeting.controls.confirmPrivateBody')}</p>
        <p>{facilitatorStays ? t('meeting.controls.confirmPrivateFacilitatorStays') : t('meeting.controls.confirmPrivateFacilitatorLeaves')}</p>
      </Dialog>

      <Dialog
        open={confirming === 'afgesloten'}
        title={t('meeting.controls.confirmCloseTitle')}
        onCancel={() => setConfirming(null)}
        testId="confirm-close"
        actions={
          <>
            <button type="button" className="button" onClick={confirm} data-testid="confirm-close-yes">
              {t('meeting.controls.confirmCloseYes')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </button>
          </>
        }
      >
        <p>{t('meeting.controls.confirmCloseBody')}</p>
      </Dialog>
    </div>
  )
}
