import type { RetentionConfig } from '../../config/env'
import type { Db } from '../../db/connect'
import { recordAudit } from '../../db/repositories/audit'
import type { Conference } from '../../db/schema'
import { ApiError } from '../../../protocol/api-error'
import type { RetentionResponse } from '../../../protocol/retention'
import { lastActivityOf, setLastActivity } from './activity'
import { choosableDates, retentionDaysFor } from './rules'

/** The conference's retention as its page shows it. */
export function retentionOf(conference: Conference, config: RetentionConfig): RetentionResponse {
  const lastActivity = lastActivityOf(conference)
  const bounds = choosableDates(lastActivity, config)
  return {
    retainUntil: conference.retain_until,
    lastActivityAt: lastActivity.toISOString(),
    retentionDays: conference.retention_days,
    earliest: bounds.earliest,
    latest: bounds.latest,
    auditDays: config.auditDays,
  }
}

/**
 * The facilitator chooses the date (YYYY-MM-DD) the conference is deleted on, between
 * RETENTION_MIN_DAYS and RETENTION_MAX_DAYS after now (choosing is itself activity). It is stored
 * as days after the last activity, so later activity moves the date by as much: a plan in use is
 * never deleted under a family's feet. The caller asked the gate (`conference.retention`).
 */
export async function changeRetention(
  db: Db,
  input: { conference: Conference; retainUntil: string; config: RetentionConfig; actor: string; now?: Date },
): Promise<RetentionResponse> {
  const now = input.now ?? new Date()
  const days = retentionDaysFor(input.retainUntil, now, input.config)
  if (days === null) {
    const { earliest, latest } = choosableDates(now, input.config)
    throw new ApiError('bad_request', `choose a date from ${earliest} to ${latest}`)
  }
  await setLastActivity(db, input.conference.id, now, days)
  await recordAudit(db, { conferenceId: input.conference.id, actor: input.actor, action: 'conference.retention-changed', detail: `days=${days}`, at: now })
  const updated = await db.selectFrom('conferences').selectAll().where('id', '=', input.conference.id).executeTakeFirstOrThrow()
  return retentionOf(updated, input.config)
}
