import type { SerializedSchema } from '@tldraw/store'
import type { TLStore } from '@tldraw/tlschema'

/**
 * How the document's stored schema relates to this client's tldraw schema:
 * - `same`: records can be used as they are;
 * - `older`: this client knows every migration from the document's schema to its own, so it can
 *   upgrade the records (and will, before it writes);
 * - `newer`: the document was written by a newer tldraw (a later deploy). This client cannot
 *   migrate records forward, and must not write records in its older format into it.
 */
export type SchemaRelation = 'same' | 'older' | 'newer'

export function relateDocSchema(store: TLStore, docSchema: SerializedSchema): SchemaRelation {
  const migrations = store.schema.getMigrationsSince(docSchema)
  // tldraw answers "incompatible" when the document has a migration this client does not know,
  // i.e. when it was written by a newer version.
  if (!migrations.ok) return 'newer'
  return migrations.value.length > 0 ? 'older' : 'same'
}
