import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { checkpointsToPrune, itemsDeletedSince, keysToBringBack, type CheckpointFacts } from '../../lib/server/conference/board-history-rules'
import { computeRestore } from '../../lib/server/conference/board-history-update'

const shape = (id: string, text: string, parentId = 'page:page') => ({ id, typeName: 'shape', type: 'kring-card', parentId, props: { text } })

function boardDoc(records: Record<string, unknown>): Y.Doc {
  const doc = new Y.Doc()
  const map = doc.getMap('records')
  doc.transact(() => {
    for (const [key, value] of Object.entries(records)) map.set(key, value)
  })
  return doc
}

const recordsOf = (doc: Y.Doc) => doc.getMap('records').toJSON()

describe('restore update', () => {
  const checkpoint = {
    'document:document': { id: 'document:document', typeName: 'document', name: '' },
    'page:page': { id: 'page:page', typeName: 'page', name: 'Bord' },
    'shape:a': shape('shape:a', 'Oma past op woensdag'),
    'shape:b': shape('shape:b', 'School belt bij zorgen'),
    'shape:c': shape('shape:c', 'Buurvrouw Els'),
  }

  it('brings the whole board back: after applying it the records equal the checkpoint', () => {
    const doc = boardDoc(checkpoint)
    const records = doc.getMap('records')
    doc.transact(() => {
      records.delete('shape:a')
      records.delete('shape:b')
      records.set('shape:c', shape('shape:c', 'Buurvrouw Els (veranderd)'))
      records.set('shape:new', shape('shape:new', 'Later toegevoegd'))
    })
    const change = computeRestore(doc, checkpoint)
    expect(change).toMatchObject({ set: 3, removed: 1 })
    // Applied to a replica that has the same state (as every client does).
    const replica = new Y.Doc()
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc))
    Y.applyUpdate(replica, change.update!)
    expect(recordsOf(replica)).toEqual(checkpoint)
    // Computing it changed nothing on the board it was computed against.
    expect(Object.keys(recordsOf(doc))).not.toContain('shape:a')
  })

  it('is null when the board already is the checkpoint', () => {
    expect(computeRestore(boardDoc(checkpoint), checkpoint).update).toBeNull()
  })

  it('merges with an edit the live board got meanwhile: the new item stays, the wipe is undone', () => {
    const stored = boardDoc(checkpoint)
    const live = new Y.Doc()
    Y.applyUpdate(live, Y.encodeStateAsUpdate(stored))
    // The wipe, stored and seen by both.
    const wipe = new Y.Doc()
    Y.applyUpdate(wipe, Y.encodeStateAsUpdate(stored))
    const before = Y.encodeStateVector(wipe)
    wipe.transact(() => {
      for (const key of ['shape:a', 'shape:b', 'shape:c']) wipe.getMap('records').delete(key)
    })
    const wipeUpdate = Y.encodeStateAsUpdate(wipe, before)
    Y.applyUpdate(stored, wipeUpdate)
    Y.applyUpdate(live, wipeUpdate)
    // Restore computed against the stored board; meanwhile someone adds an item on the live board.
    const restore = computeRestore(stored, checkpoint, undefined)
    live.getMap('records').set('shape:d', shape('shape:d', 'Net toegevoegd'))
    Y.applyUpdate(live, restore.update!)
    expect(recordsOf(live)).toEqual({ ...checkpoint, 'shape:d': shape('shape:d', 'Net toegevoegd') })
  })

  it('single items: sets only those keys, with a parent that is gone too and the arrow between them', () => {
    const withFrame = {
      ...checkpoint,
      'shape:frame': { id: 'shape:frame', typeName: 'shape', type: 'frame', parentId: 'page:page', props: { name: 'Zorgen' } },
      'shape:inside': shape('shape:inside', 'In het kader', 'shape:frame'),
      'binding:ab': { id: 'binding:ab', typeName: 'binding', type: 'arrow', fromId: 'shape:inside', toId: 'shape:c' },
    }
    const doc = boardDoc(checkpoint)
    doc.getMap('records').delete('shape:a')
    const current = recordsOf(doc)
    expect(itemsDeletedSince(withFrame, current)).toEqual(['shape:a', 'shape:frame', 'shape:inside'])
    const keys = keysToBringBack(withFrame, current, ['shape:inside', 'shape:unknown'])
    expect(keys.sort()).toEqual(['binding:ab', 'shape:frame', 'shape:inside'])
    const change = computeRestore(doc, withFrame, keys)
    Y.applyUpdate(doc, change.update!)
    const after = recordsOf(doc)
    expect(after['shape:inside']).toEqual(withFrame['shape:inside'])
    expect(after['shape:frame']).toEqual(withFrame['shape:frame'])
    // Shape a was not asked for and stays deleted.
    expect(after['shape:a']).toBeUndefined()
  })
})

describe('checkpoint pruning', () => {
  const now = new Date('2026-11-24T22:00:00.000Z')
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000).toISOString()
  const facts = (id: string, minutesAgo: number, reason: CheckpointFacts['reason'] = 'interval', bytes = 1000): CheckpointFacts => ({ id, createdAt: at(minutesAgo), reason, bytes })
  const rules = { keepAllMs: 2 * 60 * 60 * 1000, maxPerBoard: 100, maxBytesPerBoard: 1_000_000 }

  it('keeps everything from the last two hours', () => {
    const list = Array.from({ length: 40 }, (_, i) => facts(`c${i}`, i * 3))
    expect(checkpointsToPrune(list, now, rules)).toEqual([])
  })

  it('older: keeps phase changes, versions, before-delete and before-restore, and one interval checkpoint per hour', () => {
    // 21:00 is 60 minutes ago; 19:00-19:59 is more than two hours ago.
    const list = [facts('i-1950', 130), facts('i-1930', 150), facts('i-1910', 170), facts('phase', 160, 'phase-change'), facts('del', 165, 'before-delete'), facts('version', 175, 'version')]
    expect(checkpointsToPrune(list, now, rules).sort()).toEqual(['i-1910', 'i-1930'])
  })

  it('caps the number per board: the oldest interval ones go first, the newest always stays', () => {
    const list = [facts('new', 1), facts('phase', 5, 'phase-change'), facts('i2', 10), facts('i1', 20)]
    expect(checkpointsToPrune(list, now, { ...rules, maxPerBoard: 2 }).sort()).toEqual(['i1', 'i2'])
    expect(checkpointsToPrune(list, now, { ...rules, maxPerBoard: 1 }).sort()).toEqual(['i1', 'i2', 'phase'])
  })

  it('caps the bytes per board', () => {
    const list = [facts('new', 1, 'interval', 600), facts('old', 30, 'interval', 600)]
    expect(checkpointsToPrune(list, now, { ...rules, maxBytesPerBoard: 1000 })).toEqual(['old'])
  })
})
