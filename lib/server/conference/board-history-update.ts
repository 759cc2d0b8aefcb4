import * as Y from 'yjs'
import { recordsMapOf } from '../../sync/document-format'
import { jsonEqual } from '../../sync/json-equal'
import type { BoardRecords } from './board-history-rules'

export interface RestoreChange {
  /** The Yjs update that makes the change; null when the board already is as asked. */
  update: Uint8Array | null
  /** Records set (brought back or changed back). */
  set: number
  /** Records deleted (added after the checkpoint). */
  removed: number
}

/**
 * The restore as an ordinary Yjs update, computed on a copy of `doc` (the board as stored) in one
 * transaction: with `keys` only those records are set to the checkpoint's values; without, the
 * whole `records` map is brought back to `target` (keys not in it deleted, keys whose value
 * differs set). Being a normal update from a fresh client id, it merges with edits the live room
 * received meanwhile like any concurrent edit: it deletes only what it saw and sets only keys it
 * names, so an item added meanwhile stays and a concurrent change to the same key is resolved the
 * way Yjs resolves any two writes to one key, the same on every replica.
 */
export function computeRestore(doc: Y.Doc, target: BoardRecords, keys?: readonly string[]): RestoreChange {
  const fork = new Y.Doc()
  try {
    Y.applyUpdate(fork, Y.encodeStateAsUpdate(doc))
    // The fork writes under its own client id; one already in the board would clash with that client's own clock.
    const known = Y.encodeStateVector(doc)
    const clients = Y.decodeStateVector(known)
    while (clients.has(fork.clientID)) fork.clientID = Math.floor(Math.random() * 0xffffffff)
    const records = recordsMapOf(fork)
    let set = 0
    let removed = 0
    let update: Uint8Array | null = null
    fork.on('update', (u: Uint8Array) => {
      update = update ? Y.mergeUpdates([update, u]) : u
    })
    fork.transact(() => {
      if (keys === undefined) {
        for (const key of [...records.keys()]) {
          if (!Object.hasOwn(target, key)) {
            records.delete(key)
            removed++
          }
        }
      }
      for (const key of keys ?? Object.keys(target)) {
        if (!Object.hasOwn(target, key)) continue
        const value = target[key]
        if (records.has(key) && jsonEqual(records.get(key), value)) continue
        records.set(key, value)
        set++
      }
    })
    return { update, set, removed }
  } finally {
    fork.destroy()
  }
}
