import type { HistoryEntry } from '@tldraw/store'
import type { TLRecord, TLStore } from '@tldraw/tlschema'
import type * as Y from 'yjs'
import { isStoredOnBoard } from './board-record-types'
import { decodeDocRecord, scopeOfType, typeNameOfId } from './decode-record'
import { metaMapOf, readDocSchema, recordsMapOf, SCHEMA_KEY } from './document-format'
import { jsonEqual } from './json-equal'
import { breakParentCycles } from './parent-cycles'
import { RecordRejectedError } from './record-rejection'
import { relateDocSchema, type SchemaRelation } from './schema-compat'
import { systemClock, type ThrottleClock } from './throttle'
import { upgradeDocument } from './upgrade-document'

export interface BindStoreOptions {
  /** A record in the document could not be shown (see RejectionReason). It stays in the document. */
  onRejected?(recordId: string, error: RecordRejectedError): void
  /**
   * The document is now written by a newer version of the board. This client keeps showing what
   * it can read but stops writing, so it cannot put old-format records into it: ask for a reload.
   */
  onOutdated?(): void
  /**
   * Shapes whose parents formed a cycle (which would hang tldraw) were shown on the page instead.
   * Only this device's view changes; the document keeps them as they are until someone edits them.
   */
  onReparented?(recordIds: string[]): void
  /**
   * Coalesce changes to records that already exist for this long (0, the default: write every change
   * at once). A stroke being drawn changes its record on every pointer move, and each write would
   * send the whole record again; within the window the record's latest value is written once. Added
   * and removed records go at once (with whatever is waiting, in one update). `flush()` (on pointer
   * up) and `dispose()` write what waits, and so does a remote change arriving: nothing is lost.
   */
  coalesceMs?: number
  /** Time source for the coalescing window; tests pass a controllable one. */
  clock?: ThrottleClock
}

export interface StoreDocBinding {
  /** Write the local changes that wait in the coalescing window now. */
  flush(): void
  dispose(): void
}

// Parents before children, so side effects that look up a shape's page or a binding's shapes
// find them when a batch arrives.
const APPLY_ORDER: Record<string, number> = { document: 0, page: 1, asset: 2, shape: 3, binding: 4 }
const applyRank = (record: TLRecord) => APPLY_ORDER[record.typeName] ?? 5

/**
 * Keep a tldraw store and a Yjs document in step (format: see document-format.ts).
 *
 * On bind, a document with records replaces the store's document records (each record migrated
 * and validated on its own; a bad one is reported through `onRejected` and the rest still load);
 * an empty document is seeded with the store's records and schema.
 *
 * Afterwards: the user's document changes (`store.listen`, source user, scope document) are
 * written in one `doc.transact` with this binding's origin; changes to `records` from anyone
 * else are applied with `store.mergeRemoteChanges`, which tldraw marks as remote so they are not
 * written back. Transactions with our own origin are ignored, and values equal to what the
 * document already holds are not rewritten: no echo.
 *
 * Concurrent edits of one record resolve as Y.Map does: whole record, last writer wins, the
 * same on every replica.
 */
