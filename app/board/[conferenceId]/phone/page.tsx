import type { Metadata } from 'next'
import { permits } from '@/lib/conference/gate'
import { NoAccessNotice } from '@/lib/server/web/views/NoAccessNotice'
import { getServerTranslator } from '@/lib/server/web/translator'
import { LobbyDoor } from '../../../../client/board/meeting/LobbyDoor'
import { PhoneClient } from '../../../../client/phone/PhoneClient'
import { openBoard } from '../../../../lib/server/web/open-board'

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getServerTranslator()
  return { title: t('phone.title'), manifest: '/manifest.webmanifest' }
}

/**
 * `/board/[conferenceId]/phone`: where a phone lands after the join (issue 10). The same gate and
 * socket ticket as the board page (open-board); the phase and the gate's `board.write` answer
 * are decided here so the view is right before any socket is open.
 */
export default async function PhoneViewPage({ params }: { params: Promise<{ conferenceId: string }> }) {
  const { conferenceId } = await params
  const opening = await openBoard(conferenceId, `/board/${conferenceId}/phone`)
  if (opening.kind === 'refused') return <NoAccessNotice reason={opening.reason} />
  if (opening.kind === 'knocking') {
    return (
      <LobbyDoor
        conferenceId={opening.conferenceId}
        ticket={opening.ticket}
        ticketUrl={`/api/conferences/${opening.conferenceId}/ticket`}
        ticketTtlSeconds={opening.config.ticketTtlSeconds}
        me={opening.me}
        variant="page"
      />
    )
  }
  const { conference, participant, ticket, config } = opening
  return (
    <PhoneClient
      conferenceId={conference.id}
      conferenceTitle={conference.title}
      ticket={ticket}
      ticketUrl={`/api/conferences/${conference.id}/ticket`}
      ticketTtlSeconds={config.ticketTtlSeconds}
      me={{ participantId: participant.id, displayName: participant.display_name, role: participant.role }}
      initial={{ phase: conference.phase, canWrite: permits(participant, conference, 'board.write') }}
      licenseKey={config.tldrawLicenseKey}
    />
  )
}
