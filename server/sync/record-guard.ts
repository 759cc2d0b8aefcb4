import * as Y from 'yjs'
import type { ItemType } from '../../lib/board/items'
import { RECORDS_MAP } from '../../lib/sync/document-format'
import type { DecodedUpdate } from './protocol'

const BOTTOM_LINE: ItemType = 'kring-bottom-line'
const SCALE_MARK: ItemType = 'kring-scale-mark'
// Origin chains inside one update are short (a key set twice in one transaction); a longer one is crafted.
const MAX_ORIGIN_HOPS = 64

/** What a client's update would do to a room's document, worked out without applying it. */
export interface UpdateEffect {
  /** It changes the document at all: structs the room lacks, or deletions of live content. */
  changes: boolean
  /**
   * It builds on content neither the room nor the update has: a gap in a client's own clock, a
   * neighbour or parent that is nowhere, a deletion of something never seen. Yjs would keep such
   * structs pending, to land wherever the missing content later says, so what it touches cannot
   * be known now (and the other two flags are incomplete).
   */
  missing: boolean
  /** It creates, changes or deletes a bottom line. */
  touchesBottomLine: boolean
  /** It changes anything other than a bottom line. */
  touchesOther: boolean
  /**
   * The participants whose scale marks it writes (creates or changes) or deletes. A mark belongs
   * to one participant (props.participantId): only they may move it (lib/board/items.ts).
   */
  scaleMarks: ScaleMarkTouch[]
  /**
   * Every record value it writes (with the value it replaces) and every live record it deletes, by
   * key. A plain overwrite shows as a write and, when the client's delete set names the old value,
   * also as a delete of the same key: a record is removed only when its key has no write
   * (see `removedRecords`).
   */
  records: RecordTouch[]
  /**
   * Every new item that is not a plain JSON value of a `records` entry: an entry of another
   * top-level type, of a nested Yjs type, or a `records` entry holding something other than JSON.
   * Filled by inspectUpdate; server/sync/record-validation.ts refuses what the board format has no
   * place for (only `meta` and `settings` entries are known besides records).
   */
  outside?: OutsideWrite[]
}

export interface OutsideWrite {
  /** The top-level type it lands in, or null inside a nested Yjs type. */
  map: string | null
  /** Its key in that map, or null when it is no map entry (an array or text item). */
  key: string | null
  /** The JSON values it holds (none for a Yjs type, text or binary). */
  values: unknown[]
  /** Whether its content is plain JSON (or already deleted), as every value of Kring's maps is. */
  plain: boolean
}

export type RecordTouch =
  | { change: 'write'; key: string; value: unknown; previous: unknown }
  | { change: 'delete'; key: string; value: unknown }

/** The records an update removes from the board (deleted, not replaced), with their last values. */
export function removedRecords(effect: UpdateEffect): { key: string; value: unknown }[] {
  const written = new Set(effect.records.filter((t) => t.change === 'write').map((t) => t.key))
  return effect.records.filter((t) => t.change === 'delete' && !written.has(t.key)).map(({ key, value }) => ({ key, value }))
}

export interface ScaleMarkTouch {
  owner: string
  change: 'write' | 'delete'
}

type Struct = ReturnType<typeof Y.decodeUpdate>['structs'][number]
type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds']
/** A top-level type of a document (`records` here). */
type SharedType = NonNullable<ReturnType<Y.Doc['share']['get']>>

/** Where an item of the update lands once Yjs integrates it. */
type Place = { kind: 'record'; key: string } | { kind: 'elsewhere'; map?: string | null; key?: string | null } | { kind: 'missing' }

/**
 * Inspect an update against the room's current document: which records it writes (a new item
 * in the top-level `records` map, `parentSub` = record key, whose content holds the new record
 * JSON) and which live items its delete set removes. Overwriting a key also removes the key's
 * current value, so the current value's type counts too. Structs and deletions the document
 * already has are no change: a reconnecting client's sync step 2 repeats its whole delete set.
 *
 * Pure and synchronous: the document is only read. Yjs stores a map entry's parent only when the
 * item has no neighbours; otherwise the parent comes from its origin, exactly as Item.getMissing
 * resolves it, looked up in the update itself or in the document.
 */
