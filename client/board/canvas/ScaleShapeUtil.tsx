'use client'

import { HTMLContainer, Rectangle2d, ShapeUtil, type TLShape } from 'tldraw'
import { useT } from '@/client/i18n/I18nProvider'
import { itemDefaults } from '@/lib/board/items'
import { kringShapeProps } from '@/lib/board/tldraw-schema'
import { CheckBadge } from './CheckBadge'
import { roundedRectPath } from './indicator'
import { axisX, SCALE_AXIS_Y, SCALE_PAD_X } from './scale-layout'
import styles from './scale.module.css'

type ScaleShape = TLShape<'kring-scale'>

const VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]

/**
 * A 0–10 scale with its question. Each participant's mark is a child shape
 * (ScaleMarkShapeUtil) placed by its value. Not resizable: a mark's position follows from the
 * scale's width, and only its owner may move it, so the width must not change under them.
 */
export class ScaleShapeUtil extends ShapeUtil<ScaleShape> {
  static override type = 'kring-scale' as const
  static override props = kringShapeProps['kring-scale']

  override getDefaultProps(): ScaleShape['props'] {
    return { ...itemDefaults['kring-scale'] }
  }

  override getGeometry(shape: ScaleShape) {
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

  override canReceiveNewChildrenOfType(_shape: ScaleShape, type: TLShape['type']) {
    return type === 'kring-scale-mark'
  }

  override component(shape: ScaleShape) {
    return <Scale shape={shape} />
  }

  override getIndicatorPath(shape: ScaleShape) {
    return roundedRectPath(shape.props.w, shape.props.h)
  }

  override getText(shape: ScaleShape) {
    return shape.props.question
  }

  override getAriaDescriptor(shape: ScaleShape) {
    return shape.props.question
  }
}

function Scale({ shape }: { shape: ScaleShape }) {
  const t = useT()
  const { w, h, question } = shape.props
  return (
    <HTMLContainer className={styles.scale}>
      <p className={question ? styles.question : `${styles.question} ${styles.placeholder}`} title={question} dir="auto">
        {question || t('items.scale.noQuestion')}
      </p>
      <svg className={styles.axis} width={w} height={h} viewBox={`0 0 ${w} ${h}`} aria-hidden="true">
        <line x1={SCALE_PAD_X} x2={w - SCALE_PAD_X} y1={SCALE_AXIS_Y} y2={SCALE_AXIS_Y} className={styles.axisLine} />
        {VALUES.map((value) => (
          <g key={value}>
            <line x1={axisX(w, value)} x2={axisX(w, value)} y1={SCALE_AXIS_Y - 8} y2={SCALE_AXIS_Y + 8} className={styles.tick} />
            <text x={axisX(w, value)} y={SCALE_AXIS_Y - 14} className={styles.tickLabel} textAnchor="middle">
              {value}
            </text>
          </g>
        ))}
      </svg>
      <p className={styles.ends}>
        0 = {t('items.scale.low')} · 10 = {t('items.scale.high')}
      </p>
      <CheckBadge shapeId={shape.id} />
    </HTMLContainer>
  )
}
