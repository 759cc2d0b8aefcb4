import { PostgresAdapter, sql, type ColumnDataType, type Expression, type Kysely } from 'kysely'

/**
 * The few column types that differ between SQLite and PostgreSQL, for the migrations. On SQLite
 * each is exactly what the migrations always wrote, so existing files migrate as before.
 */
function onPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}

/** Binary data: SQLite `blob`, PostgreSQL `bytea`. */
export function binaryType(db: Kysely<unknown>): ColumnDataType | Expression<unknown> {
  return onPostgres(db) ? sql`bytea` : 'blob'
}

/**
 * An id the database counts up (`yjs_updates`, `audit_log`, `board_restores`): SQLite's integer
 * primary key with autoincrement, PostgreSQL's bigserial (its builder leaves `autoincrement` out).
 */
export function counterIdType(db: Kysely<unknown>): ColumnDataType {
  return onPostgres(db) ? 'bigserial' : 'integer'
}

/** A column that holds a counterIdType id (`yjs_snapshots.last_update_id`). */
export function counterRefType(db: Kysely<unknown>): ColumnDataType {
  return onPostgres(db) ? 'bigint' : 'integer'
}

/** Whether the `autoincrement` keyword applies (SQLite only; bigserial counts by itself). */
export function usesAutoIncrement(db: Kysely<unknown>): boolean {
  return !onPostgres(db)
}
