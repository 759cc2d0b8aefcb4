import type { Metadata } from 'next'
import Link from 'next/link'
import { NoAccessNotice } from '@/lib/server/web/views/NoAccessNotice'
import { resolvePageViewer } from '@/lib/server/web/page-viewer'
import { SiteFrame } from '@/lib/server/web/views/SiteFrame'
import { getServerTranslator } from '@/lib/server/web/translator'
import { permits } from '@/lib/conference/gate'
import { formatDate } from '@/lib/i18n/format'
import { loadFollowUp } from '@/lib/server/follow-up/load'
import { FollowUpAgreement } from '@/lib/server/web/views/follow-up/FollowUpAgreement'
import { LoadTable } from '@/lib/server/web/views/follow-up/LoadTable'
import { listParticipants } from '@/lib/server/db/repositories/participants'
import { personLinkRows } from '@/lib/plan/follow-up/people'
import { PeopleLinksSection } from '@/client/web/conference/PeopleLinksSection'
import linkStyles from '@/client/web/conference/PeopleLinksSection.module.css'

type Params = Promise<{ id: string }>

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getServerTranslator()
  return { title: t('followUp.view.title') }
}

/**
 * `/conferences/[id]/follow-up`: the agreed plan as it is being carried out, for the facilitator
 * and the family group (`followup.read`): per agreement its status (lib/plan/follow-up/status.ts),
 * periods and latest answers, slipping ones first; then the load per person. The facilitator
 * (`people.link`) also says here who on the board is which participant: this is where an owner
 * nobody can answer for shows up.
 */
export default async function FollowUpPage({ params }: { params: Params }) {
  const { id } = await params
  const viewer = await resolvePageViewer(id, `/conferences/${id}/follow-up`)
  if (!viewer || !permits(viewer.participant, viewer.conference, 'followup.read')) return <NoAccessNotice reason="page" />
  const { conference, db } = viewer
  const { t, locale } = await getServerTranslator()
  const loaded = await loadFollowUp(db, conference.id, new Date())
  const mayLink = loaded !== null && permits(viewer.participant, conference, 'people.link')
  const linkRows = loaded && mayLink ? personLinkRows(loaded.followUp.people, loaded.links) : []
  // An owner or backup nobody can answer for: said at the top, fixed in "Wie is wie" below.
  const unlinked = linkRows.filter((r) => r.state === 'ambiguous' || r.state === 'unmatched' || r.state === 'revoked').length
  const linkable = mayLink
    ? (await listParticipants(db, conference.id)).filter((p) => p.revoked_at === null).map((p) => ({ id: p.id, name: p.display_name, role: p.role }))
    : []
  return (
    <SiteFrame>
      <div className="stack" data-testid="follow-up">
        <Link href={`/conferences/${conference.id}`} className="back-link">
          ← {t('followUp.view.back')}
        </Link>
        <section className="card">
          <p className="muted">{conference.title}</p>
          <h1>{t('followUp.view.title')}</h1>
          {loaded ? (
            <p>{t('followUp.view.intro', { version: loaded.version.version, date: formatDate(loaded.version.frozenAt, locale) })}</p>
          ) : (
            <p>{t('followUp.view.noPlan')}</p>
          )}
          {unlinked > 0 && (
            <p className={linkStyles.attention} data-testid="unlinked-notice">
              <a href="#people-links">{t('followUp.links.attention', { count: unlinked })}</a>
            </p>
          )}
        </section>
        {loaded?.followUp.agreements.map((item) => <FollowUpAgreement key={item.agreement.id} item={item} names={loaded.names} t={t} locale={locale} />)}
        {loaded && mayLink && <PeopleLinksSection conferenceId={conference.id} rows={linkRows} participants={linkable} />}
        {loaded && loaded.followUp.load.length > 0 && <LoadTable load={loaded.followUp.load} t={t} locale={locale} />}
      </div>
    </SiteFrame>
  )
}
