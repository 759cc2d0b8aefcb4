/**
 * The board log's append as one statement (parameters: conference id, update, created at), run to
 * its end with `.run()` (yjs-log.ts says why). Its own module so the sync server's append worker
 * (lib/server/db/sqlite-workers.ts) prepares the same statement as the event loop's appender.
 */
export const INSERT_UPDATE_SQL = 'INSERT INTO yjs_updates (conference_id, data, created_at) VALUES (?, ?, ?)'
