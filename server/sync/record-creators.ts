import type * as Y from 'yjs'
import type { Db } from '../../lib/server/db/connect'
import { loadRecordCreators, type RecordCreation, type RecordCreatorWriter } from '../../lib/server/db/repositories/board-record-creators'
import type { Logger } from '../../lib/server/log/logger'
import { recordsMapOf } from '../../lib/sync/document-format'

/**
 * Who added each record of a loaded board, for the write policy's delete rules
 * (delete-rules.ts): in memory for the write path, written through to `board_record_creators`.
 *
 * A record's creator is the participant whose accepted update first wrote its key (a key the
 * board did not hold). It is learned from the room's document itself: every update a connection
 * sends is applied with that connection as the transaction's origin (room.ts), after the write
 * policy accepted it and the log stored it, so only accepted writes count, and a record's own
 * fields (`meta`) are never read. Template records and records from before this table have no
 * creator. The first creator stays: a record removed and brought back (undo) is still theirs.
 *
 * The row is written synchronously right after the update's own row (same tick, not the same
 * transaction). Should the process die between the two, the record has no creator: then only the
 * facilitator removes it, which is the safe side.
 */
export class RecordCreators {
  private constructor(
    private readonly conferenceId: string,
    private readonly creators: Map<string, string>,
    private readonly write: RecordCreatorWriter,
    private readonly logger: Logger,
  ) {}

  /** Load a board's creators and keep them current as the room's document takes accepted updates. */
  static async load(deps: { db: Db; write: RecordCreatorWriter; logger: Logger }, conferenceId: string, doc: Y.Doc): Promise<RecordCreators> {
    const creators = new RecordCreators(conferenceId, await loadRecordCreators(deps.db, conferenceId), deps.write, deps.logger)
    recordsMapOf(doc).observe((event, transaction) => creators.noteAdded(event, transaction.origin))
    return creators
  }

  /** Who added the record, or undefined when nobody did (the board's own). */
  creatorOf = (recordKey: string): string | undefined => this.creators.get(recordKey)

  private noteAdded(event: Y.YMapEvent<unknown>, origin: unknown): void {
    const participantId = writerOf(origin)
    if (participantId === null) return
    const creations: RecordCreation[] = []
    for (const [key, change] of event.changes.keys) {
      if (change.action !== 'add' || this.creators.has(key)) continue
      this.creators.set(key, participantId)
      creations.push({ recordId: key, participantId })
    }
    // Applied from another instance (server/scale-out/board-relay.ts), which stored the rows itself.
    if (creations.length === 0 || (origin as { remote?: unknown }).remote === true) return
    try {
      const stored = this.write(this.conferenceId, creations)
      if (stored !== 'stored') stored.catch((err: unknown) => this.notStored(err, creations.length))
    } catch (err) {
      this.notStored(err, creations.length)
    }
  }

  private notStored(err: unknown, count: number): void {
    // Kept in memory while the board is loaded; after a restart these records are nobody's.
    this.logger.error({ err, conferenceId: this.conferenceId, count }, 'record creators could not be stored')
  }
}

/** The participant behind a transaction: a sync connection (room.ts applies with it as origin). */
function writerOf(origin: unknown): string | null {
  if (typeof origin !== 'object' || origin === null) return null
  const participantId = (origin as { participantId?: unknown }).participantId
  return typeof participantId === 'string' && participantId !== '' ? participantId : null
}
