'use client'

import type { TLShape } from 'tldraw'
import { useT } from '@/client/i18n/I18nProvider'
import styles from './editor.module.css'
import { SelectField } from './fields'
import { useSetProp } from './use-set-prop'

const circles = [0, 1, 2, 3, 4] as const

/** An area has little to edit: which Family Finding circle it is. */
export function AreaForm({ shape }: { shape: TLShape<'kring-area'> }) {
  const t = useT()
  const set = useSetProp(shape)
  return (
    <>
      <p className={styles.hint}>{t('items.editor.areaHint')}</p>
      {shape.props.area === 'finding-circle' ? (
        <SelectField
          label={t('items.area.finding-circle.title')}
          value={String(shape.props.variant)}
          options={circles.map((variant) => ({ value: String(variant), label: t(`items.area.finding-circle.${variant}.title`) }))}
          onChange={(value) => set('variant', Number(value))}
        />
      ) : null}
    </>
  )
}
