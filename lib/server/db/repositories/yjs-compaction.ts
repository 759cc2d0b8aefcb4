import { sql } from 'kysely'
import type { Db } from '../connect'
import { COMPACTION_LOCK, LOG_LOCK } from './advisory-locks'
import type { StoredBoard } from './yjs-log'

export type SharedCompaction = 'compacted' | 'nothing-to-fold' | 'busy'

/**
 * PostgreSQL: fold a board's log into its snapshot from what is stored, not from one instance's
 * document, so it is right whichever instance runs it and whatever that instance has seen.
 *
 * 1. A barrier, in a transaction of its own: the board's log lock taken exclusively for a moment
 *    waits for every append in flight (appends hold it shared, yjs-log.ts), and the highest id then
 *    visible is the fold point: every id below it is committed, none can appear later.
 * 2. One instance at a time: a try-lock on the board's compaction lock; if another instance holds
 *    it, this one skips (the log only grows a little until the next try).
 * 3. Snapshot and log up to the fold point are read, folded by `fold` (Yjs, the caller's), written
 *    as the new snapshot and deleted from the log in the same transaction as the try-lock. A
 *    compaction elsewhere between 1 and 3 may have folded past the point already: then nothing is
 *    left to fold.
 *
 * The two transactions follow each other and never nest: each holds one pooled connection at a
 * time. Nested, a barrier needed a second connection while its compaction held the first, and ten
 * boards compacting at once on one instance held all ten of the pool's connections, each waiting
 * for another: every query of that instance waited for ever (the capacity benchmark found it).
 */
export async function compactStoredBoard(db: Db, conferenceId: string, fold: (board: StoredBoard) => Uint8Array): Promise<SharedCompaction> {
  const foldTo = await db.transaction().execute(async (barrier) => {
    await sql`SELECT pg_advisory_xact_lock(${LOG_LOCK}, hashtext(${conferenceId}))`.execute(barrier)
    const row = await barrier
      .selectFrom('yjs_updates')
      .select((eb) => eb.fn.max('id').as('max'))
      .where('conference_id', '=', conferenceId)
      .executeTakeFirst()
    return row?.max == null ? null : Number(row.max)
  })
  if (foldTo === null) return 'nothing-to-fold'
  return db.transaction().execute(async (tx) => {
    const locked = await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(${COMPACTION_LOCK}, hashtext(${conferenceId})) AS ok`.execute(tx)
    if (!locked.rows[0]?.ok) return 'busy'
    const snapshot = await tx
      .selectFrom('yjs_snapshots')
      .select(['data', 'last_update_id'])
      .where('conference_id', '=', conferenceId)
      .executeTakeFirst()
    const after = snapshot ? Number(snapshot.last_update_id) : 0
    if (after >= foldTo) return 'nothing-to-fold'
    const rows = await tx
      .selectFrom('yjs_updates')
      .select(['id', 'data'])
      .where('conference_id', '=', conferenceId)
      .where('id', '>', after)
      .where('id', '<=', foldTo)
      .orderBy('id', 'asc')
      .execute()
    const folded = fold({
      snapshot: snapshot ? new Uint8Array(snapshot.data) : null,
      updates: rows.map((r) => new Uint8Array(r.data)),
      lastUpdateId: foldTo,
    })
    const now = new Date().toISOString()
    await tx
      .insertInto('yjs_snapshots')
      .values({ conference_id: conferenceId, data: folded, last_update_id: foldTo, updated_at: now })
      .onConflict((oc) => oc.column('conference_id').doUpdateSet({ data: folded, last_update_id: foldTo, updated_at: now }))
      .execute()
    await tx.deleteFrom('yjs_updates').where('conference_id', '=', conferenceId).where('id', '<=', foldTo).execute()
    return 'compacted'
  })
}
