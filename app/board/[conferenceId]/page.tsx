import type { Metadata } from 'next'
import Link from 'next/link'
import { cookies } from 'next/headers'
import { notFound, redirect } from 'next/navigation'
import { Notice } from '@/app/_components/Notice'
import { SiteFrame } from '@/app/_components/SiteFrame'
import { I18nProvider } from '@/app/_i18n/I18nProvider'
import { getServerTranslator } from '@/app/_i18n/server'
import { getDb } from '@/app/_server/db'
import { getSignedInUser } from '@/app/_server/session'
import { getConfig } from '@/lib/config/env'
import { issueBoardTicket, resolveBoardAccess } from '@/lib/conference/access'
import { invitationCookieName } from '@/lib/conference/join-link'
import { ConferenceId } from '@/lib/conference/model'
import { BoardClient } from './_components/BoardClient'

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getServerTranslator()
  return { title: t('web.board.title') }
}

/**
 * `/board/[conferenceId]`: who is looking (a signed-in participant, else the invitation cookie
 * of this conference), a fresh ticket for the sockets, and the board itself on the whole screen.
 * Without any credential the person is sent to sign in; with one that does not fit, they are
 * told kindly that they have no access.
 */
export default async function BoardPage({ params }: { params: Promise<{ conferenceId: string }> }) {
  const { conferenceId } = await params
  if (!ConferenceId.safeParse(conferenceId).success) notFound()
  const user = await getSignedInUser()
  const invitationToken = (await cookies()).get(invitationCookieName(conferenceId))?.value
  const access = await resolveBoardAccess(await getDb(), conferenceId, { userId: user?.id, invitationToken })
  const { t, locale } = await getServerTranslator()

  if (!access.ok) {
    if (access.reason === 'unauthenticated') redirect(`/login?callbackUrl=${encodeURIComponent(`/board/${conferenceId}`)}`)
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
    <div className="board-viewport">
      <I18nProvider locale={locale}>
        <BoardClient
          conferenceId={conference.id}
          conferenceTitle={conference.title}
          ticket={ticket}
          ticketUrl={`/api/conferences/${conference.id}/ticket`}
          ticketTtlSeconds={config.ticketTtlSeconds}
          me={{ participantId: participant.id, displayName: participant.display_name, role: participant.role }}
          licenseKey={config.tldrawLicenseKey}
        />
      </I18nProvider>
    </div>
  )
}
