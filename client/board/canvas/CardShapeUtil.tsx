'use client'

import { BaseBoxShapeUtil, resizeBox, type TLResizeInfo, type TLShape } from 'tldraw'
import { useT } from '@/client/i18n/I18nProvider'
import { itemDefaults } from '@/lib/board/items'
import { kringShapeProps } from '@/lib/board/tldraw-schema'
import { ItemFrame } from './ItemFrame'
import { cardColors } from '@/lib/board/item-colors'
import styles from './items.module.css'
import { roundedRectPath } from './indicator'
import { cardIcons } from './labels'

type CardShape = TLShape<'kring-card'>

/** A card: the central question, going well / worry / next step, a need, or a who-question. */
export class CardShapeUtil extends BaseBoxShapeUtil<CardShape> {
  static override type = 'kring-card' as const
  static override props = kringShapeProps['kring-card']

  override getDefaultProps(): CardShape['props'] {
    return { ...itemDefaults['kring-card'], answers: [] }
  }

  override canEdit() {
    return false
  }

  override onResize(shape: CardShape, info: TLResizeInfo<CardShape>) {
    return resizeBox(shape, info, { minWidth: 140, minHeight: 80 })
  }

  override component(shape: CardShape) {
    return <CardItem shape={shape} />
  }

  override getIndicatorPath(shape: CardShape) {
    return roundedRectPath(shape.props.w, shape.props.h)
  }

  override getText(shape: CardShape) {
    return shape.props.text
  }

  override getAriaDescriptor(shape: CardShape) {
    return shape.props.text
  }
}

function CardItem({ shape }: { shape: CardShape }) {
  const t = useT()
  const { kind, text } = shape.props
  return (
    <ItemFrame shapeId={shape.id} colors={cardColors[kind]} icon={cardIcons[kind]} label={t(`items.card.${kind}`)}>
      <p className={text ? styles.text : `${styles.text} ${styles.placeholder}`} dir="auto">{text || t('items.card.empty')}</p>
    </ItemFrame>
  )
}
