import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { bindStoreToDoc } from '../../lib/sync/bind-store-to-doc'
import { manualClock } from './presence-clock'
import { createTestStore, geoShape, makeUsable } from './tldraw-fixtures'

/**
 * A record changed on every pointer move (a stroke, a drag) is written to the document once per
 * window with its latest value, instead of once per move; nothing waiting is ever lost.
 */
function setup(coalesceMs = 120) {
  const clock = manualClock()
  const store = createTestStore()
  makeUsable(store)
  const doc = new Y.Doc()
  const binding = bindStoreToDoc(store, doc, { coalesceMs, clock })
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  const records = doc.getMap<{ x: number }>('records')
  return { clock, store, doc, binding, updates, records }
}

describe('coalescing a record’s changes', () => {
  it('writes a new record at once, then 50 moves within the window as one update with the last value', () => {
    const { clock, store, updates, records } = setup()
    const shape = geoShape('moving')
    store.put([shape])
    expect(records.get(shape.id)?.x).toBe(0)
    expect(updates).toHaveLength(1)
    for (let i = 1; i <= 50; i++) {
      store.put([{ ...shape, x: i }])
      clock.advance(2)
    }
    expect(updates).toHaveLength(1)
    clock.advance(120)
    expect(updates).toHaveLength(2)
    expect(records.get(shape.id)?.x).toBe(50)
  })

  it('while someone keeps moving, one update per window goes out (the window is not pushed back)', () => {
    const { clock, store, updates, records } = setup()
    const shape = geoShape('drawn')
    store.put([shape])
    for (let i = 1; i <= 60; i++) {
      store.put([{ ...shape, x: i }])
      clock.advance(1000 / 60)
    }
    // One second of moves: about eight windows of 120 ms, plus the first write.
    expect(updates.length).toBeGreaterThanOrEqual(8)
    expect(updates.length).toBeLessThanOrEqual(10)
    expect(records.get(shape.id)?.x).toBeGreaterThan(50)
  })

  it('flush (pointer up), a new record, a remote change and dispose each write what waits', () => {
    const { clock, store, doc, binding, records } = setup()
    const a = geoShape('a')
    store.put([a])
    store.put([{ ...a, x: 1 }])
    binding.flush()
    expect(records.get(a.id)?.x).toBe(1)

    store.put([{ ...a, x: 2 }])
    const b = geoShape('b')
    store.put([b])
    expect(records.get(a.id)?.x).toBe(2)
    expect(records.has(b.id)).toBe(true)

    store.put([{ ...a, x: 3 }])
    const remote = new Y.Doc()
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc))
    remote.getMap('records').set(b.id, { ...b, x: 40 })
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)))
    expect(records.get(a.id)?.x).toBe(3)
    expect((store.get(b.id) as { x: number }).x).toBe(40)

    store.put([{ ...a, x: 4 }])
    binding.dispose()
    expect(records.get(a.id)?.x).toBe(4)
    clock.advance(1_000)
  })

  it('without a window every change is written at once, as before', () => {
    const { store, updates, records } = setup(0)
    const shape = geoShape('plain')
    store.put([shape])
    for (let i = 1; i <= 5; i++) store.put([{ ...shape, x: i }])
    expect(updates).toHaveLength(6)
    expect(records.get(shape.id)?.x).toBe(5)
  })
})
