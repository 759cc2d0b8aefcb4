'use client'

import { useId } from 'react'
import type { TLShape } from 'tldraw'
import { useT } from '@/client/i18n/I18nProvider'
import { useBoardMe } from '../../canvas/board-context'
import styles from './editor.module.css'
import { useSetProp } from './use-set-prop'

/** One's own score: a slider 0–10. Someone else's: whose it is, and that only they can move it. */
export function MarkForm({ shape }: { shape: TLShape<'kring-scale-mark'> }) {
  const t = useT()
  const me = useBoardMe()
  const set = useSetProp(shape)
  const id = useId()
  const { participantId, name, value } = shape.props
  if (!me || participantId !== me.participantId) return <p className={styles.hint}>{t('items.scale.onlyOwner', { name })}</p>
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {t('items.editor.markValue')}
      </label>
      <div className={styles.sliderRow}>
        <input
          id={id}
          type="range"
          min={0}
          max={10}
          step={1}
          value={value}
          className={styles.slider}
          data-testid="field-mark-value"
          onChange={(event) => set('value', Number(event.target.value))}
        />
        <output htmlFor={id} className={styles.sliderValue}>
          {value}
        </output>
      </div>
    </div>
  )
}
