import type { Metadata } from 'next'
import Link from 'next/link'
import { cookies } from 'next/headers'
import { notFound, redirect } from 'next/navigation'
import { Notice } from '@/app/_components/Notice'
import { SiteFrame } from '@/app/_components/SiteFrame'
import { getServerTranslator } from '@/app/_i18n/server'
import { getDb } from '@/app/_server/db'
import { getSignedInUser } from '@/app/_server/session'
import { getConfig } from '@/lib/config/env'
import { issueBoardTicket, resolveBoardAccess } from '@/lib/conference/access'
import { invitationCookieName } from '@/lib/conference/join-link'
import { ConferenceId } from '@/lib/conference/model'
import { PlanClient } from './_components/PlanClient'

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getServerTranslator()
  return { title: t('plan.view.pageTitle') }
}

/**
 * `/board/[conferenceId]/plan`: the plan as it follows from the board, as readable HTML (no
 * canvas), live. Whoever may see the board may see its plan: the same access check and the same
 * socket ticket as the board page.
 */
export default async function PlanPage({ params }: { params: Promise<{ conferenceId: string }> }) {
  const { conferenceId } = await params
  if (!ConferenceId.safeParse(conferenceId).success) notFound()
  const user = await getSignedInUser()
  const invitationToken = (await cookies()).get(invitationCookieName(conferenceId))?.value
  const access = await resolveBoardAccess(await getDb(), conferenceId, { userId: user?.id, invitationToken })
  const { t } = await getServerTranslator()

  if (!access.ok) {
    if (access.reason === 'unauthenticated') redirect(`/login?callbackUrl=${encodeURIComponent(`/board/${conferenceId}/plan`)}`)
    if (access.reason === 'not_found') notFound()
    return (
      <SiteFrame narrow showSignIn={false}>
        <Notice title={t('web.boardAccess.title')} tone="warning">
          <p>{t('web.boardAccess.body')}</p>
          <Link href="/">{t('web.boardAccess.home')}</Link>
        </Notice>
      </SiteFrame>
    )
  }

  const config = getConfig()
  const { conference, participant } = access
  const { ticket } = issueBoardTicket(config.authSecret, participant, config.ticketTtlSeconds)
  return (
    <SiteFrame showSignIn={false}>
      <PlanClient
        conferenceId={conference.id}
        conferenceTitle={conference.title}
        ticket={ticket}
        ticketUrl={`/api/conferences/${conference.id}/ticket`}
        ticketTtlSeconds={config.ticketTtlSeconds}
        me={{ participantId: participant.id, displayName: participant.display_name, role: participant.role }}
      />
    </SiteFrame>
  )
}
