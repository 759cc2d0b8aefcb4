'use client'

import { BaseBoxShapeUtil, resizeBox, type TLResizeInfo, type TLShape } from 'tldraw'
import { useT } from '@/client/i18n/I18nProvider'
import { itemDefaults } from '@/lib/board/items'
import { kringShapeProps } from '@/lib/board/tldraw-schema'
import { Field, ItemFrame } from './ItemFrame'
import { agreementColors } from '@/lib/board/item-colors'
import styles from './items.module.css'
import { roundedRectPath } from './indicator'
import { usePersonLabel, usePersonNames } from './person-names'

type AgreementShape = TLShape<'kring-agreement'>

/** An agreement: what, who (people on the map, by name), when, backup, how we will know it works. */
export class AgreementShapeUtil extends BaseBoxShapeUtil<AgreementShape> {
  static override type = 'kring-agreement' as const
  static override props = kringShapeProps['kring-agreement']

  override getDefaultProps(): AgreementShape['props'] {
    return { ...itemDefaults['kring-agreement'], ownerIds: [], answers: [] }
  }

  override canEdit() {
    return false
  }

  override onResize(shape: AgreementShape, info: TLResizeInfo<AgreementShape>) {
    return resizeBox(shape, info, { minWidth: 240, minHeight: 140 })
  }

  override component(shape: AgreementShape) {
    return <AgreementItem shape={shape} />
  }

  override getIndicatorPath(shape: AgreementShape) {
    return roundedRectPath(shape.props.w, shape.props.h)
  }

  override getText(shape: AgreementShape) {
    return [shape.props.what, shape.props.when, shape.props.howWeKnow].filter(Boolean).join('\n')
  }

  override getAriaDescriptor(shape: AgreementShape) {
    return shape.props.what
  }
}

function AgreementItem({ shape }: { shape: AgreementShape }) {
  const t = useT()
  const label = usePersonLabel()
  const { what, ownerIds, when, backupId, howWeKnow, status } = shape.props
  const owners = usePersonNames(ownerIds)
  const [backup] = usePersonNames(backupId ? [backupId] : [])
  return (
    <ItemFrame
      shapeId={shape.id}
      colors={agreementColors}
      icon="agreement"
      label={t('items.type.kring-agreement')}
      aside={status === 'open' ? undefined : t(`items.agreement.status.${status}`)}
    >
      <p className={what ? styles.name : `${styles.name} ${styles.placeholder}`} title={what} dir="auto">
        {what || t('items.card.empty')}
      </p>
      <Field label={t('items.agreement.who')} empty={owners.length === 0}>
        {owners.map(label).join(', ')}
      </Field>
      <Field label={t('items.agreement.when')} empty={!when}>
        {when}
      </Field>
      <Field label={t('items.agreement.backup')} empty={!backup}>
        {backup ? label(backup) : null}
      </Field>
      <Field label={t('items.agreement.howWeKnow')} empty={!howWeKnow}>
        {howWeKnow}
      </Field>
    </ItemFrame>
  )
}
