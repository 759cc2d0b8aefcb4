import { createTLStore } from '@tldraw/editor'
import { TLPOINTER_ID, type TLRecord, type TLStore } from '@tldraw/tlschema'
import * as decoding from 'lib0/decoding'
import WebSocket from 'ws'
import { encodeAwarenessUpdate } from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { sendOwnPresenceOnly } from '../../client/board/session/own-presence-only'
import { createKringTLSchema } from '../../lib/board/tldraw-schema'
import { bindStoreToDoc, type StoreDocBinding } from '../../lib/sync/bind-store-to-doc'
import { bindPresence, type PresenceBinding } from '../../lib/sync/presence'
import { waitFor } from './test-server'

/** Bytes on one client's websocket, as the browser's devtools count frames (payload + frame header). */
export interface Traffic {
  sentBytes: number
  receivedBytes: number
  /** Received payload bytes and messages by y-websocket message type (0 sync, 1 awareness, 2 auth). */
  receivedByType: Record<number, { bytes: number; messages: number }>
  sentByType: Record<number, { bytes: number; messages: number }>
  /** The client ids of every awareness entry this client sent. */
  sentAwarenessIds: number[]
}

export function emptyTraffic(): Traffic {
  return { sentBytes: 0, receivedBytes: 0, receivedByType: {}, sentByType: {}, sentAwarenessIds: [] }
}

/** A websocket frame's header: 2 bytes, 4 from 126 bytes, 10 from 64 KB; a client's frames add a 4-byte mask. */
function frameBytes(payload: number, masked: boolean): number {
  return payload + (payload < 126 ? 2 : payload < 65_536 ? 4 : 10) + (masked ? 4 : 0)
}

function count(byType: Traffic['receivedByType'], data: Uint8Array): void {
  const entry = (byType[data[0] ?? -1] ??= { bytes: 0, messages: 0 })
  entry.bytes += data.length
  entry.messages++
}

/** The client ids in an awareness message (type, then y-protocols' update). */
function awarenessIdsOf(message: Uint8Array): number[] {
  const decoder = decoding.createDecoder(message)
  decoding.readVarUint(decoder)
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoder))
  const ids: number[] = []
  for (let i = decoding.readVarUint(update); i > 0; i--) {
    ids.push(decoding.readVarUint(update))
    decoding.readVarUint(update)
    decoding.readVarString(update)
  }
  return ids
}

/** The `ws` WebSocket, counting every frame it sends and receives into `traffic`. */
export function countingWebSocket(traffic: Traffic): typeof globalThis.WebSocket {
  class CountingWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols)
      // The provider asks for ArrayBuffers (binaryType); ws hands Buffers otherwise.
      this.on('message', (data: Buffer | ArrayBuffer) => {
        const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data
        traffic.receivedBytes += frameBytes(bytes.length, false)
        count(traffic.receivedByType, bytes)
      })
    }
    override send(data: Uint8Array, ...rest: unknown[]): void {
      traffic.sentBytes += frameBytes(data.length, true)
      count(traffic.sentByType, data)
      if (data[0] === 1) traffic.sentAwarenessIds.push(...awarenessIdsOf(data))
      ;(super.send as (...args: unknown[]) => void)(data, ...rest)
    }
  }
  return CountingWebSocket as unknown as typeof globalThis.WebSocket
}

export interface KringClientOptions {
  participantId: string
  name: string
  /** This device shows others' cursors live (default true; a phone says false). */
  liveCursors?: boolean
  /** The binding's coalescing window (default 120 ms, as on the board page; 0 writes every change). */
  coalesceMs?: number
  /** Presence both ways through Kring's binding (default true). */
  presence?: boolean
}

/** A board client as the board page runs it: tldraw store, Kring's bindings, the provider sending only its own presence. */
export interface KringClient {
  doc: Y.Doc
  records: Y.Map<unknown>
  store: TLStore
  provider: WebsocketProvider
  binding: StoreDocBinding
  presence: PresenceBinding | null
  traffic: Traffic
  destroy(): void
}

export async function connectKringClient(syncUrl: string, conferenceId: string, token: string, options: KringClientOptions): Promise<KringClient> {
  const traffic = emptyTraffic()
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(syncUrl, conferenceId, doc, {
    params: { token },
    WebSocketPolyfill: countingWebSocket(traffic),
    disableBc: true,
    maxBackoffTime: 300,
  })
  sendOwnPresenceOnly(provider, encodeAwarenessUpdate)
  await waitFor(() => provider.synced, { message: 'the Kring client synced' })
  const store = createTLStore({ schema: createKringTLSchema() })
  const binding = bindStoreToDoc(store, doc, { coalesceMs: options.coalesceMs ?? 120 })
  // What the editor does on mount: the session records (instance, page state, camera, pointer).
  store.mergeRemoteChanges(() => {})
  const presence =
    options.presence === false ? null : bindPresence(store, provider.awareness, { user: { participantId: options.participantId, name: options.name }, liveCursors: options.liveCursors })
  return {
    doc,
    records: doc.getMap('records'),
    store,
    provider,
    binding,
    presence,
    traffic,
    destroy() {
      presence?.dispose()
      binding.dispose()
      provider.destroy()
      doc.destroy()
    },
  }
}

/** Move this client's pointer (page coordinates), as tldraw does on every pointer move. */
export function movePointer(store: TLStore, x: number, y: number): void {
  store.put([{ ...store.get(TLPOINTER_ID)!, x, y, lastActivityTimestamp: Date.now() }])
}

/** Put a record as the user would (a local change the binding writes). */
export function putLocal(store: TLStore, record: unknown): void {
  store.put([record as TLRecord])
}
