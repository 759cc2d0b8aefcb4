import type { SerializedSchema } from '@tldraw/store'
import { isStoredOnBoard } from '../../lib/sync/board-record-types'
import { defaultShapeSchemas, type TLRecord, type TLSchema, type TLStore } from '@tldraw/tlschema'
import type { z } from 'zod'
import { isItemType, itemSchemas, itemTypes, type ItemType } from '../../lib/board/items'
import { BoardSettings, SETTINGS_MAP } from '../../lib/board/settings'
import { createKringTLSchema } from '../../lib/board/tldraw-schema'
import { WriteRefusal } from '../../lib/protocol/close-codes'
import { META_MAP, parseDocSchema, RECORDS_MAP, SCHEMA_KEY } from '../../lib/sync/document-format'
import { removedRecords, type UpdateEffect } from './record-guard'
import { breaksTickRule } from './tick-rule'

/**
 * The server's check of every record an update writes, before it is stored or relayed (issue 9:
 * "the server validates every record before anyone else sees it"). Pure: it reads the effect
 * (record-guard.ts) and a view of the board as it is, and never touches the document.
 *
 * A record is accepted when it is a tldraw 5.4 document record (shape, page, document, binding,
 * asset) stored under its own id, passes the board's tldraw schema (the same one the client store
 * uses, lib/board/tldraw-schema.ts, built once here) and, for Kring's items, their zod definition;
 * a shape's parent is a page or shape on the board after the update and makes no cycle; and it is
 * not too deep or too large for every client to decode. Besides `records` only `meta.schema` and
 * the known `settings` keys may be written, each with plain JSON. One failing record refuses the
 * whole update.
 */

/**
 * Deepest nesting of a record's JSON. tldraw's records nest a handful of levels (a shape's rich
 * text, an arrow's meta); Chromium's Yjs decoder overflows its stack somewhere below 6,000.
 */
export const MAX_RECORD_DEPTH = 64
/**
 * Largest record, as JSON bytes. A Kring item's props are at most a few KB (lib/board/items.ts caps
 * every text), a tldraw note or text shape with a long rich text some tens of KB.
 */
export const MAX_RECORD_BYTES = 256 * 1024

/** The rule a refused update broke: logged with the record's type, never its content. */
export type ValidationRule =
  | 'not-json'
  | 'unknown-place'
  | 'meta'
  | 'settings'
  | 'depth'
  | 'size'
  | 'not-a-record'
  | 'key-is-not-id'
  | 'not-document-scope'
  | 'migration'
  | 'tldraw-schema'
  | 'item-props'
  | 'parent'
  | 'parent-cycle'
  | 'newer-schema'
  | 'bottom-line-tick'

export type Validation =
  | { ok: true }
  | { ok: false; reason: typeof WriteRefusal.InvalidRecord | typeof WriteRefusal.NewerSchema; rule: ValidationRule; recordType: string }

/** The board as it is before the update: what the validation reads of it. */
export interface BoardView {
  /** The value stored under a key of `records`, or undefined. */
  record(key: string): unknown
  /** The value of `meta.schema`, or undefined. */
  schema: unknown
  /** Every record of the board, by key (read only when a bottom line is newly ticked). */
  entries(): Iterable<[string, unknown]>
}

/** The store schema of a Kring board, the one the client's store is made with. Built once. */
export const boardSchema: TLSchema = createKringTLSchema()

/**
 * The record types a board stores: tldraw's document scope, less `user` (tldraw 5.4 puts it in the
 * document scope for attribution; Kring attributes through participants, so a user record would only
 * carry a name into the board).
 */
export const BOARD_RECORD_TYPES: ReadonlySet<string> = new Set(
  Object.values(boardSchema.types)
    .filter((type) => type.scope === 'document' && isStoredOnBoard(type.typeName))
    .map((type) => type.typeName as string),
)
const DOCUMENT_TYPES = BOARD_RECORD_TYPES
const SETTINGS_FIELDS = BoardSettings.shape as Record<string, { safeParse(value: unknown): { success: boolean } }>
// Record types named in logs: only types the schema knows, so a crafted type name never reaches a log line.
const KNOWN_SHAPE_TYPES = new Set<string>([...Object.keys(defaultShapeSchemas), ...itemTypes])
/**
 * Each item's props schema, strict (no fields it does not know), built once: `.strict()` makes a
 * new schema, and zod compiles a new parser for a schema on its first parse, so building it per
 * record did both for every card written (the top of the sync server's profile under edits).
 */
