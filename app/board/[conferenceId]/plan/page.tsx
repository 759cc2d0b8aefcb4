import type { Metadata } from 'next'
import { SiteFrame } from '@/app/_components/SiteFrame'
import { getServerTranslator } from '@/app/_i18n/server'
import { openBoard } from '../open-board'
import { PlanClient } from './_components/PlanClient'

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getServerTranslator()
  return { title: t('plan.view.pageTitle') }
}

/**
 * `/board/[conferenceId]/plan`: the plan as it follows from the board, as readable HTML (no
 * canvas), live. Whoever may see the board may see its plan: the same access check and the same
 * socket ticket as the board page (../open-board).
 */
export default async function PlanPage({ params }: { params: Promise<{ conferenceId: string }> }) {
  const { conferenceId } = await params
  const result = await openBoard(conferenceId, `/board/${conferenceId}/plan`)
  if ('refusal' in result) return result.refusal
  const { conference, participant, ticket, config } = result.opened
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
