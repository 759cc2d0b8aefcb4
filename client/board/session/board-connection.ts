import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { CloseCode } from '@/lib/protocol/close-codes'
import { recordsMapOf } from '@/lib/sync/document-format'
import { guardSyncDecoding } from './guard-sync-decoding'
import { sendOwnPresenceOnly } from './own-presence-only'
import { AccessLostError, type AccessLoss, type TicketSource } from './ticket-source'

/** `failed`: connected, but the board could not be loaded (see `onLoadFailed`). */
export type ConnectionStatus = 'connecting' | 'connected' | 'offline' | 'failed'

/**
 * Why the board could not be loaded: the server's copy could not be decoded here (`unreadable`),
 * or the server answered with a board without a single record (`empty`: every Kring board starts
 * with its template, so the server could not read what it stored).
 */
export type LoadFailure = 'unreadable' | 'empty'

export interface BoardConnection {
  doc: Y.Doc
  awareness: Awareness
  destroy(): void
}

export interface BoardConnectionEvents {
  onStatus(status: ConnectionStatus): void
  /** The device's copy is loaded and the server's state arrived (or could not, for now). */
  onReady(): void
  /** The server refused a message as too large (1009): an edit that cannot be sent. */
  onTooLarge(): void
  /** 4403 with its close reason: wait (private time, lobby) or out (revoked, removed, declined). */
  onForbidden(reason: string): void
  /**
   * The server refused an edit of ours (y-protocols permission-denied; the reason is a
   * `WriteRefusal`). Yjs cannot take an edit back, so this copy of the document now holds an edit
   * the board never accepted: the caller reports it and loads the board afresh.
   */
  onEditRefused(reason: string): void
  onAccessLost(loss: AccessLoss): void
  /** The board could not be loaded; the status is `failed` from now on and the canvas must not open. */
  onLoadFailed(failure: LoadFailure): void
}

/** Where the device keeps its copy of a board (IndexedDB database name). */
export function localBoardName(conferenceId: string): string {
  return `kring-board-${conferenceId}`
}

/** Remove the device's copy of a board: done when access to it is withdrawn. */
export async function forgetLocalBoard(conferenceId: string): Promise<void> {
  const { clearDocument } = await import('y-indexeddb')
  await clearDocument(localBoardName(conferenceId))
}

function syncServerUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`
}

// How long the canvas waits for the server before showing the device's copy anyway.
const WAIT_FOR_SERVER_MS = 4_000
// IndexedDB can be unavailable (some private modes); the board then works without a local copy.
const WAIT_FOR_LOCAL_COPY_MS = 3_000
const MAX_RETRY_DELAY_MS = 30_000
// y-websocket's message type for y-protocols/auth (permission denied).
const MESSAGE_PERMISSION_DENIED = 2

/**
 * The board's Yjs document, kept on the device (y-indexeddb, per conference: edits made while
 * offline survive a closed tab and are merged when the connection returns) and synced with
 * `/sync/<conferenceId>` by the stock y-websocket provider, authenticated with the ticket.
 *
 * Close codes: 4401 (ticket expired or unknown) → fetch a fresh ticket and reconnect; 4403 →
 * no board for now or for good, as its reason says (the page decides; nothing of the document
 * was sent); 4404 → the board is gone; 1009 → an edit too large to send. Other closes are
 * retried by the provider itself.
 *
 * The Yjs libraries are imported here, in the browser only: the page's server render never loads
 * a second copy of yjs next to the sync server's.
 */
export async function openBoardConnection(conferenceId: string, tickets: TicketSource, events: BoardConnectionEvents): Promise<BoardConnection> {
  const [Yjs, { WebsocketProvider }, { IndexeddbPersistence }, authProtocol, awarenessProtocol] = await Promise.all([
    import('yjs'),
    import('y-websocket'),
    import('y-indexeddb'),
    import('y-protocols/auth'),
    import('y-protocols/awareness'),
  ])
  const doc = new Yjs.Doc()
  const persistence = new IndexeddbPersistence(localBoardName(conferenceId), doc)
  const provider = new WebsocketProvider(syncServerUrl(), conferenceId, doc, { params: { token: tickets.current() } })
  const stopTickets = tickets.onTicket((token) => {
    // The provider reads its params at every (re)connect.
    provider.params = { token }
  })
  let alive = true
  let hadTrouble = false
  let refusals = 0
  let retryTimer: ReturnType<typeof setTimeout> | null = null
  let loadFailed = false

  const updateStatus = () => {
    if (!alive) return
    if (loadFailed) events.onStatus('failed')
    else if (!navigator.onLine) events.onStatus('offline')
    else if (provider.wsconnected && provider.synced) events.onStatus('connected')
    // After the first failure or a lost connection: offline until synced again (no flicker
    // between "offline" and "connecting" at every retry).
    else if (hadTrouble) events.onStatus('offline')
    else events.onStatus('connecting')
  }

  let localCopyLoaded = false
  let serverAnswered = false
  const checkReady = () => {
    if (alive && localCopyLoaded && serverAnswered) events.onReady()
  }
  const localCopyLoadedNow = () => {
    localCopyLoaded = true
    checkReady()
  }
  const serverAnsweredNow = () => {
    serverAnswered = true
    checkReady()
  }
  const localCopyTimer = setTimeout(localCopyLoadedNow, WAIT_FOR_LOCAL_COPY_MS)
  void persistence.whenSynced.then(localCopyLoadedNow)
  const serverTimer = setTimeout(serverAnsweredNow, navigator.onLine ? WAIT_FOR_SERVER_MS : 0)

  const reconnectWithFreshTicket = (delayMs: number) => {
    if (retryTimer) clearTimeout(retryTimer)
    retryTimer = setTimeout(() => {
      retryTimer = null
      tickets.refresh().then(
        (token) => {
          if (!alive) return
          provider.params = { token }
          provider.connect()
        },
        (error: unknown) => {
          // Access is gone (the ticket source reports it), or the network is: try again later.
          if (alive && !(error instanceof AccessLostError)) reconnectWithFreshTicket(Math.min(MAX_RETRY_DELAY_MS, delayMs * 2 + 1_000))
        },
      )
    }, delayMs)
  }

  const failLoad = (failure: LoadFailure) => {
    if (!alive || loadFailed) return
    loadFailed = true
    events.onLoadFailed(failure)
    updateStatus()
  }
  guardSyncDecoding(provider, Yjs.decodeUpdate, () => failLoad('unreadable'))
  // No echo of the others' presence: only our own goes to the server.
  sendOwnPresenceOnly(provider, awarenessProtocol.encodeAwarenessUpdate)

  // The stock provider only logs a refused edit; Kring tells the person and reloads the board.
  provider.messageHandlers[MESSAGE_PERMISSION_DENIED] = (_encoder, decoder) => {
    authProtocol.readAuthMessage(decoder, doc, (_doc, reason) => {
      if (alive) events.onEditRefused(reason)
    })
  }

  provider.on('status', updateStatus)
  provider.on('sync', (synced) => {
    if (synced) {
      hadTrouble = false
      refusals = 0
      // The server's copy is in: a board without a single record is one the server could not read.
      if (recordsMapOf(doc).size === 0) failLoad('empty')
      serverAnsweredNow()
    }
    updateStatus()
  })
  provider.on('connection-error', () => {
    hadTrouble = true
    updateStatus()
  })
  provider.on('connection-close', (event) => {
    if (event === null) return
    hadTrouble = true
    if (event.code === CloseCode.MessageTooBig && alive) events.onTooLarge()
    updateStatus()
  })
  // The server closed with a 44xx code: the provider does not retry those by itself.
  provider.on('closed', ({ code, reason }) => {
    if (!alive) return
    if (code === CloseCode.Forbidden) return events.onForbidden(reason)
    if (code === CloseCode.NotFound) return events.onAccessLost('not-found')
    // 4401 (expired ticket) at once, then backing off; 4400 and the rest likewise, with a fresh ticket.
    const delay = code === CloseCode.Unauthenticated && refusals === 0 ? 0 : Math.min(MAX_RETRY_DELAY_MS, 1_000 * 2 ** refusals)
    refusals++
    reconnectWithFreshTicket(delay)
  })
  const onOffline = () => {
    hadTrouble = true
    updateStatus()
  }
  const onOnline = () => {
    // A socket from before the network dropped may be dead without knowing it (the provider
    // notices only after 30 s of silence): start a fresh one now.
    if (provider.ws) {
      provider.disconnect()
      provider.connect()
    }
    updateStatus()
  }
  window.addEventListener('offline', onOffline)
  window.addEventListener('online', onOnline)
  updateStatus()

  return {
    doc,
    awareness: provider.awareness,
    destroy() {
      alive = false
      clearTimeout(localCopyTimer)
      clearTimeout(serverTimer)
      if (retryTimer) clearTimeout(retryTimer)
      window.removeEventListener('offline', onOffline)
      window.removeEventListener('online', onOnline)
      stopTickets()
      provider.destroy()
      void persistence.destroy()
      doc.destroy()
    },
  }
}
