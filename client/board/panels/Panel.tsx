'use client'

import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { stopEventPropagation } from 'tldraw'
import { useT } from '@/client/i18n/I18nProvider'
import { ItemIcon } from '../canvas/ItemIcon'
import styles from './panels.module.css'

/**
 * A panel of the board's own (add, who-questions, areas, item editor) over the canvas: on a
 * computer at the left or right edge, on a phone a sheet from the bottom. A collapsible panel
 * can be folded on a phone to just its title, so the canvas stays usable while an item is selected.
 * Pointer, wheel and key events stay in the panel: scrolling it must not move the board, and
 * Backspace on one of its buttons must not delete the selected item. tldraw listens on its
 * container (natively, below React's root), so the keys and wheel are stopped natively here.
 */
export function Panel({
  title,
  side,
  onClose,
  closeLabel,
  collapsible = false,
  initiallyFolded = false,
  testId,
  children,
}: {
  title: string
  side: 'left' | 'right'
  onClose?: () => void
  closeLabel?: string
  collapsible?: boolean
  /** Start folded (a phone user who taps an item to move it needs the canvas, not a form). */
  initiallyFolded?: boolean
  testId?: string
  children: ReactNode
}) {
  const t = useT()
  const headingId = useId()
  const bodyId = useId()
  const [folded, setFolded] = useState(initiallyFolded)
  const ref = useRef<HTMLElement>(null)
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const stop = (event: Event) => event.stopPropagation()
    const kinds = ['keydown', 'keyup', 'wheel'] as const
    for (const kind of kinds) element.addEventListener(kind, stop)
    return () => {
      for (const kind of kinds) element.removeEventListener(kind, stop)
    }
  }, [])
  return (
    <section
      ref={ref}
      className={`${styles.panel} ${side === 'left' ? styles.left : styles.right}`}
      data-folded={collapsible && folded ? 'true' : 'false'}
      aria-labelledby={headingId}
      data-testid={testId}
      data-kring-panel=""
      onPointerDown={stopEventPropagation}
      onPointerUp={stopEventPropagation}
      onTouchStart={stopEventPropagation}
      onTouchEnd={stopEventPropagation}
    >
      <header className={styles.panelHeader}>
        <h2 id={headingId} className={styles.panelTitle}>
          {title}
        </h2>
        {collapsible ? (
          <button
            type="button"
            className={styles.foldButton}
            aria-expanded={!folded}
            aria-controls={bodyId}
            aria-label={folded ? t('items.editor.expand') : t('items.editor.collapse')}
            onClick={() => setFolded((value) => !value)}
          >
            <span aria-hidden="true">{folded ? '▲' : '▼'}</span>
          </button>
        ) : null}
        {onClose ? (
          <button type="button" className={styles.closeButton} aria-label={closeLabel ?? t('items.palette.close')} onClick={onClose}>
            <ItemIcon name="close" size={18} />
          </button>
        ) : null}
      </header>
      <div id={bodyId} className={styles.panelBody}>
        {children}
      </div>
    </section>
  )
}
