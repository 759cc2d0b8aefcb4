import { describe, expect, it, vi } from 'vitest'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { guardSyncDecoding } from '../../client/board/session/guard-sync-decoding'

/** The server's answer to the browser's sync step 1: the whole board as sync step 2. */
function step2Message(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

const PLACEHOLDER = 'deep-value-goes-here'

/**
 * A board update with one record whose meta is nested `depth` levels deep. Written without
 * recursion (Yjs's own encoder would overflow first): the record is encoded with a placeholder
 * string, whose bytes are then replaced by lib0's encoding of the nested objects.
 */
function deepBoardUpdate(depth: number): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('records').set('shape:deep', { id: 'shape:deep', typeName: 'shape', meta: PLACEHOLDER })
  const update = Y.encodeStateAsUpdate(doc)
  const placeholder = encoding.createEncoder()
  encoding.writeAny(placeholder, PLACEHOLDER)
  const needle = encoding.toUint8Array(placeholder)
  const deep = encoding.createEncoder()
  for (let i = 0; i < depth; i++) {
    encoding.writeUint8(deep, 118) // an object…
    encoding.writeVarUint(deep, 1) // …with one key…
    encoding.writeVarString(deep, 'n') // …named n, whose value follows
  }
  encoding.writeAny(deep, true)
  const at = indexOf(update, needle)
  return Uint8Array.from([...update.subarray(0, at), ...encoding.toUint8Array(deep), ...update.subarray(at + needle.length)])
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer
    return i
  }
  throw new Error('placeholder not found')
}

function provider(): WebsocketProvider {
  return new WebsocketProvider('ws://127.0.0.1:9', 'board', new Y.Doc(), { connect: false, WebSocketPolyfill: WebSocket as never })
}

/** What the stock provider's socket handler does with a message. */
function receive(p: WebsocketProvider, message: Uint8Array): void {
  const decoder = decoding.createDecoder(message)
  const type = decoding.readVarUint(decoder)
  p.messageHandlers[type]!(encoding.createEncoder(), decoder, p, true, type)
}

describe('the board connection, when the server sends a board the browser cannot decode', () => {
  it('is swallowed by the stock provider, which then counts itself synced on an empty board (the finding)', () => {
    const p = provider()
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    receive(p, step2Message(deepBoardUpdate(50_000)))
    expect(logged).toHaveBeenCalled()
    logged.mockRestore()
    expect(p.synced).toBe(true)
    expect(p.doc.getMap('records').size).toBe(0)
    p.destroy()
  })

  it('reports it, and the connection never counts as synced', () => {
    const p = provider()
    const failures: unknown[] = []
    guardSyncDecoding(p, Y.decodeUpdate, (error) => failures.push(error))
    receive(p, step2Message(deepBoardUpdate(50_000)))
    expect(failures).toHaveLength(1)
    expect(failures[0]).toBeInstanceOf(RangeError)
    expect(p.synced).toBe(false)
    // Garbage is reported the same way.
    receive(p, Uint8Array.from([0, 1, 5, 255, 255, 255, 255, 255]))
    expect(failures).toHaveLength(2)
    p.destroy()
  })

  it('lets a readable board through as before', () => {
    const p = provider()
    const failures: unknown[] = []
    guardSyncDecoding(p, Y.decodeUpdate, (error) => failures.push(error))
    receive(p, step2Message(deepBoardUpdate(10)))
    expect(failures).toEqual([])
    expect(p.synced).toBe(true)
    expect(p.doc.getMap('records').has('shape:deep')).toBe(true)
    p.destroy()
  })
})