export function inspectUpdate(doc: Y.Doc, update: Uint8Array, decoded: DecodedUpdate = Y.decodeUpdate(update)): UpdateEffect {
  const { structs, ds } = decoded
  const effect: UpdateEffect = { changes: false, missing: false, touchesBottomLine: false, touchesOther: false, scaleMarks: [], records: [], outside: [] }
  const records = doc.share.get(RECORDS_MAP)
  const fresh = newStructs(doc, structs)

  for (const struct of fresh.list) {
    effect.changes = true
    const state = Y.getState(doc.store, struct.id.client)
    if (struct.id.clock > state && !covered(fresh.byClient.get(struct.id.client), state, struct.id.clock)) effect.missing = true
    if (!(struct instanceof Y.Item)) {
      // GC: content that is already gone on the sender's side; nothing of a record is visible in it.
      effect.touchesOther = true
      continue
    }
    const place = placeOfNewItem(doc, records, fresh, struct)
    const plain = isPlainContent(struct)
    if (place.kind === 'elsewhere' && place.map !== undefined) effect.outside!.push({ map: place.map, key: place.key ?? null, values: valuesOf(struct), plain })
    if (place.kind === 'record' && !plain) effect.outside!.push({ map: RECORDS_MAP, key: place.key, values: [], plain })
    if (place.kind === 'record') {
      const previous = currentValue(records, place.key)
      for (const value of valuesOf(struct)) effect.records.push({ change: 'write', key: place.key, value, previous })
      for (const value of [...valuesOf(struct), previous]) {
        const owner = scaleMarkOwner(value)
        if (owner !== null) effect.scaleMarks.push({ owner, change: 'write' })
      }
    }
    if (place.kind === 'missing') effect.missing = true
    else if (place.kind === 'elsewhere') effect.touchesOther = true
    else if (valuesOf(struct).some(isBottomLine) || isBottomLine(currentValue(records, place.key))) effect.touchesBottomLine = true
    else effect.touchesOther = true
  }

  forEachNewDeletion(doc, ds, fresh, (deleted) => {
    effect.changes = true
    if (deleted === 'missing') {
      effect.missing = true
      return
    }
    const place = placeOfDocItem(records, deleted)
    if (place.kind === 'record') {
      for (const value of valuesOf(deleted)) effect.records.push({ change: 'delete', key: place.key, value })
      for (const value of valuesOf(deleted)) {
        const owner = scaleMarkOwner(value)
        if (owner !== null) effect.scaleMarks.push({ owner, change: 'delete' })
      }
    }
    if (place.kind === 'record' && valuesOf(deleted).some(isBottomLine)) effect.touchesBottomLine = true
    else effect.touchesOther = true
  })
  return effect
}

/** An update's structs the document does not have yet, indexed by client for origin lookups. */
interface NewStructs {
  list: Struct[]
  byClient: Map<number, Struct[]>
}

function newStructs(doc: Y.Doc, structs: Struct[]): NewStructs {
  const list: Struct[] = []
  const byClient = new Map<number, Struct[]>()
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue
    if (struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client)) continue
    list.push(struct)
    let own = byClient.get(struct.id.client)
    if (!own) byClient.set(struct.id.client, (own = []))
    own.push(struct)
  }
  for (const own of byClient.values()) own.sort((a, b) => a.id.clock - b.id.clock)
  return { list, byClient }
}

function findIn(structs: Struct[] | undefined, clock: number): Struct | undefined {
  return structs?.find((s) => s.id.clock <= clock && clock < s.id.clock + s.length)
}

/** The struct with this id in the document, or undefined when the document does not have it. */
function findInDoc(doc: Y.Doc, id: Y.ID): Y.Item | Y.GC | undefined {
  if (id.clock >= Y.getState(doc.store, id.client)) return undefined
  const structs = doc.store.clients.get(id.client)
  return structs ? structs[Y.findIndexSS(structs, id.clock)] : undefined
}

function placeOfDocItem(records: SharedType | undefined, item: Y.Item): Place {
  if (records !== undefined && item.parent === records && item.parentSub !== null) return { kind: 'record', key: item.parentSub }
  const parent = item.parent as Y.AbstractType<unknown> | null
  // A top-level type has no item of its own; anything else is nested.
  const map = parent !== null && parent._item === null ? Y.findRootTypeKey(parent) : null
  return { kind: 'elsewhere', map, key: item.parentSub }
}

