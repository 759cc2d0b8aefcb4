import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { encodeAwarenessEntry, encodeAwarenessMessage } from '../../server/sync/protocol'

/** The message y-protocols and y-websocket build for the same states (what stock clients read). */
function stockMessage(awareness: Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, clients))
  return encoding.toUint8Array(encoder)
}

describe('the presence message the room sends', () => {
  // Small, past one length byte (128), past two (16,384), and many entries (a count past 127).
  it.each([
    ['one small state', 1, 10],
    ['nine cursors', 9, 120],
    ['a payload past 16 KB', 3, 9_000],
    ['200 states', 200, 40],
  ])('is byte for byte what y-protocols writes: %s', (_label, count, textLength) => {
    const awareness = new Awareness(new Y.Doc())
    awareness.setLocalState(null)
    const clients: number[] = []
    for (let i = 0; i < count; i++) {
      const clientId = 1_000 + i * 7_919
      clients.push(clientId)
      awareness.states.set(clientId, { user: { id: `p${i}`, name: 'x'.repeat(textLength) } })
      awareness.meta.set(clientId, { clock: i * 300, lastUpdated: 0 })
    }
    const entries = clients.map((id) => encodeAwarenessEntry(id, awareness.meta.get(id)!.clock, JSON.stringify(awareness.states.get(id))))
    expect(Buffer.from(encodeAwarenessMessage(entries)).equals(Buffer.from(stockMessage(awareness, clients)))).toBe(true)
  })
})
