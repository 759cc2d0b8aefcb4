import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

/**
 * Hand-built Yjs updates, as a hostile client could send them. A stock client that overwrites a
 * map key also lists the replaced value in the update's delete set; a crafted one can leave that
 * out. Yjs still replaces the value when it integrates the new entry (the entry lands to the right
 * of the current value, which it then deletes), so a guard that only reads the delete set misses
 * what is overwritten.
 */

/** The delete set as Yjs writes it at the end of a V1 update (DeleteSet.js, writeDeleteSet). */
function encodeDeleteSet(ds: ReturnType<typeof Y.decodeUpdate>['ds']): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, ds.clients.size)
  for (const [client, ranges] of [...ds.clients.entries()].sort((a, b) => b[0] - a[0])) {
    encoding.writeVarUint(encoder, client)
    encoding.writeVarUint(encoder, ranges.length)
    for (const { clock, len } of ranges) {
      encoding.writeVarUint(encoder, clock)
      encoding.writeVarUint(encoder, len)
    }
  }
  return encoding.toUint8Array(encoder)
}

/** The same update (structs byte for byte) with an empty delete set. */
export function withoutDeleteSet(update: Uint8Array): Uint8Array {
  const { ds } = Y.decodeUpdate(update)
  if (ds.clients.size === 0) throw new Error('the update has no delete set to drop: nothing is crafted')
  const deleteSet = encodeDeleteSet(ds)
  const structsEnd = update.length - deleteSet.length
  if (!update.subarray(structsEnd).every((byte, i) => byte === deleteSet[i])) throw new Error('the update does not end with its delete set')
  const crafted = new Uint8Array(structsEnd + 1)
  crafted.set(update.subarray(0, structsEnd))
  crafted[structsEnd] = 0 // no clients in the delete set
  return crafted
}

/**
 * An overwrite of `records[key]` built on `base` (the room's document as the sender last saw it),
 * without the replaced value in the delete set. Throws if the stock update would not have deleted
 * anything, or if the crafted one no longer overwrites (checked on a copy of `base`), so a test
 * using it really sends an overwrite-without-deletion.
 */
export function craftedOverwrite(base: Y.Doc, key: string, value: unknown): Uint8Array {
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(base))
  const updates: Uint8Array[] = []
  client.on('update', (update: Uint8Array) => updates.push(update))
  client.getMap('records').set(key, value)
  client.destroy()
  if (updates.length !== 1) throw new Error(`expected one update, got ${updates.length}`)
  const crafted = withoutDeleteSet(updates[0]!)

  const check = new Y.Doc()
  Y.applyUpdate(check, Y.encodeStateAsUpdate(base))
  Y.applyUpdate(check, crafted)
  const landed = JSON.stringify(check.getMap('records').get(key)) === JSON.stringify(value)
  check.destroy()
  if (!landed) throw new Error('the crafted update does not overwrite the key')
  return crafted
}

/** A y-protocols sync "update" message carrying `update`, as a provider sends an edit. */
export function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0) // messageSync
  encoding.writeVarUint(encoder, 2) // messageYjsUpdate
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}
