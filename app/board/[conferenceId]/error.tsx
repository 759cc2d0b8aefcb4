'use client'

import Link from 'next/link'
import { useT } from '@/app/_i18n/I18nProvider'

/** When the board page itself fails (not a lost connection, which the board handles). */
export default function BoardError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useT()
  return (
    <main className="page page--narrow">
      <section className="notice notice--warning" aria-labelledby="board-error-title">
        <h1 id="board-error-title" className="notice__title">
          {t('web.board.error.title')}
        </h1>
        <div className="button-row">
          <button type="button" className="button" onClick={reset}>
            {t('web.board.error.retry')}
          </button>
          <Link href="/" className="button button--quiet">
            {t('web.boardAccess.home')}
          </Link>
        </div>
      </section>
    </main>
  )
}
