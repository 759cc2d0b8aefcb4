import type { Metadata } from 'next'
import Link from 'next/link'
import { NoAccessNotice } from '@/lib/server/web/views/NoAccessNotice'
import { resolvePageViewer } from '@/lib/server/web/page-viewer'
import { listVersions } from '@/lib/server/conference/version-list'
import { listInvitations } from '@/lib/server/conference/invitations'
import { SiteFrame } from '../../../lib/server/web/views/SiteFrame'
import { getServerTranslator } from '../../../lib/server/web/translator'
import { InvitationsPanel } from '../../../client/web/conference/InvitationsPanel'
import { VersionsSection } from '../../../client/web/conference/VersionsSection'
import { conferencePageSections } from '../../../lib/conference/conference-page-sections'
import { permits } from '@/lib/conference/gate'
import { conferenceFactsOf } from '@/lib/server/db/repositories/conferences'
import { ConferenceFactsForm } from '../../../client/web/conference/ConferenceFactsForm'
import { RetentionSection } from '../../../client/web/conference/RetentionSection'
import { MyDataLink } from '../../../client/web/conference/MyDataLink'
import { getConfig } from '@/lib/server/config/env'
import { retentionOf } from '@/lib/server/conference/retention/retention-settings'

type Params = Promise<{ id: string }>

export async function generateMetadata(): Promise<Metadata> {
  // The title may name a family: it stays out of the browser's title bar and history.
  const { t } = await getServerTranslator()
  return { title: t('web.invitations.title') }
}

/**
 * `/conferences/[id]`: one conference: open the board, and, as the gate allows this person
 * (./page-sections.ts), invite people and see and revoke invitations (the facilitator), see the
 * agreed versions of the plan and export them (the facilitator and professionals, when present),
 * and the audit log. Someone not let in (lobby, declined, removed) or whose credential opens
 * nothing here sees a neutral notice; nobody signed in and without an invitation is sent to sign in.
 */
export default async function ConferencePage({ params }: { params: Params }) {
  const { id } = await params
  const viewer = await resolvePageViewer(id, `/conferences/${id}`)
  const sections = viewer && conferencePageSections(viewer.participant, viewer.conference)
  if (!viewer || !sections) return <NoAccessNotice reason="page" />
  const { user, conference, db } = viewer
  const [invitations, versions] = await Promise.all([
    sections.invitations ? listInvitations(db, conference.id) : Promise.resolve([]),
    sections.versions ? listVersions(db, viewer).then((list) => list.versions) : Promise.resolve([]),
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
            {permits(viewer.participant, conference, 'followup.read') && (
              <Link href={`/conferences/${conference.id}/follow-up`} className="button button--quiet" data-testid="open-follow-up">
                {t('followUp.view.link')}
              </Link>
            )}
            {permits(viewer.participant, conference, 'checkin.write') && (
              <Link href={`/conferences/${conference.id}/my-agreements`} className="button button--quiet" data-testid="open-my-agreements">
                {t('followUp.mine.title')}
              </Link>
            )}
            {sections.audit && (
              <Link href={`/conferences/${conference.id}/audit`} className="button button--quiet" data-testid="open-audit">
                {t('web.conference.audit')}
              </Link>
            )}
          </div>
        </section>
        {/* The case-file facts: whoever may change the conference's settings (the facilitator). */}
        {permits(viewer.participant, conference, 'settings.write') && <ConferenceFactsForm conferenceId={conference.id} facts={conferenceFactsOf(conference)} />}
        {sections.invitations && <InvitationsPanel conferenceId={conference.id} invitations={invitations} />}
        {sections.versions && <VersionsSection conferenceId={conference.id} versions={versions} mayExport={sections.exports} />}
        {/* When Kring deletes the conference, and deleting it now: the facilitator. */}
        {permits(viewer.participant, conference, 'conference.retention') && (
          <RetentionSection conferenceId={conference.id} retention={retentionOf(conference, getConfig().retention)} mayDelete={permits(viewer.participant, conference, 'conference.delete')} />
        )}
        {permits(viewer.participant, conference, 'personalData.export') && <MyDataLink conferenceId={conference.id} />}
      </div>
    </SiteFrame>
  )
}