export function bindStoreToDoc(store: TLStore, doc: Y.Doc, options: BindStoreOptions = {}): StoreDocBinding {
  const records = recordsMapOf(doc)
  const meta = metaMapOf(doc)
  const origin = { kringStoreBinding: store.id }
  let disposed = false
  let outdated = false

  const reject = (recordId: string, error: RecordRejectedError) => options.onRejected?.(recordId, error)

  const docState = (): { docSchema: ReturnType<typeof readDocSchema>; relation: SchemaRelation } => {
    const docSchema = readDocSchema(meta)
    return { docSchema, relation: docSchema ? relateDocSchema(store, docSchema) : 'same' }
  }

  const noticeIfOutdated = (relation: SchemaRelation) => {
    if (relation !== 'newer' || outdated) return
    outdated = true
    options.onOutdated?.()
  }

  /** Inside our transaction: make sure the document is in our schema before we write to it. */
  const prepareForWriting = (): boolean => {
    const { docSchema, relation } = docState()
    noticeIfOutdated(relation)
    if (relation === 'newer') return false
    if (relation === 'older' && docSchema) upgradeDocument(store, records, meta, docSchema)
    else if (!docSchema) meta.set(SCHEMA_KEY, store.schema.serialize())
    return true
  }

  /** Write the store's current value of a record (or its absence) into the document. */
  const writeCurrent = (id: TLRecord['id']) => {
    const record = store.unsafeGetWithoutCapture(id)
    if (record) {
      const stored = records.get(id)
      if (stored !== record && !jsonEqual(stored, record)) records.set(id, record)
    } else if (records.has(id)) {
      records.delete(id)
    }
  }

  const putEach = (incoming: TLRecord[]) => {
    for (const record of [...incoming].sort((a, b) => applyRank(a) - applyRank(b))) {
      try {
        store.put([record])
      } catch (error) {
        reject(record.id, new RecordRejectedError('apply-failed', record.id, error))
      }
    }
  }

  const removeEach = (ids: TLRecord['id'][]) => {
    for (const id of ids) {
      try {
        store.remove([id])
      } catch (error) {
        reject(id, new RecordRejectedError('apply-failed', id, error))
      }
    }
  }

  /** The page a shape cut loose from a parent cycle goes to: the first page, by its order. */
  const fallbackPageId = (puts: TLRecord[]): string | null => {
    const pages = [...puts, ...store.allRecords()].filter((record) => record.typeName === 'page') as Extract<TLRecord, { typeName: 'page' }>[]
    pages.sort((a, b) => (a.index < b.index ? -1 : a.index > b.index ? 1 : 0))
    return pages[0]?.id ?? null
  }

  /** Cut parent cycles before tldraw sees them (it would walk them forever); report what moved or, with no page to put it on, what was left out. */
  const withoutParentCycles = (puts: TLRecord[]): TLRecord[] => {
    const existingParentOf = (id: string) => {
      const record = store.unsafeGetWithoutCapture(id as TLRecord['id'])
      return record && 'parentId' in record ? (record.parentId as string) : undefined
    }
    const pageId = fallbackPageId(puts)
    const { records, reparented } = breakParentCycles(puts, existingParentOf, pageId ?? '')
    if (reparented.length === 0) return puts
    if (pageId === null) {
      const cut = new Set(reparented)
      for (const id of reparented) reject(id, new RecordRejectedError('parent-cycle', id))
      return puts.filter((record) => !cut.has(record.id))
    }
    options.onReparented?.(reparented)
    return records as TLRecord[]
  }

  /** Apply decoded records as remote changes (never written back). A failure is reported, never thrown into Yjs. */
  const applyRemote = (decodedPuts: TLRecord[], removes: TLRecord['id'][]) => {
    const puts = withoutParentCycles(decodedPuts)
    try {
      store.mergeRemoteChanges(() => {
        removeEach(removes)
        putEach(puts)
      })
    } catch (error) {
      // tldraw refused the batch as a whole (e.g. its integrity check threw): say which records.
      for (const id of [...removes, ...puts.map((record) => record.id)]) {
        reject(id, new RecordRejectedError('apply-failed', id, error))
      }
    }
  }

  /** Decode the given keys of the document; what decodes is returned, the rest is reported. */
  const decodeKeys = (keys: Iterable<string>) => {
    const { docSchema, relation } = docState()
    noticeIfOutdated(relation)
    const puts: TLRecord[] = []
    const removes: TLRecord['id'][] = []
    for (const key of keys) {
      const raw = records.get(key)
      if (raw === undefined) {
        if (scopeOfType(store, typeNameOfId(key)) === 'document' && store.has(key as TLRecord['id'])) {
          removes.push(key as TLRecord['id'])
        }
        continue
      }
      const decoded = decodeDocRecord(store, key, raw, docSchema, relation)
      if (decoded.ok) puts.push(decoded.record)
      else reject(key, decoded.error)
    }
    return { puts, removes }
  }

  // Local → document. Registered before loading, so records tldraw's integrity check adds while
  // the document loads (a missing page or document record) are written too.
  const coalesceMs = options.coalesceMs ?? 0
  const clock = options.clock ?? systemClock
  /** Records changed locally and not yet written (the coalescing window). */
  const waiting = new Set<TLRecord['id']>()
  let windowTimer: unknown = null

  const write = (ids: Iterable<TLRecord['id']>) => {
    doc.transact(() => {
      if (!prepareForWriting()) return
      for (const id of ids) writeCurrent(id)
    }, origin)
  }

  /** Write what waits in the window (and with it `also`), in one transaction. */
  const writeWaiting = (also: Iterable<TLRecord['id']> = []) => {
    if (windowTimer !== null) clock.clearTimeout(windowTimer)
    windowTimer = null
    const ids = new Set([...waiting, ...also])
    waiting.clear()
    if (ids.size > 0) write(ids)
  }

  const onLocalChange = ({ changes }: HistoryEntry<TLRecord>) => {
    if (disposed) return
    const stored = (ids: string[]) => (ids as TLRecord['id'][]).filter((id) => isStoredOnBoard(typeNameOfId(id)))
    const updated = stored(Object.keys(changes.updated))
    const addedOrRemoved = stored([...Object.keys(changes.added), ...Object.keys(changes.removed)])
    if (coalesceMs <= 0) {
      const ids = new Set([...addedOrRemoved, ...updated])
      if (ids.size > 0) write(ids)
      return
    }
    for (const id of updated) waiting.add(id)
    // A new or removed record goes at once, after (and with) what waits: the order stays.
    if (addedOrRemoved.length > 0) writeWaiting(addedOrRemoved)
    // The window opens with the first waiting change and is not extended by later ones: while
    // someone draws, one update per window goes out.
    else if (waiting.size > 0 && windowTimer === null) windowTimer = clock.setTimeout(() => writeWaiting(), coalesceMs)
  }
  const stopListening = store.listen(onLocalChange, { source: 'user', scope: 'document' })

  // Initial state.
  if (records.size === 0) {
    doc.transact(() => {
      meta.set(SCHEMA_KEY, store.schema.serialize())
      for (const record of Object.values(store.serialize('document'))) if (isStoredOnBoard(record.typeName)) records.set(record.id, record)
    }, origin)
  } else {
    doc.transact(() => {
      const { docSchema, relation } = docState()
      if (relation === 'older' && docSchema) upgradeDocument(store, records, meta, docSchema)
    }, origin)
    const { puts } = decodeKeys(records.keys())
    // The document is the source of truth: local document records it does not hold go.
    const stale = store
      .allRecords()
      .filter((record) => scopeOfType(store, record.typeName) === 'document' && isStoredOnBoard(record.typeName) && !records.has(record.id))
      .map((record) => record.id)
    applyRemote(puts, stale)
  }

  // Document → local.
  const onRecordsChanged = (event: Y.YMapEvent<unknown>, transaction: Y.Transaction) => {
    if (disposed || transaction.origin === origin) return
    // Local edits not yet written happened before this arrived: write them first, so they keep
    // their place in the order (tldraw batches its change events to the next frame), and so are
    // those waiting in the coalescing window.
    store._flushHistory()
    writeWaiting()
    const { puts, removes } = decodeKeys(event.keysChanged)
    if (puts.length > 0 || removes.length > 0) applyRemote(puts, removes)
  }
  const onMetaChanged = (event: Y.YMapEvent<unknown>, transaction: Y.Transaction) => {
    if (disposed || transaction.origin === origin || !event.keysChanged.has(SCHEMA_KEY)) return
    noticeIfOutdated(docState().relation)
  }
  records.observe(onRecordsChanged)
  meta.observe(onMetaChanged)

  return {
    flush() {
      if (disposed) return
      store._flushHistory()
      writeWaiting()
    },
    dispose() {
      if (disposed) return
      // The last state always goes out.
      store._flushHistory()
      writeWaiting()
      disposed = true
      stopListening()
      records.unobserve(onRecordsChanged)
      meta.unobserve(onMetaChanged)
    },
  }
}
