import type { SerializedSchema, SerializedStore } from '@tldraw/store'
import type { TLRecord, TLStore } from '@tldraw/tlschema'
import type * as Y from 'yjs'
import { scopeOfType } from './decode-record'
import { SCHEMA_KEY } from './document-format'
import { jsonEqual } from './json-equal'

/**
 * Rewrite a document written by an older tldraw in this client's schema, so that every record in
 * it matches `meta.schema` again. Call inside the binding's own `doc.transact`, so peers see the
 * records and the new schema change together.
 *
 * The whole-store migration comes first because some tldraw migrations span several records.
 * If it fails, each record is migrated on its own; one that cannot be is left as it was (the
 * loader then reports it), never deleted: it may be someone's work.
 */
export function upgradeDocument(store: TLStore, records: Y.Map<unknown>, meta: Y.Map<unknown>, docSchema: SerializedSchema): void {
  const before: Record<string, TLRecord> = {}
  records.forEach((raw, key) => {
    if (isMigratableRecord(store, key, raw)) before[key] = raw
  })

  const migrated = store.schema.migrateStoreSnapshot({
    store: before as SerializedStore<TLRecord>,
    schema: docSchema,
  })

  if (migrated.type === 'success') {
    const after = migrated.value as Record<string, TLRecord>
    for (const key of Object.keys(before)) {
      if (!Object.hasOwn(after, key)) records.delete(key)
    }
    for (const [key, record] of Object.entries(after)) {
      if (!jsonEqual(before[key], record)) records.set(key, record)
    }
  } else {
    for (const [key, record] of Object.entries(before)) {
      const one = store.schema.migratePersistedRecord(record, docSchema, 'up')
      if (one.type === 'success' && !jsonEqual(record, one.value)) records.set(key, one.value)
    }
  }
  meta.set(SCHEMA_KEY, store.schema.serialize())
}

function isMigratableRecord(store: TLStore, key: string, raw: unknown): raw is TLRecord {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return false
  const record = raw as { id?: unknown; typeName?: unknown }
  return record.id === key && typeof record.typeName === 'string' && scopeOfType(store, record.typeName) === 'document'
}
