import Link from 'next/link'
import { accountMay } from '@/lib/conference/policy'
import { listConferencesForUser } from '@/lib/server/db/repositories/conferences'
import type { Conference, User } from '@/lib/server/db/schema'
import { formatDate } from '@/lib/i18n/format'
import type { Locale, Translate } from '@/lib/i18n'
import { SiteFrame } from '../lib/server/web/views/SiteFrame'
import { getServerTranslator } from '../lib/server/web/translator'
import { getDb } from '../lib/server/web/db'
import { getSignedInUser } from '../lib/server/web/session'
import { CreateConferenceForm } from '../lib/server/web/views/CreateConferenceForm'

/** `/`: what Kring is (signed out), or your conferences and a form to start one (signed in). */
export default async function HomePage() {
  const { t, locale } = await getServerTranslator()
  const user = await getSignedInUser()
  if (!user) {
    return (
      <SiteFrame narrow showSignIn={false}>
        <div className="card stack">
          <h1>{t('common.appName')}</h1>
          <p className="lead">{t('common.tagline')}</p>
          <p>{t('web.home.intro')}</p>
          <div>
            <Link href="/login" className="button">
              {t('web.home.signIn')}
            </Link>
            <p className="muted after-button">
              {t('web.home.signInWho')}
            </p>
          </div>
          <p className="muted">{t('web.home.invitedHint')}</p>
        </div>
      </SiteFrame>
    )
  }
  const conferences = await listConferencesForUser(await getDb(), user.id)
  const mayCreate = accountMay(user.role, 'conference.create')
  return (
    <SiteFrame>
      <div className="stack">
        <h1>{t('web.home.greeting', { name: user.name })}</h1>
        <section aria-labelledby="conferences-heading">
          <h2 id="conferences-heading">{t('web.home.conferences.title')}</h2>
          {conferences.length === 0 ? (
            <p className="muted">{t(mayCreate ? 'web.home.conferences.empty' : 'web.home.conferences.emptyProfessional')}</p>
          ) : (
            <ul className="conference-list">
              {conferences.map((conference) => (
                <ConferenceItem key={conference.id} conference={conference} user={user} t={t} locale={locale} />
              ))}
            </ul>
          )}
        </section>
        {mayCreate ? (
          <section className="card">
            <CreateConferenceForm />
          </section>
        ) : (
          <p className="muted">{t('web.home.professionalNote')}</p>
        )}
      </div>
    </SiteFrame>
  )
}

function ConferenceItem({ conference, user, t, locale }: { conference: Conference; user: User; t: Translate; locale: Locale }) {
  const manages = conference.created_by === user.id
  return (
    <li className="conference-item" data-testid="conference-item">
      <div>
        <h3 className="conference-item__title">{conference.title}</h3>
        <p className="conference-item__meta">
          <span className="tag">{t(`common.kind.${conference.kind}`)}</span>{' '}
          {t(`common.phase.${conference.phase}`)} · {t('web.home.conferences.created', { date: formatDate(conference.created_at, locale) })}
        </p>
      </div>
      <div className="button-row">
        {manages && (
          <Link href={`/conferences/${conference.id}`} className="button button--quiet" aria-label={`${t('web.home.conferences.manage')}: ${conference.title}`}>
            {t('web.home.conferences.manage')}
          </Link>
        )}
        <Link href={`/board/${conference.id}`} className="button" aria-label={`${t('web.home.conferences.board')}: ${conference.title}`}>
          {t('web.home.conferences.board')}
        </Link>
      </div>
    </li>
  )
}