const strictItemSchemas = new Map<ItemType, z.ZodType>(itemTypes.map((type) => [type, itemSchemas[type].strict()]))

type SchemaRelation = 'same' | 'older' | 'newer'
const serialized = boardSchema.serialize()
const SERVER_SEQUENCES: Record<string, number> = serialized.schemaVersion === 2 ? serialized.sequences : {}
const relations = new WeakMap<object, SchemaRelation>()

/** How a stored schema relates to the server's: the same, older (migrated to validate) or newer. */
export function relateToServer(docSchema: SerializedSchema | null): SchemaRelation {
  if (docSchema === null) return 'same'
  const known = relations.get(docSchema)
  if (known) return known
  // tldraw answers "incompatible" for a migration this server lacks; a whole sequence it lacks (a
  // shape type added later) it ignores, but that too is a newer app's board.
  const migrations = boardSchema.getMigrationsSince(docSchema)
  const unknownSequence = docSchema.schemaVersion === 2 && Object.keys(docSchema.sequences).some((id) => !Object.hasOwn(SERVER_SEQUENCES, id))
  const relation: SchemaRelation = !migrations.ok || unknownSequence ? 'newer' : migrations.value.length > 0 ? 'older' : 'same'
  relations.set(docSchema, relation)
  return relation
}

export function validateUpdate(effect: UpdateEffect, board: BoardView): Validation {
  const refuse = (rule: ValidationRule, recordType = 'none'): Validation => ({ ok: false, reason: WriteRefusal.InvalidRecord, rule, recordType })

  // Outside `records`: only `meta.schema` and the known settings, plain JSON.
  let writtenSchema: { value: unknown } | null = null
  for (const write of effect.outside ?? []) {
    if (!write.plain) return refuse('not-json', write.map === RECORDS_MAP ? 'record' : 'none')
    if (write.values.length === 0) continue // content deleted on the sender's side: nothing is stored
    if (write.map === META_MAP && write.key === SCHEMA_KEY) {
      writtenSchema = { value: write.values[write.values.length - 1] }
      continue
    }
    if (write.map === SETTINGS_MAP && write.key !== null && Object.hasOwn(SETTINGS_FIELDS, write.key)) {
      if (!write.values.every((value) => SETTINGS_FIELDS[write.key!]!.safeParse(value).success)) return refuse('settings')
      continue
    }
    return refuse(write.map === META_MAP ? 'meta' : write.map === SETTINGS_MAP ? 'settings' : 'unknown-place')
  }

  // The format the records are in after this update, and whether this server can read it.
  const currentSchema = parseDocSchema(board.schema)
  let docSchema = currentSchema
  if (writtenSchema !== null) {
    if (tooDeep(writtenSchema.value, MAX_RECORD_DEPTH)) return refuse('depth')
    const written = parseDocSchema(writtenSchema.value)
    if (written === null || movesBack(currentSchema, written)) return refuse('meta')
    docSchema = written
  }
  const relation = relateToServer(docSchema)
  const writes = effect.records.filter((touch) => touch.change === 'write')
  if (relation === 'newer' && (writes.length > 0 || writtenSchema !== null)) {
    return { ok: false, reason: WriteRefusal.NewerSchema, rule: 'newer-schema', recordType: 'none' }
  }

  // The board after the update, for the parent checks: the last value written per key wins.
  const after = new Map<string, unknown>()
  for (const { key } of removedRecords(effect)) after.set(key, undefined)
  for (const touch of writes) after.set(touch.key, touch.value)
  const recordAfter = (key: string): unknown => (after.has(key) ? after.get(key) : board.record(key))

  const validated: TLRecord[] = []
  for (const touch of writes) {
    const checked = validateRecord(touch.key, touch.value, relation === 'older' ? docSchema : null)
    if (!checked.ok) return checked
    validated.push(checked.record)
  }
  const boardAfter = function* (): Iterable<unknown> {
    for (const [key, value] of board.entries()) if (!after.has(key)) yield value
    for (const value of after.values()) if (value !== undefined) yield value
  }
  for (const touch of writes) {
    if (breaksTickRule(touch.previous, touch.value, boardAfter, touch.key)) return refuse('bottom-line-tick', 'kring-bottom-line')
  }
  const grounded = new Set<string>()
  for (const record of validated) {
    if (record.typeName !== 'shape') continue
    const rule = parentProblem(record.id, recordAfter, grounded)
    if (rule) return refuse(rule, typeLabel(record))
  }
  return { ok: true }
}

