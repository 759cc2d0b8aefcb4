import { Store } from '@tldraw/store'
import {
  createShapeId,
  createTLSchema,
  PageRecordType,
  toRichText,
  type TLGeoShape,
  type TLRecord,
  type TLStore,
  type TLStoreProps,
} from '@tldraw/tlschema'
import * as Y from 'yjs'

/**
 * tldraw stores and Yjs documents for unit tests, in plain Node: the same schema the board uses
 * (tldraw's default shapes), without an editor or a DOM.
 */
export function createTestStore(): TLStore {
  // Assets, users and onMount matter only to an editor; the integrity check reads defaultName.
  const props = { defaultName: '' } as TLStoreProps
  return new Store({ schema: createTLSchema(), props }) as unknown as TLStore
}

/** Make a store usable the way the editor does on mount: document, page, instance, pointer, camera. */
export function makeUsable(store: TLStore): void {
  // mergeRemoteChanges runs tldraw's integrity check afterwards, which creates what is missing.
  store.mergeRemoteChanges(() => {})
}

export const PAGE_ID = PageRecordType.createId('page')

export function geoShape(name: string, overrides: { x?: number; y?: number; color?: TLGeoShape['props']['color']; w?: number } = {}): TLGeoShape {
  return {
    id: createShapeId(name),
    typeName: 'shape',
    type: 'geo',
    parentId: PAGE_ID,
    index: 'a1' as TLGeoShape['index'],
    x: overrides.x ?? 0,
    y: overrides.y ?? 0,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {
      geo: 'rectangle',
      dash: 'draw',
      url: '',
      w: overrides.w ?? 100,
      h: 80,
      growY: 0,
      scale: 1,
      flipX: false,
      flipY: false,
      labelColor: 'black',
      color: overrides.color ?? 'black',
      fill: 'none',
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      richText: toRichText(''),
    },
  }
}

/** The store's document records, keyed by id, for comparing replicas. */
export function documentOf(store: TLStore): Record<string, TLRecord> {
  return JSON.parse(JSON.stringify(store.serialize('document'))) as Record<string, TLRecord>
}

export function docRecords(doc: Y.Doc): Record<string, unknown> {
  return doc.getMap('records').toJSON() as Record<string, unknown>
}

/**
 * Two documents exchanging updates the way two clients do through a server. `disconnect()`
 * queues nothing (like a dropped connection); `connect()` resyncs from state vectors, as the
 * y-websocket handshake does.
 */
export function linkDocs(a: Y.Doc, b: Y.Doc) {
  const fromLink = Symbol('link')
  let connected = true
  const forward = (to: Y.Doc) => (update: Uint8Array, origin: unknown) => {
    if (connected && origin !== fromLink) Y.applyUpdate(to, update, fromLink)
  }
  const aToB = forward(b)
  const bToA = forward(a)
  a.on('update', aToB)
  b.on('update', bToA)
  const resync = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), fromLink)
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), fromLink)
  }
  resync()
  return {
    disconnect() {
      connected = false
    },
    connect() {
      connected = true
      resync()
    },
    destroy() {
      a.off('update', aToB)
      b.off('update', bToA)
    },
  }
}
