'use client'

import type { CSSProperties } from 'react'
import { BaseBoxShapeUtil, HTMLContainer, resizeBox, type TLResizeInfo, type TLShape } from 'tldraw'
import { useT } from '@/client/i18n/I18nProvider'
import { itemDefaults } from '@/lib/board/items'
import { kringShapeProps } from '@/lib/board/tldraw-schema'
import { CheckBadge } from './CheckBadge'
import { houseColors } from '@/lib/board/item-colors'
import styles from './items.module.css'
import { roundedRectPath } from './indicator'

type HouseCardShape = TLShape<'kring-house-card'>

/** A card in one of the child's three houses: a few words and an emoji, big and friendly. */
export class HouseCardShapeUtil extends BaseBoxShapeUtil<HouseCardShape> {
  static override type = 'kring-house-card' as const
  static override props = kringShapeProps['kring-house-card']

  override getDefaultProps(): HouseCardShape['props'] {
    return { ...itemDefaults['kring-house-card'] }
  }

  override canEdit() {
    return false
  }

  override onResize(shape: HouseCardShape, info: TLResizeInfo<HouseCardShape>) {
    return resizeBox(shape, info, { minWidth: 100, minHeight: 80 })
  }

  override component(shape: HouseCardShape) {
    return <HouseCard shape={shape} />
  }

  override getIndicatorPath(shape: HouseCardShape) {
    return roundedRectPath(shape.props.w, shape.props.h, 18)
  }

  override getText(shape: HouseCardShape) {
    return [shape.props.emoji, shape.props.text].filter(Boolean).join(' ')
  }

  override getAriaDescriptor(shape: HouseCardShape) {
    return [shape.props.emoji, shape.props.text].filter(Boolean).join(' ')
  }
}

function HouseCard({ shape }: { shape: HouseCardShape }) {
  const t = useT()
  const { house, text, emoji } = shape.props
  const colors = houseColors[house]
  const style = { '--item-accent': colors.accent, '--item-tint': colors.tint } as CSSProperties
  return (
    <HTMLContainer className={`${styles.item} ${styles.houseCard}`} style={style}>
      <span className={styles.houseLabel}>{t(`items.house.${house}`)}</span>
      {emoji ? (
        <span className={styles.emoji} aria-hidden="true">
          {emoji}
        </span>
      ) : null}
      <p className={text || emoji ? styles.houseText : `${styles.houseText} ${styles.placeholder}`} dir="auto">
        {text || (emoji ? null : t('items.card.empty'))}
      </p>
      <CheckBadge shapeId={shape.id} />
    </HTMLContainer>
  )
}