type RecordCheck = { ok: true; record: TLRecord } | Extract<Validation, { ok: false }>

/** One written record on its own: JSON bounds, identity, scope, then tldraw's and Kring's validators. */
export function validateRecord(key: string, value: unknown, olderSchema: SerializedSchema | null): RecordCheck {
  const refuse = (rule: ValidationRule, recordType = 'unknown'): RecordCheck => ({ ok: false, reason: WriteRefusal.InvalidRecord, rule, recordType })
  // Depth first: everything after it (JSON size, validators) walks the value recursively.
  if (tooDeep(value, MAX_RECORD_DEPTH)) return refuse('depth')
  if (jsonBytes(value) > MAX_RECORD_BYTES) return refuse('size', labelOf(value))
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return refuse('not-a-record')
  const raw = value as { id?: unknown; typeName?: unknown }
  if (typeof raw.typeName !== 'string') return refuse('not-a-record')
  if (raw.id !== key) return refuse('key-is-not-id', labelOf(value))
  if (!DOCUMENT_TYPES.has(raw.typeName)) return refuse('not-document-scope', labelOf(value))

  let record = value as TLRecord
  if (olderSchema !== null) {
    // Stored as written (its format is the one `meta.schema` names); validated in the server's format.
    const migrated = boardSchema.migratePersistedRecord(record, olderSchema, 'up')
    if (migrated.type === 'error') return refuse('migration', labelOf(value))
    record = migrated.value
  }
  try {
    // No "record before": tldraw would then skip the fields that did not change, trusting the stored value.
    record = boardSchema.validateRecord(null as unknown as TLStore, record, 'createRecord', null)
  } catch {
    return refuse('tldraw-schema', labelOf(value))
  }
  if (record.typeName === 'shape' && isItemType(record.type) && !strictItemSchemas.get(record.type)!.safeParse(record.props).success) {
    return refuse('item-props', labelOf(value))
  }
  return { ok: true, record }
}

/**
 * Whether a shape's parent chain ends at a page on the board after the update. Shapes already
 * shown to reach a page are remembered in `grounded`, so a batch of siblings is walked once.
 */
function parentProblem(id: string, recordAfter: (key: string) => unknown, grounded: Set<string>): ValidationRule | null {
  const chain = new Set<string>([id])
  let parentId = parentIdOf(recordAfter(id))
  for (;;) {
    if (parentId === null) return 'parent'
    if (grounded.has(parentId)) break
    const parent = recordAfter(parentId) as { typeName?: unknown } | undefined
    if (typeof parent !== 'object' || parent === null) return 'parent'
    if (parent.typeName === 'page') break
    if (parent.typeName !== 'shape') return 'parent'
    if (chain.has(parentId)) return 'parent-cycle'
    chain.add(parentId)
    parentId = parentIdOf(parent)
  }
  for (const member of chain) grounded.add(member)
  return null
}

function parentIdOf(record: unknown): string | null {
  const parentId = (record as { parentId?: unknown } | undefined)?.parentId
  return typeof parentId === 'string' ? parentId : null
}

/**
 * A serialized schema that goes back on a migration sequence the board already has: records
 * migrated forward would then be read as older and migrated again.
 */
function movesBack(current: SerializedSchema | null, next: SerializedSchema): boolean {
  if (current === null || current.schemaVersion !== 2 || next.schemaVersion !== 2) return false
  return Object.entries(current.sequences).some(([sequence, version]) => (next.sequences[sequence] ?? -1) < version)
}

/** Whether a JSON value nests deeper than `max`, found without recursion (the value may be hostile). */
export function tooDeep(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]]
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!
    if (typeof current !== 'object' || current === null) continue
    if (depth > max) return true
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1])
    }
  }
  return false
}

function jsonBytes(value: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8')
  } catch {
    return Infinity
  }
}

/** `shape/kring-card`, `page`, …: a known type for the log, never a name a client made up. */
function labelOf(value: unknown): string {
  const record = value as { typeName?: unknown; type?: unknown }
  if (typeof record.typeName !== 'string' || !DOCUMENT_TYPES.has(record.typeName)) return 'unknown'
  return typeLabel(record as TLRecord)
}

function typeLabel(record: { typeName: string; type?: unknown }): string {
  if (record.typeName !== 'shape') return record.typeName
  return typeof record.type === 'string' && KNOWN_SHAPE_TYPES.has(record.type) ? `shape/${record.type}` : 'shape/unknown'
}
