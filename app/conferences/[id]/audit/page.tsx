import type { Metadata } from 'next'
import Link from 'next/link'
import { NoAccessNotice } from '@/lib/server/web/views/NoAccessNotice'
import { resolvePageViewer } from '@/lib/server/web/page-viewer'
import { auditNames, describeAuditEntries } from '@/lib/server/conference/audit-log'
import { permits } from '@/lib/conference/gate'
import { listAudit } from '@/lib/server/db/repositories/audit'
import { listParticipants } from '@/lib/server/db/repositories/participants'
import { SiteFrame } from '../../../../lib/server/web/views/SiteFrame'
import { getServerTranslator } from '../../../../lib/server/web/translator'
import { AuditTable } from '../../../../lib/server/web/views/AuditTable'

type Params = Promise<{ id: string }>

/** The page shows at most this many lines, newest first. */
const AUDIT_PAGE_LIMIT = 1000

export async function generateMetadata(): Promise<Metadata> {
  // The conference title may name a family: it stays out of the browser's title bar and history.
  const { t } = await getServerTranslator()
  return { title: t('web.audit.title') }
}

/**
 * `/conferences/[id]/audit`: the conference's audit log, for whom the gate allows `audit.read`
 * (the facilitator). Anyone else sees a neutral notice that reveals nothing; someone not signed in
 * and without an invitation to this conference is sent to sign in. The log holds ids; names are
 * looked up now, from the participants.
 */
export default async function AuditPage({ params }: { params: Params }) {
  const { id } = await params
  const viewer = await resolvePageViewer(id, `/conferences/${id}/audit`)
  if (!viewer || !permits(viewer.participant, viewer.conference, 'audit.read')) return <NoAccessNotice reason="page" />
  const { conference, db } = viewer

  const [entries, participants] = await Promise.all([listAudit(db, conference.id, AUDIT_PAGE_LIMIT), listParticipants(db, conference.id)])
  const { t, locale } = await getServerTranslator()
  const rows = describeAuditEntries(entries, auditNames(participants), t)
  return (
    <SiteFrame>
      <div className="stack">
        <Link href={`/conferences/${conference.id}`} className="back-link">
          <span aria-hidden="true" className="flip-in-rtl">←</span> {t('web.audit.back')}
        </Link>
        <section className="card" aria-labelledby="audit-heading">
          <h1 id="audit-heading">{t('web.audit.title')}</h1>
          <p className="muted">{t('web.audit.intro')}</p>
          {rows.length === 0 ? (
            <p className="muted">{t('web.audit.empty')}</p>
          ) : (
            <AuditTable rows={rows} caption={t('web.audit.caption', { title: conference.title })} locale={locale} />
          )}
          {rows.length >= AUDIT_PAGE_LIMIT && <p className="muted">{t('web.audit.limited', { count: AUDIT_PAGE_LIMIT })}</p>}
        </section>
      </div>
    </SiteFrame>
  )
}
