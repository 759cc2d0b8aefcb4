import Link from 'next/link'
import { accountMay } from '@/lib/conference/policy'
import { homeConferencesOf, type HomeConference } from '@/lib/server/conference/summaries'
import { formatDate } from '@/lib/i18n/format'
import type { Locale, Translate } from '@/lib/i18n'
import { SiteFrame } from '../lib/server/web/views/SiteFrame'
import { getServerTranslator } from '../lib/server/web/translator'
import { getDb } from '../lib/server/web/db'
import { getSignedInUser } from '../lib/server/web/session'
import { CreateConferenceForm } from '../lib/server/web/views/CreateConferenceForm'

/**
 * `/`: what Kring is (signed out), or your conferences and a form to start one (signed in). Your
 * conferences are those you created, those you take part in with your account (also an invitation
 * by link you linked to it) and those you exported a plan from: with their phase, date and latest
 * agreed version, each opening the conference page (where the gate decides what you see).
 */
export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
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
  const conferences = await homeConferencesOf(await getDb(), user.id)
  const mayCreate = accountMay(user.role, 'conference.create')
  return (
    <SiteFrame>
      <div className="stack">
        <h1>{t('web.home.greeting', { name: user.name })}</h1>
        {typeof (await searchParams).linked === 'string' && (
          <p className="card" role="status" data-testid="linked-notice">
            {t('web.home.linked')}
          </p>
        )}
        <section aria-labelledby="conferences-heading">
          <h2 id="conferences-heading">{t('web.home.conferences.title')}</h2>
          {conferences.length === 0 ? (
            <p className="muted">{t(mayCreate ? 'web.home.conferences.empty' : 'web.home.conferences.emptyProfessional')}</p>
          ) : (
            <ul className="conference-list">
              {conferences.map((conference) => (
                <ConferenceItem key={conference.id} conference={conference} t={t} locale={locale} />
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

function ConferenceItem({ conference, t, locale }: { conference: HomeConference; t: Translate; locale: Locale }) {
  return (
    <li className="conference-item" data-testid="conference-item" data-conference-id={conference.id}>
      <div>
        <h3 className="conference-item__title">
          <Link href={`/conferences/${conference.id}`} data-testid="conference-link">
            {conference.title}
          </Link>
        </h3>
        <p className="conference-item__meta">
          <span className="tag">{t(`common.kind.${conference.kind}`)}</span> <span className="tag">{t(`web.home.conferences.relation.${conference.relation}`)}</span>{' '}
          {t(`common.phase.${conference.phase}`)} · {t('web.home.conferences.created', { date: formatDate(conference.date.at, locale) })} ·{' '}
          <span data-testid="conference-version">
            {conference.latestVersion === null ? t('web.home.conferences.noVersion') : t('web.home.conferences.version', { version: conference.latestVersion })}
          </span>
        </p>
      </div>
      <div className="button-row">
        <Link href={`/conferences/${conference.id}`} className="button button--quiet" aria-label={`${t('web.home.conferences.open')}: ${conference.title}`}>
          {t('web.home.conferences.open')}
        </Link>
        <Link href={`/board/${conference.id}`} className="button" aria-label={`${t('web.home.conferences.board')}: ${conference.title}`}>
          {t('web.home.conferences.board')}
        </Link>
      </div>
    </li>
  )
}
