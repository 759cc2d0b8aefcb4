import { z } from 'zod'
import { createId } from '../../auth/tokens'
import type { Db } from '../connect'
import type { CheckpointReason } from '../schema'

/**
 * Checkpoints of a board (restorable states) and the restores made from them. Checkpoints are
 * insert-and-prune only; restores are insert-only. Both go with their conference (cascade).
 */

export interface CheckpointSummary {
  id: string
  conferenceId: string
  createdAt: string
  reason: CheckpointReason
  /** Participant ids. */
  editors: string[]
  itemCount: number
  bytes: number
}

export interface Checkpoint extends CheckpointSummary {
  records: Record<string, unknown>
}

const Editors = z.array(z.string().max(64)).max(500)
const Records = z.record(z.string(), z.unknown())

export async function insertCheckpoint(
  db: Db,
  input: { conferenceId: string; reason: CheckpointReason; editors: readonly string[]; itemCount: number; records: Record<string, unknown>; createdAt?: Date },
): Promise<CheckpointSummary> {
  const recordsJson = JSON.stringify(input.records)
  const row = {
    id: createId(),
    conference_id: input.conferenceId,
    created_at: (input.createdAt ?? new Date()).toISOString(),
    reason: input.reason,
    editors_json: JSON.stringify([...new Set(input.editors)]),
    item_count: input.itemCount,
    records_json: recordsJson,
    bytes: recordsJson.length,
  }
  await db.insertInto('board_checkpoints').values(row).execute()
  return toSummary(row)
}

/** A board's checkpoints without their records, newest first. */
export async function listCheckpoints(db: Db, conferenceId: string): Promise<CheckpointSummary[]> {
  const rows = await db
    .selectFrom('board_checkpoints')
    .select(['id', 'conference_id', 'created_at', 'reason', 'editors_json', 'item_count', 'bytes'])
    .where('conference_id', '=', conferenceId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
  return rows.map(toSummary)
}

export async function findCheckpoint(db: Db, conferenceId: string, checkpointId: string): Promise<Checkpoint | null> {
  const row = await db
    .selectFrom('board_checkpoints')
    .selectAll()
    .where('conference_id', '=', conferenceId)
    .where('id', '=', checkpointId)
    .executeTakeFirst()
  if (!row) return null
  return { ...toSummary(row), records: Records.parse(JSON.parse(row.records_json)) }
}

export async function deleteCheckpoints(db: Db, conferenceId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return
  await db.deleteFrom('board_checkpoints').where('conference_id', '=', conferenceId).where('id', 'in', [...ids]).execute()
}

function toSummary(row: { id: string; conference_id: string; created_at: string; reason: CheckpointReason; editors_json: string; item_count: number; bytes: number }): CheckpointSummary {
  const editors = Editors.safeParse(JSON.parse(row.editors_json))
  return {
    id: row.id,
    conferenceId: row.conference_id,
    createdAt: row.created_at,
    reason: row.reason,
    editors: editors.success ? editors.data : [],
    itemCount: Number(row.item_count),
    bytes: Number(row.bytes),
  }
}

// ---- restores -----------------------------------------------------------------------------

export interface StoredRestore {
  id: number
  conferenceId: string
  data: Uint8Array
}

export async function insertRestore(db: Db, input: { conferenceId: string; checkpointId: string; data: Uint8Array; actor: string }): Promise<number> {
  const row = await db
    .insertInto('board_restores')
    .values({ conference_id: input.conferenceId, checkpoint_id: input.checkpointId, data: input.data, actor: input.actor, created_at: new Date().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(row.id)
}

/** Restores of every board after `afterId`, oldest first (the sync server's poll). */
export async function listRestoresAfter(db: Db, afterId: number, limit = 100): Promise<StoredRestore[]> {
  const rows = await db.selectFrom('board_restores').select(['id', 'conference_id', 'data']).where('id', '>', afterId).orderBy('id', 'asc').limit(limit).execute()
  return rows.map((r) => ({ id: Number(r.id), conferenceId: r.conference_id, data: new Uint8Array(r.data) }))
}

/** One board's restores, oldest first (re-applied when its room loads). */
export async function listRestoresOf(db: Db, conferenceId: string): Promise<StoredRestore[]> {
  const rows = await db.selectFrom('board_restores').select(['id', 'conference_id', 'data']).where('conference_id', '=', conferenceId).orderBy('id', 'asc').execute()
  return rows.map((r) => ({ id: Number(r.id), conferenceId: r.conference_id, data: new Uint8Array(r.data) }))
}

export async function lastRestoreId(db: Db): Promise<number> {
  const row = await db.selectFrom('board_restores').select((eb) => eb.fn.max<number | null>('id').as('id')).executeTakeFirst()
  return Number(row?.id ?? 0)
}
