'use client'

import { useCallback, useId, useRef, useState, type FormEvent } from 'react'
import { useT } from '@/client/i18n/I18nProvider'
import { formatCountdown, MAX_TIMER_MINUTES } from '@/lib/conference/facilitation-timer'
import { may } from '@/lib/conference/policy'
import styles from './facilitation.module.css'
import { TimerIcon } from './icons'
import { CanvasControl, FailureNote, useDismiss, type ToolProps } from './shared'
import { useRequest } from '../meeting/useRequest'
import { usePhaseTimer } from './useFacilitation'

const DEFAULT_MINUTES = 10

/**
 * The facilitator's part of the phase timer: a button (showing the time left while the timer
 * runs) that opens a form to set it in minutes or stop it. Everyone's countdown is
 * client/board/meeting/PhaseTimer.tsx in the header; someone who may not set the timer sees
 * nothing here.
 */
export function PhaseTimerControls({ facilitation, me, phase, context }: ToolProps) {
  const t = useT()
  const { remaining } = usePhaseTimer(facilitation)
  const request = useRequest<'set' | 'stop'>()
  const [open, setOpen] = useState(false)
  const [minutes, setMinutes] = useState(String(DEFAULT_MINUTES))
  const ref = useRef<HTMLDivElement>(null)
  const formId = useId()
  const close = useCallback(() => setOpen(false), [])
  useDismiss(open, ref, close)
  if (!facilitation) return null
  if (phase === null || !may(me.role, phase, 'facilitation.lead', context)) return null

  const running = remaining !== null
  const up = remaining === 0
  const time = remaining === null ? '' : formatCountdown(remaining)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const value = Number(minutes)
    if (!Number.isInteger(value) || value < 1 || value > MAX_TIMER_MINUTES) return
    request.run('set', async () => {
      const result = await facilitation.setTimer(value)
      if (result.ok) setOpen(false)
      return result
    })
  }
  return (
    <CanvasControl testId="phase-timer-controls">
      <div ref={ref}>
        <button
          type="button"
          className={`${styles.button} ${up ? styles.timeUp : ''}`}
          aria-expanded={open}
          aria-controls={formId}
          aria-label={running ? `${t('facilitation.timer.setLabel')}. ${up ? t('facilitation.timer.up') : t('facilitation.timer.remainingLabel', { time })}` : t('facilitation.timer.setLabel')}
          onClick={() => setOpen((value) => !value)}
        >
          <TimerIcon />
          {running ? (
            <span className={styles.time} aria-hidden="true">
              {up ? t('facilitation.timer.up') : time}
            </span>
          ) : (
            <span className={styles.label}>{t('facilitation.timer.set')}</span>
          )}
        </button>
        {open ? (
          <section id={formId} className={styles.popover} aria-label={t('facilitation.timer.setLabel')}>
            <header className={styles.popoverHeader}>
              <h2 className={styles.popoverTitle}>{t('facilitation.timer.label')}</h2>
              <button type="button" className={styles.closeButton} aria-label={t('facilitation.timer.close')} onClick={close}>
                ✕
              </button>
            </header>
            <form className={styles.timerForm} onSubmit={submit}>
              <label className={styles.field}>
                {t('facilitation.timer.minutes')}
                <input
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={MAX_TIMER_MINUTES}
                  step={1}
                  required
                  value={minutes}
                  onChange={(event) => setMinutes(event.target.value)}
                />
              </label>
              <button type="submit" className={styles.primaryButton} disabled={request.busy !== null}>
                {t('facilitation.timer.start')}
              </button>
            </form>
            {running ? (
              <div className={styles.stopRow}>
                <button
                  type="button"
                  className={styles.smallButton}
                  disabled={request.busy !== null}
                  onClick={() =>
                    request.run('stop', async () => {
                      const result = await facilitation.setTimer(0)
                      if (result.ok) setOpen(false)
                      return result
                    })
                  }
                >
                  {t('facilitation.timer.stop')}
                </button>
              </div>
            ) : null}
            <FailureNote failure={request.failure} />
          </section>
        ) : null}
      </div>
    </CanvasControl>
  )
}
