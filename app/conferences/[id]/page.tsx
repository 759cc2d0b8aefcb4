import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'
import { policyContextOf } from '@/lib/conference/access-state'
import { listVersions, mayExport } from '@/lib/conference/agreement-versions'
import { listInvitations } from '@/lib/conference/invitations'
import { may } from '@/lib/conference/policy'
import { SiteFrame } from '../../_components/SiteFrame'
import { getServerTranslator } from '../../_i18n/server'
import { InvitationsPanel } from './_components/InvitationsPanel'
import { VersionsSection } from './_components/VersionsSection'
import { resolvePageViewer } from '../../_server/page-viewer'

type Params = Promise<{ id: string }>

export async function generateMetadata(): Promise<Metadata> {
  // The title may name a family: it stays out of the browser's title bar and history.
  const { t } = await getServerTranslator()
  return { title: t('web.invitations.title') }
}

/**
 * `/conferences/[id]`: the facilitator's page for one conference: open the board, invite
 * people, see and revoke invitations, and export the agreed versions of the plan. A professional
 * of the conference (signed in, or by their invitation link) sees the same page with the
 * versions only, to export them. Anyone else gets "not found".
 */
export default async function ConferencePage({ params }: { params: Params }) {
  const { id } = await params
  const { user, access, db } = await resolvePageViewer(id)
  const allowed = access.ok && mayExport(access.participant.role, access.conference.phase)
  if (!allowed && !user) redirect(`/login?callbackUrl=${encodeURIComponent(`/conferences/${id}`)}`)
  if (!allowed) notFound()
  const { conference, participant } = access
  const isFacilitator = participant.role === 'facilitator'
  const mayReadAudit = may(participant.role, conference.phase, 'audit.read', policyContextOf(conference))
  const [invitations, { versions }] = await Promise.all([
    isFacilitator ? listInvitations(db, conference.id) : Promise.resolve([]),
    listVersions(db, conference.id, participant),
  ])
  const { t } = await getServerTranslator()
  return (
    <SiteFrame>
      <div className="stack">
        {user && (
          <Link href="/" className="back-link">
            ← {t('web.conference.backHome')}
          </Link>
        )}
        <section className="card">
          <h1>{conference.title}</h1>
          <dl className="facts">
            <div>
              <dt>{t('web.conference.kind')}</dt>
              <dd>{t(`common.kind.${conference.kind}`)}</dd>
            </div>
            <div>
              <dt>{t('web.conference.phase')}</dt>
              <dd>{t(`common.phase.${conference.phase}`)}</dd>
            </div>
          </dl>
          <div className="button-row">
            <Link href={`/board/${conference.id}`} className="button" data-testid="open-board">
              {t('web.conference.openBoard')}
            </Link>
            {mayReadAudit && (
              <Link href={`/conferences/${conference.id}/audit`} className="button button--quiet" data-testid="open-audit">
                {t('web.conference.audit')}
              </Link>
            )}
          </div>
        </section>
        {isFacilitator && <InvitationsPanel conferenceId={conference.id} invitations={invitations} />}
        <VersionsSection conferenceId={conference.id} versions={versions} />
      </div>
    </SiteFrame>
  )
}
