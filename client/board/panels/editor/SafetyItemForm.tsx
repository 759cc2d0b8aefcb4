'use client'

import type { TLShape } from 'tldraw'
import { useT } from '@/client/i18n/I18nProvider'
import { TextField } from './fields'
import { useSetProp } from './use-set-prop'

export function SafetyItemForm({ shape }: { shape: TLShape<'kring-safety-item'> }) {
  const t = useT()
  const set = useSetProp(shape)
  const { signal, action, contactName, contactPhone, safePlace } = shape.props
  return (
    <>
      <TextField label={t('items.safety.signal')} value={signal} multiline onChange={(value) => set('signal', value)} testId="field-signal" />
      <TextField label={t('items.safety.action')} value={action} multiline onChange={(value) => set('action', value)} />
      <TextField label={`${t('items.safety.contact')}: ${t('items.safety.contactName')}`} value={contactName} onChange={(value) => set('contactName', value)} />
      <TextField
        label={t('items.safety.contactPhone')}
        value={contactPhone}
        type="tel"
        inputMode="tel"
        onChange={(value) => set('contactPhone', value, 'items.editor.error.phone')}
        testId="field-phone"
      />
      <TextField label={t('items.safety.safePlace')} value={safePlace} onChange={(value) => set('safePlace', value)} />
    </>
  )
}
