'use client'

import type { TLShape } from 'tldraw'
import { useT } from '@/client/i18n/I18nProvider'
import { houses } from '@/lib/board/items'
import { SelectField, TextField } from './fields'
import { useSetProp } from './use-set-prop'

export function HouseCardForm({ shape }: { shape: TLShape<'kring-house-card'> }) {
  const t = useT()
  const set = useSetProp(shape)
  const { house, text, emoji } = shape.props
  return (
    <>
      <SelectField
        label={t('items.editor.house')}
        value={house}
        options={houses.map((value) => ({ value, label: t(`items.house.${value}`) }))}
        onChange={(value) => set('house', value)}
      />
      <TextField label={t('items.house.text')} value={text} onChange={(value) => set('text', value)} testId="field-text" />
      <TextField label={t('items.house.emoji')} hint={t('items.editor.emojiHint')} value={emoji} onChange={(value) => set('emoji', value)} />
    </>
  )
}
