import type { Metadata } from 'next'
import { permits } from '@/lib/conference/gate'
import { redirect } from 'next/navigation'
import { getServerTranslator } from '@/lib/server/web/translator'
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
  // The lobby and the notices live on the board page: importing them here would put socket.io and
  // the protocol's schemas into this page's first scripts (the bundler loads every client component
  // a page imports, rendered or not).
  if (opening.kind !== 'open') redirect(`/board/${conferenceId}`)
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
