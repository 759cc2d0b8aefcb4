'use client'

import type { CSSProperties } from 'react'
import { BaseBoxShapeUtil, HTMLContainer, resizeBox, type TLResizeInfo, type TLShape } from 'tldraw'
import { useT } from '@/client/i18n/I18nProvider'
import { itemDefaults } from '@/lib/board/items'
import { kringShapeProps } from '@/lib/board/tldraw-schema'
import { CheckBadge } from './CheckBadge'
import { ItemIcon } from './ItemIcon'
import { dangerColors, goalColors } from '@/lib/board/item-colors'
import styles from './items.module.css'
import { roundedRectPath } from './indicator'

type DangerShape = TLShape<'kring-danger'>

/** A danger statement and its safety goal side by side (Signs of Safety): the worry and what must be true instead. */
export class DangerShapeUtil extends BaseBoxShapeUtil<DangerShape> {
  static override type = 'kring-danger' as const
  static override props = kringShapeProps['kring-danger']

  override getDefaultProps(): DangerShape['props'] {
    return { ...itemDefaults['kring-danger'] }
  }

  override canEdit() {
    return false
  }

  override onResize(shape: DangerShape, info: TLResizeInfo<DangerShape>) {
    return resizeBox(shape, info, { minWidth: 240, minHeight: 120 })
  }

  override component(shape: DangerShape) {
    return <DangerItem shape={shape} />
  }

  override getIndicatorPath(shape: DangerShape) {
    return roundedRectPath(shape.props.w, shape.props.h)
  }

  override getText(shape: DangerShape) {
    return [shape.props.danger, shape.props.goal].filter(Boolean).join('\n')
  }

  override getAriaDescriptor(shape: DangerShape) {
    return [shape.props.danger, shape.props.goal].filter(Boolean).join(' — ')
  }
}

function DangerItem({ shape }: { shape: DangerShape }) {
  const t = useT()
  const { danger, goal } = shape.props
  const style = { '--item-accent': dangerColors.accent, '--item-tint': '#fff' } as CSSProperties
  return (
    <HTMLContainer className={styles.item} style={style}>
      <div className={styles.pair}>
        <Half label={t('items.danger.danger')} text={danger} color={dangerColors.accent} tint={dangerColors.tint} icon="danger" />
        <Half label={t('items.danger.goal')} text={goal} color={goalColors.accent} tint={goalColors.tint} icon="goal" />
      </div>
      <CheckBadge shapeId={shape.id} />
    </HTMLContainer>
  )
}

function Half({ label, text, color, tint, icon }: { label: string; text: string; color: string; tint: string; icon: 'danger' | 'goal' }) {
  const t = useT()
  return (
    <div className={styles.half} style={{ background: tint }}>
      <span className={styles.halfLabel} style={{ color }}>
        <ItemIcon name={icon} size={16} />
        {label}
      </span>
      <p className={text ? styles.text : `${styles.text} ${styles.placeholder}`} dir="auto">{text || t('items.card.empty')}</p>
    </div>
  )
}
