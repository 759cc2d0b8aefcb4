import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { bindStoreToDoc } from '../../lib/sync/bind-store-to-doc'
import { breakParentCycles, type ParentedRecord } from '../../lib/sync/parent-cycles'
import { createTestStore, geoShape, makeUsable, PAGE_ID } from './tldraw-fixtures'
import { recordsMapOf } from '../../lib/sync/document-format'

const PAGE = 'page:page'
const shape = (name: string, parent: string): ParentedRecord => ({ id: `shape:${name}`, typeName: 'shape', parentId: parent })
const nothingStored = () => undefined
const parents = (records: ParentedRecord[]) => Object.fromEntries(records.map((r) => [r.id, r.parentId]))

describe('breakParentCycles', () => {
  it('puts both shapes of a two-shape cycle on the page', () => {
    const result = breakParentCycles([shape('a', 'shape:b'), shape('b', 'shape:a')], nothingStored, PAGE)
    expect(parents(result.records)).toEqual({ 'shape:a': PAGE, 'shape:b': PAGE })
    expect(result.reparented.sort()).toEqual(['shape:a', 'shape:b'])
  })

  it('breaks a shape that is its own parent and a longer ring, and leaves what hangs below them', () => {
    const records = [shape('self', 'shape:self'), shape('x', 'shape:y'), shape('y', 'shape:z'), shape('z', 'shape:x'), shape('child', 'shape:x')]
    const result = breakParentCycles(records, nothingStored, PAGE)
    expect(parents(result.records)).toEqual({ 'shape:self': PAGE, 'shape:x': PAGE, 'shape:y': PAGE, 'shape:z': PAGE, 'shape:child': 'shape:x' })
    expect(result.reparented.sort()).toEqual(['shape:self', 'shape:x', 'shape:y', 'shape:z'])
  })

  it('finds a cycle closed through a shape the store already holds, and moves only the incoming shape', () => {
    // Stored: b's parent is a. Incoming: a's parent becomes b.
    const stored: Record<string, string> = { 'shape:b': 'shape:a', 'shape:a': PAGE }
    const result = breakParentCycles([shape('a', 'shape:b')], (id) => stored[id], PAGE)
    expect(parents(result.records)).toEqual({ 'shape:a': PAGE })
    expect(result.reparented).toEqual(['shape:a'])
  })

  it('changes nothing on a healthy tree, frames in frames included, and returns the same objects', () => {
    const records: ParentedRecord[] = [
      { id: PAGE, typeName: 'page' },
      shape('frame', PAGE),
      shape('inner', 'shape:frame'),
      shape('leaf', 'shape:inner'),
      shape('orphan', 'shape:missing'),
    ]
    const result = breakParentCycles(records, nothingStored, PAGE)
    expect(result.reparented).toEqual([])
    result.records.forEach((record, i) => expect(record).toBe(records[i]))
  })

  it('does not depend on the order the records arrive in', () => {
    const forward = breakParentCycles([shape('a', 'shape:b'), shape('b', 'shape:a'), shape('c', 'shape:a')], nothingStored, PAGE)
    const backward = breakParentCycles([shape('c', 'shape:a'), shape('b', 'shape:a'), shape('a', 'shape:b')], nothingStored, PAGE)
    expect(parents(forward.records)).toEqual(parents(backward.records))
  })
})

describe('binding a stored board with a parent cycle', () => {
  it('loads the other shapes, puts the cycle on the page and says which shapes moved', () => {
    const doc = new Y.Doc()
    const seed = createTestStore()
    makeUsable(seed)
    const seeded = bindStoreToDoc(seed, doc)
    seed.put([geoShape('fine')])
    seeded.dispose()
    const a = { ...geoShape('a'), parentId: geoShape('b').id }
    const b = { ...geoShape('b'), parentId: geoShape('a').id }
    doc.transact(() => {
      recordsMapOf(doc).set(a.id, a)
      recordsMapOf(doc).set(b.id, b)
    })

    const store = createTestStore()
    const reparented: string[] = []
    const rejected: string[] = []
    const binding = bindStoreToDoc(store, doc, { onReparented: (ids) => reparented.push(...ids), onRejected: (id) => rejected.push(id) })
    try {
      expect(store.get(geoShape('fine').id)).toBeDefined()
      expect(store.get(a.id)?.parentId).toBe(PAGE_ID)
      expect(store.get(b.id)?.parentId).toBe(PAGE_ID)
      expect(reparented.sort()).toEqual([a.id, b.id].sort())
      expect(rejected).toEqual([])
      // This device's repair is not written back: the document still holds what was stored.
      expect((recordsMapOf(doc).get(a.id) as { parentId: string }).parentId).toBe(b.id)
    } finally {
      binding.dispose()
    }
  })

  it('cuts a cycle that a remote edit closes with a shape already on the board', () => {
    const doc = new Y.Doc()
    const store = createTestStore()
    makeUsable(store)
    const reparented: string[] = []
    const binding = bindStoreToDoc(store, doc, { onReparented: (ids) => reparented.push(...ids) })
    try {
      const a = geoShape('a')
      const b = { ...geoShape('b'), parentId: a.id }
      store.put([a, b])
      // Someone else (an older client) sets a's parent to b.
      recordsMapOf(doc).set(a.id, { ...a, parentId: b.id })
      expect(store.get(a.id)?.parentId).toBe(PAGE_ID)
      expect(store.get(b.id)?.parentId).toBe(a.id)
      expect(reparented).toEqual([a.id])
    } finally {
      binding.dispose()
    }
  })
})
