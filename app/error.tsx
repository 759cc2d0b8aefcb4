'use client'

import Link from 'next/link'
import { useT } from './_i18n/I18nProvider'

/** Any page that fails to render: say so plainly and offer a way on. Details stay in the server log. */
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useT()
  return (
    <main className="page page--narrow">
      <section className="notice notice--warning" aria-labelledby="page-error-title">
        <h1 id="page-error-title" className="notice__title">
          {t('web.error.title')}
        </h1>
        <p>{t('common.errorGeneric')}</p>
        <div className="button-row">
          <button type="button" className="button" onClick={reset}>
            {t('web.error.retry')}
          </button>
          <Link href="/" className="button button--quiet">
            {t('web.boardAccess.home')}
          </Link>
        </div>
      </section>
    </main>
  )
}
