'use client'

import type { CSSProperties, ReactNode } from 'react'
import { HTMLContainer } from 'tldraw'
import { CheckBadge } from './CheckBadge'
import { ItemIcon, type ItemIconName } from './ItemIcon'
import type { ItemColors } from '@/lib/board/item-colors'
import styles from './items.module.css'

/**
 * The common look of a board item: a card in its kind's colours with a heading (icon and what
 * it is, in words) and the live-check badge. Sized to the shape; the canvas zooms it.
 */
export function ItemFrame({
  shapeId,
  colors,
  icon,
  label,
  aside,
  className,
  children,
}: {
  shapeId: string
  colors: ItemColors
  icon: ItemIconName
  label: string
  /** Shown at the end of the heading (e.g. the ring of a person, the status of an agreement). */
  aside?: ReactNode
  className?: string
  children: ReactNode
}) {
  const style = { '--item-accent': colors.accent, '--item-tint': colors.tint } as CSSProperties
  return (
    <HTMLContainer className={[styles.item, className].filter(Boolean).join(' ')} style={style}>
      <div className={styles.heading}>
        <ItemIcon name={icon} size={18} />
        <span className={styles.headingLabel}>{label}</span>
        {aside ? <span className={styles.headingAside}>{aside}</span> : null}
        <CheckBadge shapeId={shapeId} placement="inline" />
      </div>
      <div className={styles.body}>{children}</div>
    </HTMLContainer>
  )
}

/** A labelled line inside an item: "Wanneer: elke woensdag". Empty values show a soft dash. */
export function Field({ label, children, empty }: { label: string; children: ReactNode; empty?: boolean }) {
  return (
    <div className={styles.field}>
      <span className={styles.fieldLabel}>{label}</span>
      <span className={empty ? styles.fieldEmpty : styles.fieldValue} dir="auto">{empty ? '—' : children}</span>
    </div>
  )
}
