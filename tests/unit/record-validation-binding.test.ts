import { Store } from '@tldraw/store'
import { createUserId, UserRecordType, type TLStore, type TLStoreProps } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { itemDefaults } from '../../lib/board/items'
import { createKringTLSchema } from '../../lib/board/tldraw-schema'
import { bindStoreToDoc } from '../../lib/sync/bind-store-to-doc'
import { inspectUpdate } from '../../server/sync/record-guard'
import { validateUpdate } from '../../server/sync/record-validation'
import { geoShape, makeUsable, PAGE_ID } from './tldraw-fixtures'

/**
 * What the real binding writes passes the server's validation: a fresh board's first write (the
 * document and page tldraw makes), tldraw's own shapes and Kring's items, changes and deletions.
 */
describe('record validation accepts what the client binding writes', () => {
  it('every update of a client session is valid on the server', () => {
    const room = new Y.Doc()
    const client = new Y.Doc()
    const store = new Store({ schema: createKringTLSchema(), props: { defaultName: '' } as TLStoreProps }) as unknown as TLStore
    const results: unknown[] = []
    client.on('update', (update: Uint8Array) => {
      const records = room.getMap('records')
      const meta = room.getMap('meta')
      results.push(validateUpdate(inspectUpdate(room, update), { record: (key) => records.get(key), entries: () => records.entries(), schema: meta.get('schema') }))
      Y.applyUpdate(room, update)
    })
    makeUsable(store)
    const binding = bindStoreToDoc(store, client)
    store.put([geoShape('a')])
    store.put([{ ...geoShape('b'), parentId: 'shape:a' as never }])
    const card = { ...geoShape('card'), type: 'kring-card', props: { ...itemDefaults['kring-card'], text: 'Wie haalt Sam op?' } }
    store.put([card as never])
    store.put([{ ...card, x: 120 } as never])
    store.remove(['shape:b' as never])
    // tldraw 5.4 keeps a `user` record (a name) in the document scope: it stays on the device. When
    // the binding wrote it, the server refused every join and the board reloaded in a loop.
    store.put([UserRecordType.create({ id: createUserId('amira'), name: 'Tante Amira' } as never)])
    store.put([{ ...geoShape('c') }])
    binding.dispose()
    expect([...room.getMap('records').keys()].some((key) => key.startsWith('user:'))).toBe(false)
    expect(room.getMap('records').has('shape:c')).toBe(true)
    expect(results.length).toBeGreaterThan(3)
    expect(results.every((r) => (r as { ok: boolean }).ok)).toBe(true)
    expect(room.getMap('records').has(PAGE_ID)).toBe(true)
  })
})