function placeOfNewItem(doc: Y.Doc, records: SharedType | undefined, fresh: NewStructs, item: Y.Item): Place {
  let current: Y.Item = item
  for (let hop = 0; hop < MAX_ORIGIN_HOPS; hop++) {
    // In a decoded update the parent is a top-level type's name, the id of a nested type's item, or null.
    const parent = current.parent as unknown
    if (typeof parent === 'string') {
      return parent === RECORDS_MAP && current.parentSub !== null ? { kind: 'record', key: current.parentSub } : { kind: 'elsewhere', map: parent, key: current.parentSub }
    }
    // Inside a nested type: not a record value (records are plain JSON), so not a bottom line.
    if (parent instanceof Y.ID) return locate(doc, fresh, parent) === 'missing' ? { kind: 'missing' } : { kind: 'elsewhere', map: null, key: null }
    if (parent !== null) return { kind: 'missing' }
    const left = current.origin === null ? null : locate(doc, fresh, current.origin)
    const right = current.rightOrigin === null ? null : locate(doc, fresh, current.rightOrigin)
    // A neighbour nobody has: Yjs keeps the item pending, to land wherever that neighbour turns out to be.
    if (left === 'missing' || right === 'missing') return { kind: 'missing' }
    // Next to garbage-collected content the item is collected too: it changes no record.
    if (left instanceof Y.GC || right instanceof Y.GC) return { kind: 'elsewhere' }
    // Like Item.getMissing: the parent and key come from the left neighbour if there is one.
    const neighbour = left ?? right
    if (neighbour === null) return { kind: 'missing' }
    if (neighbour.inDoc) return placeOfDocItem(records, neighbour.item)
    if (neighbour.item === current) return { kind: 'missing' }
    current = neighbour.item
  }
  return { kind: 'missing' }
}

type Located = { item: Y.Item; inDoc: boolean } | Y.GC | 'missing'

/** A neighbour by id: in the document, else among the update's own new structs. */
function locate(doc: Y.Doc, fresh: NewStructs, id: Y.ID): Located {
  const inDoc = findInDoc(doc, id)
  if (inDoc instanceof Y.GC) return inDoc
  if (inDoc) return { item: inDoc, inDoc: true }
  const inUpdate = findIn(fresh.byClient.get(id.client), id.clock)
  if (inUpdate instanceof Y.GC) return inUpdate
  if (inUpdate instanceof Y.Item) return { item: inUpdate, inDoc: false }
  return 'missing'
}

/**
 * Call `visit` for every live document item the delete set removes, and with 'missing' for a
 * deletion of content that neither the document nor the update holds (Yjs would keep it
 * pending and apply it to whatever arrives under that id later).
 */
function forEachNewDeletion(doc: Y.Doc, ds: DeleteSet, fresh: NewStructs, visit: (deleted: Y.Item | 'missing') => void): void {
  for (const [client, ranges] of ds.clients) {
    const structs = doc.store.clients.get(client)
    const state = Y.getState(doc.store, client)
    for (const { clock, len } of ranges) {
      const end = clock + len
      if (structs && clock < state) {
        for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < end; i++) {
          const struct = structs[i]!
          if (struct instanceof Y.Item && !struct.deleted) visit(struct)
        }
      }
      if (end > state && !covered(fresh.byClient.get(client), Math.max(clock, state), end)) visit('missing')
    }
  }
}

/** Whether the update's own new structs cover [from, to) (created and deleted in one update). */
function covered(structs: Struct[] | undefined, from: number, to: number): boolean {
  let at = from
  for (const struct of structs ?? []) {
    if (struct.id.clock > at) break
    at = Math.max(at, struct.id.clock + struct.length)
    if (at >= to) return true
  }
  return at >= to
}

/** Content Kring's maps may hold: JSON, or content already deleted on the sender's side. */
function isPlainContent(item: Y.Item): boolean {
  const content = item.content
  return content instanceof Y.ContentAny || content instanceof Y.ContentJSON || content instanceof Y.ContentDeleted
}

/** The JSON values an item holds (a map entry holds one); none for nested types and deleted content. */
function valuesOf(item: Y.Item): unknown[] {
  const content = item.content
  return content instanceof Y.ContentAny || content instanceof Y.ContentJSON ? content.getContent() : []
}

function currentValue(records: SharedType | undefined, key: string): unknown {
  const item = records?._map.get(key)
  if (!item || item.deleted) return undefined
  const values = valuesOf(item)
  return values[values.length - 1]
}

/** The owner of a scale mark record, or null for anything else. */
function scaleMarkOwner(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || (value as { type?: unknown }).type !== SCALE_MARK) return null
  const owner = (value as { props?: { participantId?: unknown } }).props?.participantId
  return typeof owner === 'string' ? owner : ''
}

function isBottomLine(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === BOTTOM_LINE
}
