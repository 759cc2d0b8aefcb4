import { truncateWal, type Db } from '../../db/connect'
import { deleteConference, deleteOwnedRows } from './deletion'
import { auditPurgeBefore } from './rules'

export interface SweepResult {
  /** Conferences deleted because their retention date passed. */
  deleted: string[]
  /** Rows of already deleted conferences found and deleted (written back by another process). */
  leftovers: number
  /** Audit entries past AUDIT_RETENTION_DAYS. */
  auditPurged: number
  /** Rows of deleted conferences whose audit term ended (nothing of them is left). */
  conferencesPurged: number
}

/** The audit log's actor for what the server deletes on its own. */
export const RETENTION_ACTOR = 'retention'

/**
 * The server's retention round (at start and every RETENTION_SWEEP_MS, server/retention.ts):
 * delete every conference past its retention date, finish deleting any that another process
 * left rows of, and purge audit entries (and the emptied rows of deleted conferences) past the
 * audit term. `now` is the caller's clock, so tests move time.
 */
export async function sweepRetention(db: Db, input: { now: Date; auditDays: number }): Promise<SweepResult> {
  const nowIso = input.now.toISOString()
  const expired = await db
    .selectFrom('conferences')
    .select('id')
    .where('deleted_at', 'is', null)
    .where('retain_until', '<=', nowIso)
    .execute()
  const deleted: string[] = []
  for (const { id } of expired) {
    if (await deleteConference(db, { conferenceId: id, actor: RETENTION_ACTOR, by: 'retention', now: input.now })) deleted.push(id)
  }

  const leftovers = await deleteOwnedRows(db, 'all-deleted')

  const cutoff = auditPurgeBefore(input.now, input.auditDays).toISOString()
  const { auditPurged, conferencesPurged } = await db.transaction().execute(async (tx) => {
    const audit = await tx.deleteFrom('audit_log').where('at', '<', cutoff).executeTakeFirst()
    // A deleted conference whose deletion is older than the audit term: its last entries and its row go.
    const ended = tx.selectFrom('conferences').select('id').where('deleted_at', '<', cutoff)
    const more = await tx.deleteFrom('audit_log').where('conference_id', 'in', ended).executeTakeFirst()
    const conferences = await tx.deleteFrom('conferences').where('deleted_at', '<', cutoff).executeTakeFirst()
    return { auditPurged: Number(audit.numDeletedRows) + Number(more.numDeletedRows), conferencesPurged: Number(conferences.numDeletedRows) }
  })
  if (leftovers > 0 || auditPurged > 0 || conferencesPurged > 0) await truncateWal(db)
  return { deleted, leftovers, auditPurged, conferencesPurged }
}
