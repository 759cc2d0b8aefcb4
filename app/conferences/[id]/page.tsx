import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'
import { requireFacilitatedConference } from '@/lib/conference/access'
import { listInvitations } from '@/lib/conference/invitations'
import { ConferenceId } from '@/lib/conference/model'
import type { Conference } from '@/lib/db/schema'
import { ApiError } from '@/lib/protocol/api-error'
import { SiteFrame } from '../../_components/SiteFrame'
import { getServerTranslator } from '../../_i18n/server'
import { getDb } from '../../_server/db'
import { getSignedInUser } from '../../_server/session'
import { InvitationsPanel } from './_components/InvitationsPanel'

type Params = Promise<{ id: string }>

export async function generateMetadata(): Promise<Metadata> {
  // The title may name a family: it stays out of the browser's title bar and history.
  const { t } = await getServerTranslator()
  return { title: t('web.invitations.title') }
}

/**
 * `/conferences/[id]`: the facilitator's page for one conference: open the board, invite
 * people, see and revoke invitations. Anyone else gets "not found".
 */
export default async function ConferencePage({ params }: { params: Params }) {
  const { id } = await params
  if (!ConferenceId.safeParse(id).success) notFound()
  const user = await getSignedInUser()
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(`/conferences/${id}`)}`)
  const db = await getDb()
  let conference: Conference
  try {
    ;({ conference } = await requireFacilitatedConference(db, id, user.id))
  } catch (err) {
    if (err instanceof ApiError) notFound()
    throw err
  }
  const invitations = await listInvitations(db, conference.id)
  const { t } = await getServerTranslator()
  return (
    <SiteFrame>
      <div className="stack">
        <Link href="/" className="back-link">
          ← {t('web.conference.backHome')}
        </Link>
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
          <Link href={`/board/${conference.id}`} className="button" data-testid="open-board">
            {t('web.conference.openBoard')}
          </Link>
        </section>
        <InvitationsPanel conferenceId={conference.id} invitations={invitations} />
      </div>
    </SiteFrame>
  )
}
