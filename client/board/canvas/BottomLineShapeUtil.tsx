'use client'

import { BaseBoxShapeUtil, resizeBox, useEditor, type TLResizeInfo, type TLShape } from 'tldraw'
import { useT } from '@/client/i18n/I18nProvider'
import { itemDefaults } from '@/lib/board/items'
import { kringShapeProps } from '@/lib/board/tldraw-schema'
import { useBottomLineAccess } from './bottom-line-access'
import { mayWriteBottomLines, useBottomLineGuard } from './bottom-line-guard'
import styles from './bottom-line.module.css'
import { roundedRectPath } from './indicator'
import { bottomLineColors } from '@/lib/board/item-colors'
import { ItemFrame } from './ItemFrame'
import { ItemIcon } from './ItemIcon'
import itemStyles from './items.module.css'

type BottomLineShape = TLShape<'kring-bottom-line'>

/**
 * A bottom line (ondergrens): a condition any plan must meet, written by a professional in the
 * information phase and ticked off by one in plan en afspraken. Everyone else sees it read-only,
 * with a lock that says why; on their device it cannot be moved, resized or removed either
 * (bottom-line-guard.ts), and the sync server refuses such writes.
 */
export class BottomLineShapeUtil extends BaseBoxShapeUtil<BottomLineShape> {
  static override type = 'kring-bottom-line' as const
  static override props = kringShapeProps['kring-bottom-line']

  override getDefaultProps(): BottomLineShape['props'] {
    return { ...itemDefaults['kring-bottom-line'] }
  }

  override canEdit() {
    return false
  }

  override canResize() {
    return mayWriteBottomLines(this.editor)
  }

  override hideResizeHandles() {
    return !mayWriteBottomLines(this.editor)
  }

  override hideRotateHandle() {
    return !mayWriteBottomLines(this.editor)
  }

  override onResize(shape: BottomLineShape, info: TLResizeInfo<BottomLineShape>) {
    return resizeBox(shape, info, { minWidth: 220, minHeight: 110 })
  }

  override component(shape: BottomLineShape) {
    return <BottomLineItem shape={shape} />
  }

  override getIndicatorPath(shape: BottomLineShape) {
    return roundedRectPath(shape.props.w, shape.props.h)
  }

  override getText(shape: BottomLineShape) {
    return shape.props.text
  }

  override getAriaDescriptor(shape: BottomLineShape) {
    return shape.props.text
  }
}

/** The small lock on a bottom line someone may not change, saying why. */
export function BottomLineLock({ className }: { className?: string }) {
  const t = useT()
  const text = t('items.bottomLine.locked')
  return (
    <span className={[styles.lock, className].filter(Boolean).join(' ')} role="img" aria-label={text} title={text} data-testid="bottom-line-lock">
      <ItemIcon name="lock" size={14} />
    </span>
  )
}

function BottomLineItem({ shape }: { shape: BottomLineShape }) {
  const t = useT()
  const editor = useEditor()
  const access = useBottomLineAccess()
  useBottomLineGuard(editor, access.canWrite)
  const { text, tickedBy, tickedByName } = shape.props
  const ticked = tickedBy !== ''
  const aside =
    ticked || !access.canWrite ? (
      <span className={styles.aside}>
        {ticked ? (
          <span className={styles.ticked} data-testid="bottom-line-ticked">
            <ItemIcon name="check" size={14} />
            {t('items.bottomLine.ticked')}
          </span>
        ) : null}
        {access.canWrite ? null : <BottomLineLock />}
      </span>
    ) : undefined
  return (
    <ItemFrame shapeId={shape.id} colors={bottomLineColors} icon="bottom-line" label={t('items.type.kring-bottom-line')} aside={aside}>
      <p className={text ? `${itemStyles.text} ${styles.text}` : `${itemStyles.text} ${itemStyles.placeholder}`} dir="auto">{text || t('items.bottomLine.empty')}</p>
      {ticked ? <p className={styles.tickedBy}>{t('items.bottomLine.tickedBy', { name: tickedByName.trim() || '—' })}</p> : null}
    </ItemFrame>
  )
}
