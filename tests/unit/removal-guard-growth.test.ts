import { createTLStore, type Editor } from '@tldraw/editor'
import type { TLRecord, TLShape, TLShapeId } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { installRemovalGuard } from '../../client/board/canvas/removal-guard'
import { createKringTLSchema } from '../../lib/board/tldraw-schema'
import { placeNewItem } from '../../lib/board/placement'
import { templateDocUpdate } from '../../lib/board/templates'
import { indexKeyAt } from '../../lib/board/templates/index-keys'
import { recordsMapOf } from '../../lib/sync/document-format'

/**
 * The device's guard (client/board/canvas/removal-guard.ts) on a real tldraw store: a family
 * member's palette grows the full rings and moves the columns aside, each change its own store
 * operation as in the editor; the guard lets the move through right after the growth, and still
 * undoes a family member's own move of an area.
 */

function familyStore() {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, templateDocUpdate('familiegroepsplan', { locale: 'nl' }))
  const store = createTLStore({ schema: createKringTLSchema() })
  store.put(Object.values(recordsMapOf(doc).toJSON()) as TLRecord[])
  doc.destroy()
  // The few editor methods the guard uses, on the store.
  const editor = {
    sideEffects: store.sideEffects,
    getShape: (id: TLShapeId) => store.get(id),
    deleteShapes: (ids: TLShapeId[]) => store.remove(ids),
  } as unknown as Editor
  installRemovalGuard(editor, { current: { participantId: 'p-aunt', arranges: false } })
  const area = (kind: string) => store.allRecords().find((r) => r.typeName === 'shape' && r.type === 'kring-area' && (r as TLShape & { props: { area: string } }).props.area === kind) as TLShape & { props: { w: number; h: number } }
  return { store, area }
}

describe("the device's guard and a growing area", () => {
  it('lets the columns move aside in the same change as the rings grow', async () => {
    const { store, area } = familyStore()
    const rings = area('network-rings')
    const columns = area('three-columns')
    // What the placement says when the rings are full (grown by hand here: one step).
    const grow = { w: rings.props.w + 236, h: rings.props.h + 236 }
    store.put([{ ...rings, props: { ...rings.props, ...grow } } as TLRecord])
    store.put([{ ...columns, x: columns.x + 236 } as TLRecord])
    expect(area('network-rings').props.w).toBe(grow.w)
    expect(area('three-columns').x).toBe(columns.x + 236)
    // Later, on its own, a move of an area is undone again.
    await Promise.resolve()
    store.put([{ ...area('three-columns'), x: columns.x + 500 } as TLRecord])
    expect(area('three-columns').x).toBe(columns.x + 236)
  })

  it('does not let an area move further than the growth, nor without one', () => {
    const { store, area } = familyStore()
    const columns = area('three-columns')
    store.put([{ ...columns, x: columns.x + 100 } as TLRecord])
    expect(area('three-columns').x).toBe(columns.x)
    const rings = area('network-rings')
    store.put([{ ...rings, props: { ...rings.props, w: rings.props.w + 100 } } as TLRecord])
    store.put([{ ...columns, x: columns.x + 300 } as TLRecord])
    expect(area('three-columns').x).toBe(columns.x)
  })

  it("applies a real placement's growth and moves", () => {
    const { store, area } = familyStore()
    const columnsX = area('three-columns').x
    let moved = false
    for (let i = 0; i < 30 && !moved; i++) {
      const placement = placeNewItem(store.allRecords(), { type: 'kring-person', props: { group: 'family', ring: 'inner' }, w: 220, h: 128 })
      if (placement.grow) {
        const grown = store.get(placement.grow.id as TLShapeId) as TLShape & { props: object }
        store.put([{ ...grown, props: { ...grown.props, w: placement.grow.w, h: placement.grow.h } } as TLRecord])
      }
      for (const move of placement.moved) store.put([{ ...store.get(move.id as TLShapeId)!, x: move.x, y: move.y } as TLRecord])
      store.put([{ id: `shape:p${i}`, typeName: 'shape', type: 'kring-person', x: placement.x, y: placement.y, rotation: 0, index: indexKeyAt(300 + i), parentId: placement.parentId, isLocked: false, opacity: 1, meta: {}, props: { w: 220, h: 128, name: `P ${i}`, relation: '', ring: 'inner', group: 'family', support: [], note: '' } } as unknown as TLRecord])
      moved = area('three-columns').x !== columnsX
    }
    expect(moved).toBe(true)
    const rings = area('network-rings')
    expect(area('three-columns').x).toBeGreaterThanOrEqual(rings.x + rings.props.w)
  })
})
