'use client'

import Link from 'next/link'
import { useT } from '@/client/i18n/I18nProvider'
import styles from './AccessNotice.module.css'
import type { AccessLoss } from './session/ticket-source'

const copy = {
  withdrawn: { title: 'board.access.withdrawnTitle', body: 'board.access.withdrawnBody' },
  removed: { title: 'meeting.access.removedTitle', body: 'meeting.access.removedBody' },
  declined: { title: 'meeting.access.declinedTitle', body: 'meeting.access.declinedBody' },
  'signed-out': { title: 'board.access.signedOutTitle', body: 'board.access.signedOutBody' },
  'not-found': { title: 'board.access.notFoundTitle', body: 'board.access.notFoundBody' },
} as const

/** Instead of the board, once the server says this person may not (or no longer can) see it. */
export function AccessNotice({ loss, conferenceId }: { loss: AccessLoss; conferenceId: string }) {
  const t = useT()
  return (
    <div className={styles.backdrop}>
      <section className={styles.card} role="alert" aria-labelledby="access-notice-title" data-testid="access-notice" data-loss={loss}>
        <h1 id="access-notice-title" className={styles.title}>
          {t(copy[loss].title)}
        </h1>
        <p>{t(copy[loss].body)}</p>
        <div className="button-row">
          {loss === 'signed-out' ? (
            <Link className="button" href={`/login?callbackUrl=${encodeURIComponent(`/board/${conferenceId}`)}`}>
              {t('board.access.signIn')}
            </Link>
          ) : null}
          <Link className={loss === 'signed-out' ? 'button button--quiet' : 'button'} href="/">
            {t('board.access.home')}
          </Link>
        </div>
      </section>
    </div>
  )
}
