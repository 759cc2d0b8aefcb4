import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { Migrator } from 'kysely/migration'
import { migrationProvider } from './migrations'
import type { Database } from './schema'

export type Db = Kysely<Database>

/**
 * Open the SQLite database (creating its folder) and bring its schema up to date.
 * WAL with synchronous=NORMAL: a committed write survives a killed process (it is in the
 * OS page cache and the WAL), which is the durability the sync server promises.
 */
export async function openDatabase(sqlitePath: string): Promise<Db> {
  if (sqlitePath !== ':memory:') mkdirSync(dirname(sqlitePath), { recursive: true })
  const sqlite = new SqliteDatabase(sqlitePath)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  // Deleted rows are overwritten with zeros, not just unlinked: a deleted conference's board text
  // must not stay readable in the file (README "Retention and deletion").
  sqlite.pragma('secure_delete = ON')
  sqlite.pragma('busy_timeout = 5000')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  await migrate(db)
  sqliteHandles.set(db, sqlite)
  return db
}

/**
 * Kept on globalThis: Next's route handlers get the server's Db (getSharedDatabase) but run their
 * own copy of this module, and a deletion there must still reach the handle (truncateWal).
 */
const HANDLES_KEY = Symbol.for('kring.sqliteHandles')
const sqliteHandles: WeakMap<Db, SqliteDatabase.Database> = ((globalThis as unknown as Record<symbol, WeakMap<Db, SqliteDatabase.Database> | undefined>)[HANDLES_KEY] ??= new WeakMap())

/**
 * The better-sqlite3 handle behind a Db opened by openDatabase (undefined for any other
 * database), for the rare hot path that needs a prepared statement: see createUpdateAppender.
 */
export function sqliteHandleOf(db: Db): SqliteDatabase.Database | undefined {
  return sqliteHandles.get(db)
}

/**
 * After a deletion: copy the WAL into the database file and truncate it to zero bytes, so the
 * deleted pages' old images (still whole in the WAL) are gone too. Retries while a reader holds
 * an old snapshot; returns whether the WAL is empty. No-op (true) for databases not opened here.
 */
export async function truncateWal(db: Db, attempts = 20): Promise<boolean> {
  const sqlite = sqliteHandles.get(db)
  if (!sqlite || sqlite.memory) return true
  for (let attempt = 0; attempt < attempts; attempt++) {
    const [result] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[]
    if (result && result.busy === 0) return true
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return false
}

export async function migrate(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    throw new Error(`Database migration failed${failed ? ` at ${failed.migrationName}` : ''}: ${String(error)}`)
  }
}

const DB_KEY = Symbol.for('kring.db')

/**
 * The process-wide database handle, shared by the server and Next's route handlers
 * (separate module graphs in one process), hence cached on globalThis.
 */
export function getSharedDatabase(sqlitePath: string): Promise<Db> {
  const holder = globalThis as unknown as Record<symbol, Promise<Db> | undefined>
  const existing = holder[DB_KEY]
  if (existing) return existing
  const opening = openDatabase(sqlitePath)
  holder[DB_KEY] = opening
  opening.catch(() => {
    holder[DB_KEY] = undefined
  })
  return opening
}

export function setSharedDatabase(db: Db): void {
  ;(globalThis as unknown as Record<symbol, Promise<Db> | undefined>)[DB_KEY] = Promise.resolve(db)
}
