import type { Kysely } from 'kysely'
import { truncateWal, type Db } from '../../db/connect'
import { recordAudit } from '../../db/repositories/audit'
import type { Database } from '../../db/schema'
import { isStructureRecord } from '../../../board/board-structure'
import { isItemKey } from '../board-history-rules'
import { recordsOfDoc, storedBoardDoc } from '../board-history'
import { getLiveEvents } from '../live-events'
import { closeLiveConference } from './live-closer'
import { conferenceOwnedTables } from './owned-tables'

/** What deleting a conference takes away, as the facilitator confirms it and the audit log records it. */
export interface DeletionSummary {
  /** Items people put on the board (cards, people, drawings…); the template's areas are not counted. */
  items: number
  /** Agreed versions of the plan (with their PDFs' contents and board images). */
  versions: number
  /** People taking part, the facilitator included, with their invitations. */
  participants: number
  /** Saved states in the board's history. */
  checkpoints: number
}

export type DeletedBy = 'facilitator' | 'cli' | 'retention'

/** A deleted conference's row keeps no date worth keeping it until: nothing of it is retained. */
const NOTHING_RETAINED = new Date(0).toISOString()

async function countOf(db: Db, table: 'plan_versions' | 'participants' | 'board_checkpoints', conferenceId: string): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('conference_id', '=', conferenceId)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

export async function deletionSummary(db: Db, conferenceId: string): Promise<DeletionSummary> {
  const doc = await storedBoardDoc(db, conferenceId)
  const records = recordsOfDoc(doc)
  const items = Object.entries(records).filter(([key, value]) => isItemKey(key) && !isStructureRecord(key, value)).length
  doc.destroy()
  const [versions, participants, checkpoints] = await Promise.all([
    countOf(db, 'plan_versions', conferenceId),
    countOf(db, 'participants', conferenceId),
    countOf(db, 'board_checkpoints', conferenceId),
  ])
  return { items, versions, participants, checkpoints }
}

/**
 * Delete every conference-owned row (./owned-tables.ts) of one conference, or of every deleted
 * conference (what another process wrote back). Returns the rows deleted.
 */
export async function deleteOwnedRows(db: Kysely<Database>, of: { conferenceId: string } | 'all-deleted'): Promise<number> {
  let rows = 0
  for (const table of conferenceOwnedTables) {
    // Every listed table has a conference_id (checked by the list's type); Kysely cannot see that through the union.
    const query = db.deleteFrom(table as 'participants')
    const result = await (of === 'all-deleted'
      ? query.where('conference_id', 'in', db.selectFrom('conferences').select('id').where('deleted_at', 'is not', null))
      : query.where('conference_id', '=', of.conferenceId)
    ).executeTakeFirst()
    rows += Number(result.numDeletedRows)
  }
  return rows
}

/**
 * Delete a conference: everything it owns, with no byte of its board left in the database file.
 * 1. The row is emptied and marked deleted first (title, facts, timer; retain_until in the past),
 *    so nothing takes a new checkpoint of it and the sweep would finish the job after a crash.
 * 2. The server closes its room and tells connected clients (4404), so nothing writes it back;
 *    the live event `conference.deleted` does the same on every other instance (REDIS_URL).
 * 3. Every conference-owned row goes, in one transaction with the audit entry (ids and counts).
 * 4. The WAL is checkpointed and truncated: with secure_delete on, the freed pages are zeros.
 * Returns what was deleted, or null when there was no such (undeleted) conference.
 */
export async function deleteConference(
  db: Db,
  input: { conferenceId: string; actor: string; by: DeletedBy; now?: Date },
): Promise<DeletionSummary | null> {
  const { conferenceId } = input
  const now = input.now ?? new Date()
  const existing = await db.selectFrom('conferences').select('id').where('id', '=', conferenceId).where('deleted_at', 'is', null).executeTakeFirst()
  if (!existing) return null
  const summary = await deletionSummary(db, conferenceId)

  const marked = await db
    .updateTable('conferences')
    .set({ deleted_at: now.toISOString(), retain_until: NOTHING_RETAINED, title: '', facts_json: '{}', timer_ends_at: null, last_activity_at: null })
    .where('id', '=', conferenceId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (Number(marked.numUpdatedRows) === 0) return null

  await closeLiveConference(conferenceId)
  getLiveEvents().emit('conference.deleted', { conferenceId })

  await db.transaction().execute(async (tx) => {
    await deleteOwnedRows(tx, { conferenceId })
    await recordAudit(tx, {
      conferenceId,
      actor: input.actor,
      action: 'conference.deleted',
      at: now,
      detail: `by=${input.by} items=${summary.items} versions=${summary.versions} participants=${summary.participants} checkpoints=${summary.checkpoints}`,
    })
  })
  await truncateWal(db)
  return summary
}
