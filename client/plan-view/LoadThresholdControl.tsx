'use client'

import { useEffect, useId, useState, type FormEvent } from 'react'
import type * as Y from 'yjs'
import { useT } from '@/client/i18n/I18nProvider'
import { BoardSettings, writeBoardSettings } from '@/lib/board/settings'
import styles from './Plan.module.css'

/**
 * For the facilitator: above how many times a week a person's load is flagged. Kept in the board
 * document's settings, so every plan view and board follows at once.
 */
export function LoadThresholdControl({ doc, threshold }: { doc: Y.Doc; threshold: number }) {
  const t = useT()
  const id = useId()
  const [value, setValue] = useState(String(threshold))
  const [message, setMessage] = useState<'saved' | 'invalid' | null>(null)

  // Someone else changed it: show the new value unless this person is typing one.
  useEffect(() => {
    setValue(String(threshold))
  }, [threshold])

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const parsed = BoardSettings.shape.loadThreshold.safeParse(Number(value.trim() === '' ? NaN : value))
    if (!parsed.success) return setMessage('invalid')
    writeBoardSettings(doc, { loadThreshold: parsed.data })
    setMessage('saved')
  }

  return (
    <form className={styles.threshold} onSubmit={onSubmit} data-testid="load-threshold" noValidate>
      <label className={styles.thresholdLabel} htmlFor={`${id}-threshold`}>
        {t('plan.load.thresholdLabel')}
      </label>
      <div className={styles.thresholdRow}>
        <input
          id={`${id}-threshold`}
          className={`input ${styles.thresholdInput}`}
          type="number"
          inputMode="numeric"
          min={1}
          max={50}
          step={1}
          value={value}
          aria-invalid={message === 'invalid'}
          aria-describedby={`${id}-message`}
          onChange={(event) => {
            setValue(event.target.value)
            setMessage(null)
          }}
        />
        <button type="submit" className="button button--small">
          {t('plan.load.thresholdSave')}
        </button>
      </div>
      <p id={`${id}-message`} role="status" className={message === 'invalid' ? styles.formError : styles.muted}>
        {message === 'saved' ? t('plan.load.thresholdSaved') : message === 'invalid' ? t('plan.load.thresholdInvalid') : ''}
      </p>
    </form>
  )
}
