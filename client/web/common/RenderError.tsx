'use client'

import Link from 'next/link'
import { useId } from 'react'
import { useT } from '@/client/i18n/I18nProvider'
import type { MessageKey } from '@/lib/i18n'

/**
 * What an error boundary (error.tsx) shows when a page fails to render: say so plainly and offer
 * a retry and a way home. Details stay in the server log.
 */
export function RenderError({ title, body, retry, onRetry }: { title: MessageKey; body?: MessageKey; retry: MessageKey; onRetry(): void }) {
  const t = useT()
  const titleId = useId()
  return (
    <main className="page page--narrow">
      <section className="notice notice--warning" aria-labelledby={titleId}>
        <h1 id={titleId} className="notice__title">
          {t(title)}
        </h1>
        {body ? <p>{t(body)}</p> : null}
        <div className="button-row">
          <button type="button" className="button" onClick={onRetry}>
            {t(retry)}
          </button>
          <Link href="/" className="button button--quiet">
            {t('web.boardAccess.home')}
          </Link>
        </div>
      </section>
    </main>
  )
}
