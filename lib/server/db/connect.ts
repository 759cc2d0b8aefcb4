import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect } from 'kysely'
import { Migrator } from 'kysely/migration'
import { migrationProvider } from './migrations'
import type { Database } from './schema'

export type Db = Kysely<Database>

/** Whether a database location is a PostgreSQL URL (else it is a SQLite file path or `:memory:`). */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//.test(location)
}

/**
 * Open the database and bring its schema up to date: PostgreSQL for a `postgres://` URL,
 * else the SQLite file at that path (created with its folder), Kring's embedded default.
 */
export async function openDatabase(location: string): Promise<Db> {
  const db = isPostgresUrl(location) ? await openPostgres(location) : openSqlite(location)
  try {
    await migrate(db)
  } catch (err) {
    await db.destroy()
    throw err
  }
  return db
}

/** SQLite's default: a checkpoint once the WAL holds 1000 pages (about 4 MB). */
export const WAL_AUTOCHECKPOINT_PAGES = 1000
/** What the WAL file is cut back to after it grew past it (see openSqlite). */
export const WAL_SIZE_LIMIT_BYTES = 8 * 1024 * 1024

/**
 * What every connection that writes Kring's SQLite file sets (this one, and the append worker's:
 * lib/server/db/append-worker.ts). WAL with synchronous=NORMAL: a committed write survives a killed
 * process (it is in the OS page cache and the WAL), which is the durability the sync server
 * promises. secure_delete: deleted rows are overwritten with zeros, not just unlinked, so a deleted
 * conference's board text does not stay readable in the file (README "Retention and deletion").
 */
export const CONNECTION_PRAGMAS: readonly string[] = ['synchronous = NORMAL', 'foreign_keys = ON', 'secure_delete = ON', 'busy_timeout = 5000']

function openSqlite(sqlitePath: string): Db {
  if (sqlitePath !== ':memory:') mkdirSync(dirname(sqlitePath), { recursive: true })
  const sqlite = new SqliteDatabase(sqlitePath)
  sqlite.pragma('journal_mode = WAL')
  for (const pragma of CONNECTION_PRAGMAS) sqlite.pragma(pragma)
  // A bounded WAL (README "Storage"): SQLite copies the WAL into the database file once it holds
  // WAL_AUTOCHECKPOINT_PAGES pages (4 KiB each) and then writes it again from its start, so in
  // normal use it stays near 4 MB. A large transaction (a compaction writing a big snapshot) can
  // grow the file past that; journal_size_limit cuts it back to this size when the WAL restarts.
  sqlite.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`)
  sqlite.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`)
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  sqliteHandles.set(db, sqlite)
  return db
}

/**
 * Kept on globalThis: Next's route handlers get the server's Db (getSharedDatabase) but run their
 * own copy of this module, and a deletion there must still reach the handle (truncateWal).
 */
const HANDLES_KEY = Symbol.for('kring.sqliteHandles')
const sqliteHandles: WeakMap<Db, SqliteDatabase.Database> = ((globalThis as unknown as Record<symbol, WeakMap<Db, SqliteDatabase.Database> | undefined>)[HANDLES_KEY] ??= new WeakMap())
const INT8_OID = 20

/**
 * PostgreSQL through a pool (`pg`). Ids of the logs are bigint (bigserial): read as numbers,
 * as SQLite gives them (exact up to 2^53), and so are counts. bytea comes back as a Buffer, a
 * Uint8Array like SQLite's blobs. `pg` is loaded only here: on the embedded default (SQLite) it
 * never is (it costs start-up time and memory for nothing).
 */
async function openPostgres(url: string): Promise<Db> {
  const { default: pg } = await import('pg')
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  })
  // An idle client that loses its connection (the server restarted) is dropped by the pool; without a
  // listener its error would end the process.
  pool.on('error', () => {})
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
}

/** Whether a Db (or a transaction of one) talks to PostgreSQL. */
export function isPostgres(db: Kysely<unknown> | Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}


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
export function getSharedDatabase(location: string): Promise<Db> {
  const holder = globalThis as unknown as Record<symbol, Promise<Db> | undefined>
  const existing = holder[DB_KEY]
  if (existing) return existing
  const opening = openDatabase(location)
  holder[DB_KEY] = opening
  opening.catch(() => {
    holder[DB_KEY] = undefined
  })
  return opening
}

export function setSharedDatabase(db: Db): void {
  ;(globalThis as unknown as Record<symbol, Promise<Db> | undefined>)[DB_KEY] = Promise.resolve(db)
}
