'use client'

import { useT } from '@/client/i18n/I18nProvider'
import styles from '../Board.module.css'

/** In the canvas's place while tldraw loads or the board's content arrives. */
export function CanvasLoading() {
  const t = useT()
  return (
    <div className={styles.loading} role="status">
      <div className={styles.loadingRing} aria-hidden="true" />
      {t('board.canvas.loading')}
    </div>
  )
}
