'use client'

import { BaseBoxShapeUtil, resizeBox, type TLResizeInfo, type TLShape } from 'tldraw'
import { useT } from '@/client/i18n/I18nProvider'
import { itemDefaults } from '@/lib/board/items'
import { kringShapeProps } from '@/lib/board/tldraw-schema'
import { Field, ItemFrame } from './ItemFrame'
import { safetyColors } from '@/lib/board/item-colors'
import styles from './items.module.css'
import { roundedRectPath } from './indicator'

type SafetyItemShape = TLShape<'kring-safety-item'>

/** A line of the safety plan: warning signal, what we do then, whom to call (with number), a safe place. */
export class SafetyItemShapeUtil extends BaseBoxShapeUtil<SafetyItemShape> {
  static override type = 'kring-safety-item' as const
  static override props = kringShapeProps['kring-safety-item']

  override getDefaultProps(): SafetyItemShape['props'] {
    return { ...itemDefaults['kring-safety-item'] }
  }

  override canEdit() {
    return false
  }

  override onResize(shape: SafetyItemShape, info: TLResizeInfo<SafetyItemShape>) {
    return resizeBox(shape, info, { minWidth: 240, minHeight: 140 })
  }

  override component(shape: SafetyItemShape) {
    return <SafetyItem shape={shape} />
  }

  override getIndicatorPath(shape: SafetyItemShape) {
    return roundedRectPath(shape.props.w, shape.props.h)
  }

  override getText(shape: SafetyItemShape) {
    const { signal, action, contactName, contactPhone, safePlace } = shape.props
    return [signal, action, contactName, contactPhone, safePlace].filter(Boolean).join('\n')
  }

  override getAriaDescriptor(shape: SafetyItemShape) {
    return shape.props.signal
  }
}

function SafetyItem({ shape }: { shape: SafetyItemShape }) {
  const t = useT()
  const { signal, action, contactName, contactPhone, safePlace } = shape.props
  const hasContact = Boolean(contactName || contactPhone)
  return (
    <ItemFrame shapeId={shape.id} colors={safetyColors} icon="shield" label={t('items.type.kring-safety-item')}>
      <Field label={t('items.safety.signalShort')} empty={!signal}>
        {signal}
      </Field>
      <Field label={t('items.safety.actionShort')} empty={!action}>
        {action}
      </Field>
      <Field label={t('items.safety.contactShort')} empty={!hasContact}>
        {contactName}
        {contactName && contactPhone ? ' · ' : null}
        {contactPhone ? <span className={styles.phone} dir="ltr">{contactPhone}</span> : null}
      </Field>
      <Field label={t('items.safety.safePlace')} empty={!safePlace}>
        {safePlace}
      </Field>
    </ItemFrame>
  )
}
