import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'
import type { JSX } from 'react'
import { Notice } from '@/app/_components/Notice'
import { SiteFrame } from '@/app/_components/SiteFrame'
import { getServerTranslator } from '@/app/_i18n/server'
import { resolvePageViewer } from '@/app/_server/page-viewer'
import { getConfig, type KringConfig } from '@/lib/config/env'
import { issueBoardTicket } from '@/lib/conference/access'
import type { Conference, Participant } from '@/lib/db/schema'

export interface OpenedBoard {
  conference: Conference
  participant: Participant
  /** A fresh short-lived ticket for the sockets. */
  ticket: string
  config: KringConfig
}

/**
 * The server side of every page about one board (the board, its plan view): who is looking (a
 * signed-in participant, else this conference's invitation cookie) and a fresh socket ticket.
 * Without any credential the person is sent to sign in and brought back to `returnTo`; with one
 * that does not fit they get a kind notice (returned as `refusal`, for the page to render).
 */
export async function openBoard(conferenceId: string, returnTo: string): Promise<{ opened: OpenedBoard } | { refusal: JSX.Element }> {
  const { access } = await resolvePageViewer(conferenceId)
  if (!access.ok) {
    if (access.reason === 'unauthenticated') redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`)
    if (access.reason === 'not_found') notFound()
    const { t } = await getServerTranslator()
    return {
      refusal: (
        <SiteFrame narrow showSignIn={false}>
          <Notice title={t('web.boardAccess.title')} tone="warning">
            <p>{t('web.boardAccess.body')}</p>
            <Link href="/">{t('web.boardAccess.home')}</Link>
          </Notice>
        </SiteFrame>
      ),
    }
  }
  const config = getConfig()
  const { ticket } = issueBoardTicket(config.authSecret, access.participant, config.ticketTtlSeconds)
  return { opened: { conference: access.conference, participant: access.participant, ticket, config } }
}
