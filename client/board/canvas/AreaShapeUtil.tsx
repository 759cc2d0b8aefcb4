'use client'

import { Group2d, HTMLContainer, Polyline2d, Rectangle2d, resizeBox, ShapeUtil, useEditor, Vec, type Editor, type TLResizeInfo, type TLShape, type TLShapeId } from 'tldraw'
import { useT } from '@/client/i18n/I18nProvider'
import { areaTexts } from '@/lib/board/area-geometry'
import { itemDefaults } from '@/lib/board/items'
import { tidyArea } from '@/lib/board/placement'
import { kringShapeProps } from '@/lib/board/tldraw-schema'
import { AREA_TITLE_HEIGHT } from '@/lib/board/templates'
import { AreaDrawing } from './AreaDrawing'
import { useBoardMay } from './board-policy'
import { ItemIcon } from './ItemIcon'
import styles from './area.module.css'
import { roundedRectPath } from './indicator'

type AreaShape = TLShape<'kring-area'>

/**
 * A laid-out area of the board (network rings, three columns, houses…): the structure people
 * put their items on. It lies under the items and is only grabbed by its title bar (and its
 * edge), so dragging across the area draws a selection box or moves the items on it instead of
 * the whole area. Its title comes from i18n in the viewer's language.
 */
export class AreaShapeUtil extends ShapeUtil<AreaShape> {
  static override type = 'kring-area' as const
  static override props = kringShapeProps['kring-area']

  override getDefaultProps(): AreaShape['props'] {
    return { ...itemDefaults['kring-area'] }
  }

  override getGeometry(shape: AreaShape) {
    const { w, h } = shape.props
    return new Group2d({
      children: [
        new Rectangle2d({ width: w, height: Math.min(h, AREA_TITLE_HEIGHT), isFilled: true }),
        // The outline, open: a click inside the area does not count as a click on it.
        new Polyline2d({ points: [new Vec(0, 0), new Vec(w, 0), new Vec(w, h), new Vec(0, h), new Vec(0, 0)] }),
      ],
    })
  }

  override canEdit() {
    return false
  }

  override canSnap() {
    return false
  }

  override hideRotateHandle() {
    return true
  }

  override onResize(shape: AreaShape, info: TLResizeInfo<AreaShape>) {
    return resizeBox(shape, info, { minWidth: 400, minHeight: 300 })
  }

  override component(shape: AreaShape) {
    return <Area shape={shape} />
  }

  override getIndicatorPath(shape: AreaShape) {
    return roundedRectPath(shape.props.w, shape.props.h, 24)
  }
}

/** The facilitator's "opruimen": the area's items laid out again (lib/board/placement tidyArea), one undo step. */
function tidyAreaOnBoard(editor: Editor, areaId: TLShapeId): void {
  const { moves, grow } = tidyArea(editor.store.allRecords(), areaId)
  if (moves.length === 0 && !grow) return
  editor.markHistoryStoppingPoint('kring tidy area')
  editor.run(() => {
    if (grow) editor.updateShape({ id: areaId, type: 'kring-area', props: { w: grow.w, h: grow.h } })
    const partials = moves.flatMap((move) => {
      const shape = editor.getShape(move.id as TLShapeId)
      return shape ? [{ id: shape.id, type: shape.type, x: move.x, y: move.y }] : []
    })
    editor.updateShapes(partials)
  })
}

function Area({ shape }: { shape: AreaShape }) {
  const t = useT()
  const editor = useEditor()
  const may = useBoardMay()
  const { area, variant, w, h } = shape.props
  const { title, hint } = areaTexts(area, variant)
  return (
    <HTMLContainer className={styles.area} data-area={area}>
      <AreaDrawing area={area} variant={variant} w={w} h={h} />
      <div className={styles.titleBar} style={{ height: AREA_TITLE_HEIGHT }}>
        <p className={styles.title}>
          {t(title)}
          {may('board.arrange') ? (
            <button
              type="button"
              className={styles.tidy}
              title={t('board.area.tidyTitle')}
              data-testid="area-tidy"
              // The title bar is where the area is grabbed: a press on the button is not a drag.
              onPointerDown={(event) => event.stopPropagation()}
              onPointerUp={(event) => event.stopPropagation()}
              onClick={() => tidyAreaOnBoard(editor, shape.id)}
            >
              {t('board.area.tidy')}
            </button>
          ) : null}
          {/* Areas are the board's structure: only the facilitator moves or removes them (server/sync/delete-rules.ts). */}
          {may('board.arrange') ? null : (
            <span className={styles.lock} role="img" aria-label={t('board.area.locked')} title={t('board.area.locked')} data-testid="area-lock">
              <ItemIcon name="lock" size={32} />
            </span>
          )}
        </p>
        <p className={styles.hint}>{hint.map((key) => t(key)).join(' · ')}</p>
      </div>
    </HTMLContainer>
  )
}
