import type { Metadata } from 'next'
import { catalogOf } from '@/lib/i18n/catalogs'
import { I18nProvider } from '@/client/i18n/I18nProvider'
import { NoAccessNotice } from '@/lib/server/web/views/NoAccessNotice'
import { getServerTranslator } from '@/lib/server/web/translator'
import { BoardClient } from '../../../client/board/BoardClient'
import { LobbyDoor } from '../../../client/board/meeting/LobbyDoor'
import { openBoard } from '../../../lib/server/web/open-board'

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getServerTranslator()
  return { title: t('web.board.title') }
}

/**
 * `/board/[conferenceId]`: who is looking and what the gate lets them see (./open-board), then the
 * board itself on the whole screen; for someone not let in yet the lobby (nothing of the
 * conference); for anyone else a neutral notice.
 */
export default async function BoardPage({ params }: { params: Promise<{ conferenceId: string }> }) {
  const { conferenceId } = await params
  const opening = await openBoard(conferenceId, `/board/${conferenceId}`)
  if (opening.kind === 'refused') return <NoAccessNotice reason={opening.reason} />
  const { locale } = await getServerTranslator()
  if (opening.kind === 'knocking') {
    return (
      <div className="board-viewport">
        <I18nProvider locale={locale} messages={catalogOf(locale)}>
          <LobbyDoor
            conferenceId={opening.conferenceId}
            ticket={opening.ticket}
            ticketUrl={`/api/conferences/${opening.conferenceId}/ticket`}
            ticketTtlSeconds={opening.config.ticketTtlSeconds}
            me={opening.me}
            variant="canvas"
          />
        </I18nProvider>
      </div>
    )
  }
  const { conference, participant, ticket, config } = opening
  return (
    <div className="board-viewport">
      <I18nProvider locale={locale} messages={catalogOf(locale)}>
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
