'use client'

import type { TLShape } from 'tldraw'
import { useT } from '@/client/i18n/I18nProvider'
import { TextField } from './fields'
import { useSetProp } from './use-set-prop'

export function DangerForm({ shape }: { shape: TLShape<'kring-danger'> }) {
  const t = useT()
  const set = useSetProp(shape)
  return (
    <>
      <TextField label={t('items.danger.danger')} value={shape.props.danger} multiline onChange={(value) => set('danger', value)} testId="field-danger" />
      <TextField label={t('items.danger.goal')} value={shape.props.goal} multiline onChange={(value) => set('goal', value)} testId="field-goal" />
    </>
  )
}
