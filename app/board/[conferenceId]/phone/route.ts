import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { permits } from '@/lib/conference/gate'
import { getServerTranslator } from '@/lib/server/web/translator'
import { openBoard } from '@/lib/server/web/open-board'
import { lightManifest } from '@/lib/server/web/light/manifest'
import { phoneDocumentResponse, phoneMessages } from '@/lib/server/web/light/PhoneDocument'

export const dynamic = 'force-dynamic'

/**
 * `/board/[conferenceId]/phone`: where a phone lands after the join (issue 10). The same gate and
 * socket ticket as the board page (open-board: no credential goes to sign in, a malformed id is
 * not found); the phase and the gate's `board.write` answer are decided here so the view is right
 * before any socket is open. Anyone not let in goes to the board page, which has the lobby and
 * the notices.
 *
 * A light document (lib/server/web/light): plain HTML and the phone view's own small client
 * (Preact, scripts/build-light.mjs) instead of Next's client runtime, which alone is more than a
 * slow phone's budget. The whole board is its own page, one tap away.
 */
export async function GET(_req: Request, ctx: { params: Promise<{ conferenceId: string }> }): Promise<Response> {
  const { conferenceId } = await ctx.params
  const opening = await openBoard(conferenceId, `/board/${conferenceId}/phone`)
  if (opening.kind !== 'open') redirect(`/board/${conferenceId}`)
  const { conference, participant, ticket, config } = opening
  const { locale, t } = await getServerTranslator()
  return phoneDocumentResponse({
    t,
    nonce: (await headers()).get('x-nonce') ?? '',
    entry: lightManifest().phone,
    data: {
      locale,
      messages: phoneMessages(locale),
      props: {
        conferenceId: conference.id,
        conferenceTitle: conference.title,
        ticket,
        ticketUrl: `/api/conferences/${conference.id}/ticket`,
        ticketTtlSeconds: config.ticketTtlSeconds,
        me: { participantId: participant.id, displayName: participant.display_name, role: participant.role },
        initial: { phase: conference.phase, canWrite: permits(participant, conference, 'board.write') },
      },
    },
  })
}
