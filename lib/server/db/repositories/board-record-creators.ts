import { sqliteHandleOf, type Db } from '../connect'

/**
 * Who added each record of a board (`board_record_creators`), as the sync server saw it: the
 * participant whose accepted update first wrote the record's key. Never taken from the record
 * itself (its `meta` is the client's word). Records without a row (the template, boards from
 * before this table) belong to nobody: only the facilitator deletes them.
 */

export interface RecordCreation {
  recordId: string
  participantId: string
}

/** Every known creator of a board's records, by record key. */
export async function loadRecordCreators(db: Db, conferenceId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('board_record_creators')
    .select(['record_id', 'participant_id'])
    .where('conference_id', '=', conferenceId)
    .execute()
  return new Map(rows.map((row) => [row.record_id, row.participant_id]))
}

/** Store creations; a record that already has a creator keeps it (the first one wins). */
export async function insertRecordCreators(db: Db, conferenceId: string, creations: RecordCreation[]): Promise<void> {
  if (creations.length === 0) return
  const createdAt = new Date().toISOString()
  await db
    .insertInto('board_record_creators')
    .values(creations.map((c) => ({ conference_id: conferenceId, record_id: c.recordId, participant_id: c.participantId, created_at: createdAt })))
    .onConflict((oc) => oc.columns(['conference_id', 'record_id']).doNothing())
    .execute()
}

/**
 * Stores creations, synchronously if it can: `'stored'` when the rows are written on return,
 * else a promise (another database, or another query's transaction is open on the shared SQLite
 * connection and the rows must not become part of it, as in createUpdateAppender).
 */
export type RecordCreatorWriter = (conferenceId: string, creations: RecordCreation[]) => 'stored' | Promise<void>

/** insertRecordCreators for the sync server's write path: one prepared statement on SQLite. */
export function createRecordCreatorWriter(db: Db): RecordCreatorWriter {
  const sqlite = sqliteHandleOf(db)
  if (!sqlite) return (conferenceId, creations) => insertRecordCreators(db, conferenceId, creations)
  const insert = sqlite.prepare<[string, string, string, string]>(
    'INSERT INTO board_record_creators (conference_id, record_id, participant_id, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
  )
  const insertAll = sqlite.transaction((conferenceId: string, creations: RecordCreation[], createdAt: string) => {
    for (const c of creations) insert.run(conferenceId, c.recordId, c.participantId, createdAt)
  })
  return (conferenceId, creations) => {
    if (creations.length === 0) return 'stored'
    if (sqlite.inTransaction) return insertRecordCreators(db, conferenceId, creations)
    insertAll(conferenceId, creations, new Date().toISOString())
    return 'stored'
  }
}
