import { sql } from 'kysely'
import { isPostgres, sqliteHandleOf, type Db } from '../connect'
import { appendWorkerOf } from '../sqlite-workers'
import { INSERT_UPDATE_SQL } from './yjs-log-insert'
import { LOG_LOCK } from './advisory-locks'

/**
 * The board's storage: an append-only log of Yjs updates per conference, folded now and then
 * into one snapshot. Loading = snapshot + every update logged after it.
 */
export async function appendUpdate(db: Db, conferenceId: string, update: Uint8Array): Promise<number> {
  const row = await db
    .insertInto('yjs_updates')
    .values({ conference_id: conferenceId, data: update, created_at: new Date().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(row.id)
}

export type UpdateAppender = (conferenceId: string, update: Uint8Array) => Promise<number>

/**
 * appendUpdate for the sync server's hot path: every edit waits for it before it is relayed.
 * On SQLite it runs one prepared statement, skipping the query builder's compile and prepare on
 * every call (it roughly halves the latency a stored edit adds to fan-out). The statement is a
 * plain INSERT run to its end (`.run()`, the id from `lastInsertRowid`, which is the id column):
 * an `INSERT … RETURNING` read with `.get()` is reset after its first row instead of stepped to
 * its end, and SQLite only runs its WAL hook (the automatic checkpoint) when a statement steps to
 * its end, so the WAL was never checkpointed and grew by every update (258 MB for 20k). While
 * another query holds a transaction on the shared connection it takes the ordinary path, which
 * waits for that transaction to end, so an update never becomes part of (and rolls back with)
 * someone else's transaction. When the server runs its append worker (startSqliteWorkers), the
 * same INSERT runs there, batched per turn of the worker's loop. On PostgreSQL it is one plain INSERT that also holds the board's
 * log lock shared (appendUpdateLocked), so a compaction on any instance can wait for every
 * append in flight.
 */
export function createUpdateAppender(db: Db): UpdateAppender {
  if (isPostgres(db)) return (conferenceId, update) => appendUpdateLocked(db, conferenceId, update)
  const sqlite = sqliteHandleOf(db)
  if (!sqlite) return (conferenceId, update) => appendUpdate(db, conferenceId, update)
  const insert = sqlite.prepare<[string, Uint8Array, string]>(INSERT_UPDATE_SQL)
  return async (conferenceId, update) => {
    if (sqlite.inTransaction) return appendUpdate(db, conferenceId, update)
    // The server's: stored from a worker thread, off the event loop (append-worker.ts).
    const worker = appendWorkerOf(db)
    if (worker) return worker.append(conferenceId, update)
    const { lastInsertRowid } = insert.run(conferenceId, update, new Date().toISOString())
    return Number(lastInsertRowid)
  }
}

/**
 * PostgreSQL: append while holding the board's log lock shared, in the statement's own transaction
 * (one round trip). The lock is taken before the row's id is drawn from the sequence, so once a
 * compaction has held the lock exclusively (compactStoredBoard) every id below the highest it
 * then sees is committed: none can appear later below the point it folds up to.
 */
async function appendUpdateLocked(db: Db, conferenceId: string, update: Uint8Array): Promise<number> {
  const createdAt = new Date().toISOString()
  const result = await sql<{ id: number }>`
    WITH board_lock AS (SELECT pg_advisory_xact_lock_shared(${LOG_LOCK}, hashtext(${conferenceId})))
    INSERT INTO yjs_updates (conference_id, data, created_at)
    SELECT ${conferenceId}, ${update}, ${createdAt} FROM board_lock
    RETURNING id`.execute(db)
  const row = result.rows[0]
  if (!row) throw new Error('insert returned no id')
  return Number(row.id)
}

export interface StoredBoard {
  snapshot: Uint8Array | null
  updates: Uint8Array[]
  /** Highest update id included, to compact up to later. */
  lastUpdateId: number
}

/**
 * The snapshot and the log after it, read in one transaction: a compaction committing between
 * the two reads would otherwise leave an old snapshot beside a log whose first rows it deleted,
 * and the board would read as it was before those rows (an export or another instance reading
 * while a room compacts). On PostgreSQL the transaction is REPEATABLE READ: its reads share one
 * snapshot (SQLite's read transactions always do). Given a transaction, it reads in that one.
 */
export async function loadBoard(db: Db, conferenceId: string): Promise<StoredBoard> {
  // Already inside a transaction (a restore reads the board it replaces): that one is consistent.
  if (db.isTransaction) return readBoard(db, conferenceId)
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute((tx) => readBoard(tx, conferenceId))
}

async function readBoard(tx: Db, conferenceId: string): Promise<StoredBoard> {
  const snapshot = await tx
    .selectFrom('yjs_snapshots')
    .select(['data', 'last_update_id'])
    .where('conference_id', '=', conferenceId)
    .executeTakeFirst()
  const after = snapshot ? Number(snapshot.last_update_id) : 0
  const rows = await tx
    .selectFrom('yjs_updates')
    .select(['id', 'data'])
    .where('conference_id', '=', conferenceId)
    .where('id', '>', after)
    .orderBy('id', 'asc')
    .execute()
  return {
    snapshot: snapshot ? new Uint8Array(snapshot.data) : null,
    updates: rows.map((r) => new Uint8Array(r.data)),
    lastUpdateId: rows.length > 0 ? Number(rows[rows.length - 1]!.id) : after,
  }
}

/**
 * Replace the log up to `upToUpdateId` by a snapshot that already contains those updates.
 * One transaction: a crash leaves either the old log or the new snapshot, never neither.
 */
export async function compactBoard(db: Db, conferenceId: string, snapshot: Uint8Array, upToUpdateId: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const now = new Date().toISOString()
    await tx
      .insertInto('yjs_snapshots')
      .values({ conference_id: conferenceId, data: snapshot, last_update_id: upToUpdateId, updated_at: now })
      .onConflict((oc) => oc.column('conference_id').doUpdateSet({ data: snapshot, last_update_id: upToUpdateId, updated_at: now }))
      .execute()
    await tx.deleteFrom('yjs_updates').where('conference_id', '=', conferenceId).where('id', '<=', upToUpdateId).execute()
  })
}

export async function countUpdates(db: Db, conferenceId: string): Promise<number> {
  const row = await db
    .selectFrom('yjs_updates')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('conference_id', '=', conferenceId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
