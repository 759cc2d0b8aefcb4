/**
 * PostgreSQL advisory lock namespaces (the first key of the two-key form; the second is
 * `hashtext(conference_id)`). A hash collision between two boards only makes them wait for each
 * other now and then; it never lets two holders in at once.
 */
/** A board's log: appends hold it shared, a compaction's barrier exclusive (yjs-log.ts, yjs-compaction.ts). */
export const LOG_LOCK = 0x4b52_0001
/** A board's compaction: one instance at a time (try-lock; the loser skips, the log just waits). */
export const COMPACTION_LOCK = 0x4b52_0002
