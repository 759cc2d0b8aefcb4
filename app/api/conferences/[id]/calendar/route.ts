import { apiRoute, readParams } from '@/lib/server/web/route'
import { requireViewerAllowedTo } from '@/lib/server/web/route-viewer'
import { getServerTranslator } from '@/lib/server/web/translator'
import { ApiError } from '@/lib/protocol/api-error'
import { ConferenceParams } from '@/lib/protocol/api'
import { CalendarQuery } from '@/lib/protocol/follow-up'
import { loadFollowUp } from '@/lib/server/follow-up/load'
import { agreementCalendar } from '@/lib/plan/follow-up/calendar'

/**
 * GET /api/conferences/[id]/calendar?agreement=… — one of one's own agreements (owner or backup)
 * as a calendar file with its rhythm (lib/plan/follow-up/calendar.ts). Never cached: it names the
 * agreement's words.
 */
export const GET = apiRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await readParams(ctx.params, ConferenceParams)
  const { db, participant } = await requireViewerAllowedTo(id, 'checkin.write')
  const query = CalendarQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams))
  if (!query.success) throw new ApiError('bad_request', 'which agreement?')
  const now = new Date()
  const loaded = await loadFollowUp(db, id, now)
  const item = loaded?.followUp.agreements.find((a) => a.agreement.id === query.data.agreement)
  if (!loaded || !item) throw new ApiError('not_found', 'no such agreement')
  if (!item.ownerIds.includes(participant.id) && !item.backupIds.includes(participant.id)) throw new ApiError('forbidden', 'not one of your agreements')
  const { t } = await getServerTranslator()
  const description = [item.agreement.when && `${t('followUp.mine.when')}: ${item.agreement.when}`, item.agreement.howWeKnow && `${t('followUp.mine.howWeKnow')}: ${item.agreement.howWeKnow}`]
    .filter(Boolean)
    .join('\n')
  const body = agreementCalendar({ agreement: item.agreement, conferenceId: id, frozenAt: loaded.version.frozenAt, now, title: item.agreement.what.slice(0, 200), description })
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'attachment; filename="kring-afspraak.ics"',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
})
