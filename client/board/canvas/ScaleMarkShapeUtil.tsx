'use client'

import type { CSSProperties } from 'react'
import { HTMLContainer, Rectangle2d, ShapeUtil, type TLShape } from 'tldraw'
import { useT } from '@/client/i18n/I18nProvider'
import { itemDefaults } from '@/lib/board/items'
import { kringShapeProps } from '@/lib/board/tldraw-schema'
import { participantColor } from '@/lib/sync/participant-color'
import { useBoardMe } from './board-context'
import { CheckBadge } from './CheckBadge'
import { roundedRectPath } from './indicator'
import styles from './scale.module.css'

type ScaleMarkShape = TLShape<'kring-scale-mark'>

/**
 * One participant's mark on a scale (a child of the `kring-scale`), in that participant's own
 * colour with their name. Its position follows its value (scale-layout.ts); who may move it is
 * decided in lib/board/ownership.ts and enforced by scale-mark-guard.ts.
 */
export class ScaleMarkShapeUtil extends ShapeUtil<ScaleMarkShape> {
  static override type = 'kring-scale-mark' as const
  static override props = kringShapeProps['kring-scale-mark']

  override getDefaultProps(): ScaleMarkShape['props'] {
    return { ...itemDefaults['kring-scale-mark'] }
  }

  override getGeometry(shape: ScaleMarkShape) {
    return new Rectangle2d({ width: shape.props.w, height: shape.props.h, isFilled: true })
  }

  override canEdit() {
    return false
  }

  override canResize() {
    return false
  }

  override hideResizeHandles() {
    return true
  }

  override hideRotateHandle() {
    return true
  }

  override canSnap() {
    return false
  }

  override component(shape: ScaleMarkShape) {
    return <Mark shape={shape} />
  }

  override getIndicatorPath(shape: ScaleMarkShape) {
    return roundedRectPath(shape.props.w, shape.props.h, 8)
  }

  override getText(shape: ScaleMarkShape) {
    return `${shape.props.name}: ${shape.props.value}`
  }

  override getAriaDescriptor(shape: ScaleMarkShape) {
    return `${shape.props.name}: ${shape.props.value}`
  }
}

function Mark({ shape }: { shape: ScaleMarkShape }) {
  const t = useT()
  const me = useBoardMe()
  const { participantId, name, value } = shape.props
  const mine = me !== null && participantId === me.participantId
  const label = mine ? `${t('items.scale.yourScore')}: ${value}` : t('items.scale.markLabel', { name, value })
  const style = { '--mark-color': participantColor(participantId) } as CSSProperties
  return (
    <HTMLContainer className={mine ? `${styles.mark} ${styles.mine}` : styles.mark} style={style} aria-label={label} title={label}>
      <span className={styles.pointer} />
      <span className={styles.tag}>
        <span className={styles.value}>{value}</span>
        <span className={styles.markName} dir="auto">{name}</span>
      </span>
      <CheckBadge shapeId={shape.id} />
    </HTMLContainer>
  )
}
