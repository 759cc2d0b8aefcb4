'use client'

import { BaseBoxShapeUtil, resizeBox, type TLResizeInfo, type TLShape } from 'tldraw'
import { useT } from '@/client/i18n/I18nProvider'
import { itemDefaults } from '@/lib/board/items'
import { groupLabelKey, ringLabelKey } from '@/lib/board/labels'
import { kringShapeProps } from '@/lib/board/tldraw-schema'
import { ItemFrame } from './ItemFrame'
import { groupColors } from '@/lib/board/item-colors'
import styles from './items.module.css'
import { roundedRectPath } from './indicator'
import { useSupportLabel } from './labels'

type PersonShape = TLShape<'kring-person'>

/** Someone in the network map: name, relation, group (colour and icon), ring, support, note. */
export class PersonShapeUtil extends BaseBoxShapeUtil<PersonShape> {
  static override type = 'kring-person' as const
  static override props = kringShapeProps['kring-person']

  override getDefaultProps(): PersonShape['props'] {
    return { ...itemDefaults['kring-person'], support: [] }
  }

  override canEdit() {
    return false
  }

  override onResize(shape: PersonShape, info: TLResizeInfo<PersonShape>) {
    return resizeBox(shape, info, { minWidth: 160, minHeight: 80 })
  }

  override component(shape: PersonShape) {
    return <PersonItem shape={shape} />
  }

  override getIndicatorPath(shape: PersonShape) {
    return roundedRectPath(shape.props.w, shape.props.h)
  }

  override getText(shape: PersonShape) {
    return [shape.props.name, shape.props.relation, shape.props.note].filter(Boolean).join('\n')
  }

  override getAriaDescriptor(shape: PersonShape) {
    return [shape.props.name, shape.props.relation].filter(Boolean).join(', ')
  }
}

function PersonItem({ shape }: { shape: PersonShape }) {
  const t = useT()
  const supportLabel = useSupportLabel()
  const { name, relation, group, ring, support, note } = shape.props
  return (
    <ItemFrame
      shapeId={shape.id}
      colors={groupColors[group]}
      icon={group}
      label={t(groupLabelKey(group))}
      aside={t(ringLabelKey(ring))}
    >
      <p className={name ? styles.name : `${styles.name} ${styles.placeholder}`} dir="auto">{name || t('items.person.noName')}</p>
      {relation ? <p className={styles.sub} dir="auto">{relation}</p> : null}
      {support.length > 0 ? (
        <div className={styles.chips}>
          {support.map((kind) => (
            <span key={kind} className={styles.chip}>
              {supportLabel(kind)}
            </span>
          ))}
        </div>
      ) : null}
      {note ? <p className={styles.note} dir="auto">{note}</p> : null}
    </ItemFrame>
  )
}
