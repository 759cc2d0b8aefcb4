import { sql } from 'kysely'
import { isPostgres, type Db } from '../../lib/server/db/connect'

/** Make every insert into the board log fail ("disk full"), on SQLite or PostgreSQL. */
export async function refuseUpdates(db: Db): Promise<void> {
  if (isPostgres(db)) {
    await sql`CREATE FUNCTION refuse_updates() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$`.execute(db)
    await sql`CREATE TRIGGER refuse_updates BEFORE INSERT ON yjs_updates FOR EACH ROW EXECUTE FUNCTION refuse_updates()`.execute(db)
    return
  }
  await sql`CREATE TRIGGER refuse_updates BEFORE INSERT ON yjs_updates BEGIN SELECT RAISE(ABORT, 'disk full'); END`.execute(db)
}

export async function allowUpdates(db: Db): Promise<void> {
  if (isPostgres(db)) {
    await sql`DROP TRIGGER refuse_updates ON yjs_updates`.execute(db)
    await sql`DROP FUNCTION refuse_updates()`.execute(db)
    return
  }
  await sql`DROP TRIGGER refuse_updates`.execute(db)
}
