import type { SerializedSchema } from '@tldraw/store'
import { z } from 'zod'
import type * as Y from 'yjs'

/**
 * Kring's board document (yjs 13), readable by any Yjs client:
 *
 * - `records`: top-level `Y.Map`, key = tldraw record id (`shape:…`, `page:…`, `document:document`,
 *   `binding:…`, `asset:…`), value = that whole document-scope record as a plain JSON object.
 * - `meta`: top-level `Y.Map`, key `schema` = `store.schema.serialize()` of the tldraw that wrote
 *   the records, so a reader can migrate them. Every record in `records` is in that schema's format:
 *   a newer client upgrades the whole document in one transaction before it writes.
 *
 * Session state (camera, selection) and presence (cursors) never enter the document.
 */
export const RECORDS_MAP = 'records'
export const META_MAP = 'meta'
export const SCHEMA_KEY = 'schema'

export function recordsMapOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(RECORDS_MAP)
}

export function metaMapOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(META_MAP)
}

// The two shapes tldraw's `SerializedSchema` has had; anything else in `meta.schema` is unreadable.
const SchemaV1 = z.object({
  schemaVersion: z.literal(1),
  storeVersion: z.number().int(),
  recordVersions: z.record(z.string(), z.unknown()),
})
const SchemaV2 = z.object({
  schemaVersion: z.literal(2),
  sequences: z.record(z.string(), z.number().int().nonnegative()),
})
const StoredSchema = z.union([SchemaV1, SchemaV2])

// tldraw caches migration plans per schema object (a WeakMap), so hand it the same object for the
// same stored value instead of a fresh parse each time.
const parsedSchemas = new WeakMap<object, SerializedSchema | null>()

/** The schema the document's records are written in, or null when it is missing or unreadable. */
export function readDocSchema(meta: Y.Map<unknown>): SerializedSchema | null {
  return parseDocSchema(meta.get(SCHEMA_KEY))
}

/** A value of `meta.schema` as a schema, or null when it is not one (the sync server checks writes with it). */
export function parseDocSchema(raw: unknown): SerializedSchema | null {
  if (typeof raw !== 'object' || raw === null) return null
  const cached = parsedSchemas.get(raw)
  if (cached !== undefined) return cached
  const parsed = StoredSchema.safeParse(raw)
  const schema = parsed.success ? (parsed.data as SerializedSchema) : null
  parsedSchemas.set(raw, schema)
  return schema
}
