import type { Metadata } from 'next'
import { I18nProvider } from '@/app/_i18n/I18nProvider'
import { getServerTranslator } from '@/app/_i18n/server'
import { BoardClient } from './_components/BoardClient'
import { openBoard } from './open-board'

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getServerTranslator()
  return { title: t('web.board.title') }
}

/**
 * `/board/[conferenceId]`: who is looking and a fresh ticket for the sockets (./open-board), then
 * the board itself on the whole screen.
 */
export default async function BoardPage({ params }: { params: Promise<{ conferenceId: string }> }) {
  const { conferenceId } = await params
  const result = await openBoard(conferenceId, `/board/${conferenceId}`)
  if ('refusal' in result) return result.refusal
  const { conference, participant, ticket, config } = result.opened
  const { locale } = await getServerTranslator()
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
