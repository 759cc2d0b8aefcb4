import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

/** A stock y-websocket client on a real server, as a browser tab would run it. */
export interface BoardClient {
  doc: Y.Doc
  records: Y.Map<unknown>
  provider: WebsocketProvider
  /** Close codes the server sent this client, in order. */
  closeCodes: number[]
  destroy(): void
}

export function connectBoard(syncUrl: string, conferenceId: string, token: string | null, doc = new Y.Doc()): BoardClient {
  const provider = new WebsocketProvider(syncUrl, conferenceId, doc, {
    params: token === null ? {} : { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // Providers in one process would otherwise sync through a BroadcastChannel, bypassing the server.
    disableBc: true,
    maxBackoffTime: 300,
  })
  const closeCodes: number[] = []
  provider.on('connection-close', (event) => {
    if (event) closeCodes.push(event.code)
  })
  return {
    doc,
    records: doc.getMap('records'),
    provider,
    closeCodes,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

/** A plain record of a Y.Map, for comparing replicas. */
export function snapshotOf(map: Y.Map<unknown>): Record<string, unknown> {
  return map.toJSON() as Record<string, unknown>
}

/** A bare websocket that records everything it receives: for bad input and auth tests. */
export interface RawClient {
  ws: WebSocket
  messages: Uint8Array[]
  opened: boolean
  closed: { code: number; reason: string } | null
  whenOpen: Promise<void>
  whenClosed: Promise<{ code: number; reason: string }>
}

export function connectRaw(url: string, options?: WebSocket.ClientOptions): RawClient {
  const ws = new WebSocket(url, options)
  const client: RawClient = {
    ws,
    messages: [],
    opened: false,
    closed: null,
    whenOpen: new Promise((resolve) => ws.once('open', () => resolve())),
    whenClosed: new Promise((resolve) =>
      ws.once('close', (code, reason) => {
        client.closed = { code, reason: reason.toString() }
        resolve(client.closed)
      }),
    ),
  }
  ws.on('open', () => {
    client.opened = true
  })
  ws.on('message', (data: Buffer) => client.messages.push(new Uint8Array(data)))
  ws.on('error', () => {})
  return client
}

export function syncUrlFor(syncUrl: string, conferenceId: string, token?: string): string {
  return `${syncUrl}/${conferenceId}${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`
}
