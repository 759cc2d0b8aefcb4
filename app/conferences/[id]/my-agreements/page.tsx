import type { Metadata } from 'next'
import Link from 'next/link'
import { NoAccessNotice } from '@/lib/server/web/views/NoAccessNotice'
import { resolvePageViewer } from '@/lib/server/web/page-viewer'
import { SiteFrame } from '@/lib/server/web/views/SiteFrame'
import { getServerTranslator } from '@/lib/server/web/translator'
import { permits } from '@/lib/conference/gate'
import { loadFollowUp } from '@/lib/server/follow-up/load'
import { myAgreements } from '@/lib/plan/follow-up/follow-up'
import { MyAgreementCard } from '@/lib/server/web/views/follow-up/MyAgreementCard'
import { ReminderMailForm } from '@/lib/server/web/views/follow-up/ReminderMailForm'
import { getConfig } from '@/lib/server/config/env'
import { findContact } from '@/lib/server/db/repositories/reminders'

type Params = Promise<{ id: string }>
type Search = Promise<{ saved?: string | string[]; tookOver?: string | string[]; mail?: string | string[] }>

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getServerTranslator()
  return { title: t('followUp.mine.title') }
}

/**
 * `/conferences/[id]/my-agreements`: between meetings, on the phone. The agreements of the latest
 * agreed version this person owns or backs up, each with its question of this period, and the
 * requests to them as backup. Reached from the invitation link ("Mijn afspraken"); the gate decides
 * `checkin.write`, the follow-up which agreements are theirs.
 */
export default async function MyAgreementsPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { id } = await params
  const search = await searchParams
  const viewer = await resolvePageViewer(id, `/conferences/${id}/my-agreements`)
  if (!viewer || !permits(viewer.participant, viewer.conference, 'checkin.write')) return <NoAccessNotice reason="page" />
  const { conference, participant, db } = viewer
  const { t, locale } = await getServerTranslator()
  const loaded = await loadFollowUp(db, conference.id, new Date())
  const mine = loaded ? myAgreements(loaded.followUp, participant.id, loaded.version.plan) : []
  const savedId = typeof search.saved === 'string' ? search.saved : null
  // Reminders by e-mail only when the server can send them, and only for someone asked to check in.
  const offersMail = getConfig().mail !== null && mine.some((m) => m.owner)
  const contact = offersMail ? await findContact(db, participant.id) : undefined
  return (
    <SiteFrame narrow showSignIn={false}>
      <div className="stack" data-testid="my-agreements">
        <section className="card">
          <p className="muted">{conference.title}</p>
          <h1>{t('followUp.mine.title')}</h1>
          <p>{t('followUp.mine.intro')}</p>
          {search.tookOver && <p role="status">{t('followUp.mine.tookOver')}</p>}
        </section>
        {!loaded && <p className="card">{t('followUp.mine.noPlan')}</p>}
        {loaded && mine.length === 0 && <p className="card">{t('followUp.mine.none')}</p>}
        {loaded &&
          mine.map((m) => (
            <MyAgreementCard key={m.followUp.agreement.id} conferenceId={conference.id} mine={m} names={loaded.names} t={t} locale={locale} saved={savedId === m.followUp.agreement.id} />
          ))}
        {offersMail && <ReminderMailForm conferenceId={conference.id} email={contact?.email ?? null} saved={search.mail !== undefined} t={t} />}
        {loaded && permits(participant, conference, 'followup.read') && (
          <Link href={`/conferences/${conference.id}/follow-up`} className="button button--quiet">
            {t('followUp.mine.followUpLink')}
          </Link>
        )}
      </div>
    </SiteFrame>
  )
}
