import type { Metadata } from 'next'
import { NoAccessNotice } from '@/lib/server/web/views/NoAccessNotice'
import { SiteFrame } from '@/lib/server/web/views/SiteFrame'
import { getServerTranslator } from '@/lib/server/web/translator'
import { LobbyDoor } from '../../../../client/board/meeting/LobbyDoor'
import { openBoard } from '../../../../lib/server/web/open-board'
import { PlanClient } from '../../../../client/plan-view/PlanClient'
import { FamilyCopy } from '../../../../client/plan-view/FamilyCopy'
import { MyDataLink } from '../../../../client/web/conference/MyDataLink'
import { permits } from '../../../../lib/conference/gate'
import { listPlanVersions } from '../../../../lib/server/db/repositories/plan-versions'
import { getDb } from '../../../../lib/server/web/db'

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getServerTranslator()
  return { title: t('plan.view.pageTitle') }
}

/**
 * `/board/[conferenceId]/plan`: the plan as it follows from the board, as readable HTML (no
 * canvas), live. Whoever may see the board may see its plan: the same gate and the same socket
 * ticket as the board page (../open-board); someone not let in yet sees the lobby, nothing of the conference.
 */
export default async function PlanPage({ params }: { params: Promise<{ conferenceId: string }> }) {
  const { conferenceId } = await params
  const opening = await openBoard(conferenceId, `/board/${conferenceId}/plan`)
  if (opening.kind === 'refused') return <NoAccessNotice reason={opening.reason} />
  if (opening.kind === 'knocking') {
    return (
      <SiteFrame showSignIn={false}>
        <LobbyDoor
          conferenceId={opening.conferenceId}
          ticket={opening.ticket}
          ticketUrl={`/api/conferences/${opening.conferenceId}/ticket`}
          ticketTtlSeconds={opening.config.ticketTtlSeconds}
          me={opening.me}
          variant="page"
        />
      </SiteFrame>
    )
  }
  const { conference, participant, ticket, config } = opening
  // The family's copy of the latest agreed version, in the reader's language (none before the first agreement).
  const latest = permits(participant, conference, 'plan.familyCopy') ? (await listPlanVersions(await getDb(), conference.id))[0] : undefined
  return (
    <SiteFrame showSignIn={false}>
      {latest ? <FamilyCopy conferenceId={conference.id} version={latest.version} frozenAt={latest.frozenAt} /> : null}
      <PlanClient
        conferenceId={conference.id}
        conferenceTitle={conference.title}
        ticket={ticket}
        ticketUrl={`/api/conferences/${conference.id}/ticket`}
        ticketTtlSeconds={config.ticketTtlSeconds}
        me={{ participantId: participant.id, displayName: participant.display_name, role: participant.role }}
      />
      {/* What Kring holds about this person (their own data, GDPR article 15). */}
      {permits(participant, conference, 'personalData.export') && <MyDataLink conferenceId={conference.id} />}
    </SiteFrame>
  )
}
