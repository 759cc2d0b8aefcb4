import type { SerializedSchema } from '@tldraw/store'
import type { TLRecord, TLStore } from '@tldraw/tlschema'
import { RecordRejectedError } from './record-rejection'
import type { SchemaRelation } from './schema-compat'

export type DecodedRecord = { ok: true; record: TLRecord } | { ok: false; error: RecordRejectedError }

/** What tldraw's record types say about a type name (document, session or presence scope). */
export function scopeOfType(store: TLStore, typeName: string): 'document' | 'session' | 'presence' | null {
  const types = store.schema.types as Record<string, { scope: 'document' | 'session' | 'presence' }>
  return Object.hasOwn(types, typeName) ? (types[typeName]?.scope ?? null) : null
}

/** The type name in a record id (`shape:abc` → `shape`). */
export function typeNameOfId(id: string): string {
  const colon = id.indexOf(':')
  return colon === -1 ? '' : id.slice(0, colon)
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Turn one value of the document's `records` map into a record this store accepts: check that it
 * is a document-scope record stored under its own id, migrate it from the document's schema, and
 * validate it with tldraw's validators. Nothing here touches the store, so a bad record can be
 * reported and skipped without disturbing the others.
 */
export function decodeDocRecord(
  store: TLStore,
  key: string,
  raw: unknown,
  docSchema: SerializedSchema | null,
  relation: SchemaRelation,
): DecodedRecord {
  const reject = (reason: RecordRejectedError['reason'], cause?: unknown): DecodedRecord => ({
    ok: false,
    error: new RecordRejectedError(reason, key, cause),
  })

  if (!isPlainObject(raw) || raw.id !== key || typeof raw.typeName !== 'string') return reject('malformed')
  const scope = scopeOfType(store, raw.typeName)
  if (scope === null) return reject(relation === 'newer' ? 'newer-schema' : 'invalid')
  if (scope !== 'document') return reject('not-document')

  let record = raw as unknown as TLRecord
  if (relation === 'older' && docSchema) {
    const migrated = store.schema.migratePersistedRecord(record, docSchema, 'up')
    if (migrated.type === 'error') return reject('migration', new Error(migrated.reason))
    record = migrated.value
  }

  try {
    const existing = store.unsafeGetWithoutCapture(record.id) ?? null
    record = store.schema.validateRecord(store, record, existing ? 'updateRecord' : 'createRecord', existing)
  } catch (error) {
    // A newer client may have changed this record type's format: say so, rather than "invalid".
    return reject(relation === 'newer' ? 'newer-schema' : 'invalid', error)
  }
  return { ok: true, record }
}
