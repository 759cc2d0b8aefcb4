import { NextResponse } from 'next/server'
import { apiRoute, readParams } from '@/lib/server/web/route'
import { requireViewerAllowedTo } from '@/lib/server/web/route-viewer'
import { auditActorOf } from '@/lib/server/web/audit-actor'
import { recordAudit } from '@/lib/server/db/repositories/audit'
import { personalDataOf } from '@/lib/server/conference/personal-data'
import { ConferenceParams } from '@/lib/protocol/api'

/**
 * GET /api/conferences/[id]/my-data — what Kring holds about the person asking (their invitation
 * cookie or their account), as a JSON download (lib/protocol/personal-data.ts); `personalData.export`.
 * Audited, as every export is.
 */
export const GET = apiRoute(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await readParams(ctx.params, ConferenceParams)
  const { db, conference, participant, user } = await requireViewerAllowedTo(id, 'personalData.export')
  const data = await personalDataOf(db, { participant, conference, user })
  await recordAudit(db, { conferenceId: id, actor: auditActorOf(participant), action: 'personal-data.exported' })
  return new NextResponse(JSON.stringify(data, null, 2), {
    status: 200,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="kring-my-data-${id}.json"`,
      'Cache-Control': 'no-store',
    },
  })
})
