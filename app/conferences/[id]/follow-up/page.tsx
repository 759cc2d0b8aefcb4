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

type Params = Promise<{ id: string }>

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getServerTranslator()
  return { title: t('followUp.view.title') }
}

/**
 * `/conferences/[id]/follow-up`: the agreed plan as it is being carried out, for the facilitator
 * and the family group (`followup.read`): per agreement its status (lib/plan/follow-up/status.ts),
 * periods and latest answers, slipping ones first; then the load per person.
 */
export default async function FollowUpPage({ params }: { params: Params }) {
  const { id } = await params
  const viewer = await resolvePageViewer(id, `/conferences/${id}/follow-up`)
  if (!viewer || !permits(viewer.participant, viewer.conference, 'followup.read')) return <NoAccessNotice reason="page" />
  const { conference, db } = viewer
  const { t, locale } = await getServerTranslator()
  const loaded = await loadFollowUp(db, conference.id, new Date())
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
        </section>
        {loaded?.followUp.agreements.map((item) => <FollowUpAgreement key={item.agreement.id} item={item} names={loaded.names} t={t} locale={locale} />)}
        {loaded && loaded.followUp.load.length > 0 && <LoadTable load={loaded.followUp.load} t={t} locale={locale} />}
      </div>
    </SiteFrame>
  )
}
