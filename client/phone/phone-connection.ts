import type * as Y from 'yjs'
import { CloseCode } from '@/lib/protocol/close-codes'

/**
 * The phone view's own connection to the board: the board's Yjs document over the stock
 * y-websocket provider on `/sync/<conferenceId>` (the same ticket and close codes as the canvas,
 * client/board/session/board-connection.ts), and the device's copy in IndexedDB (y-indexeddb,
 * the same database the canvas uses, so either view reopens offline from it). Light on purpose:
 * yjs, y-websocket and y-indexeddb only; no zod, no tldraw, no socket.io.
 *
 * Tickets: 4401 (expired) fetches a fresh one from `ticketUrl` and reconnects. 4403 with a
 * waiting reason (private time, lobby) waits and knocks again; any other 4403, or 403/401 from the
 * ticket route, is access lost: the device copy is cleared (`forgetDeviceCopy`).
 */

export type PhoneSyncStatus = 'connecting' | 'connected' | 'offline'

export interface PhoneConnectionEvents {
  onStatus(status: PhoneSyncStatus): void
  /** The board's records can be read and written (the device copy or the server's arrived). */
  onReady(): void
  /** The server said "not now" (private time, lobby): no board until it lets us back. */
  onWaiting(reason: string): void
  /** Out for good (revoked, removed, declined, signed out): nothing of the board stays. */
  onOut(reason: string): void
  /** The server refused one of our edits (y-protocols permission-denied reason). */
  onRefused(reason: string): void
}

export interface PhoneConnection {
  doc: Y.Doc
  records: Y.Map<unknown>
  /** Knock again now (after the meeting says the board is back). */
  retry(): void
  destroy(): void
}

/** The IndexedDB name the canvas uses too (client/board/session/board-connection.ts `localBoardName`). */
export const deviceCopyName = (conferenceId: string) => `kring-board-${conferenceId}`

export async function forgetDeviceCopy(conferenceId: string): Promise<void> {
  const { clearDocument } = await import('y-indexeddb')
  await clearDocument(deviceCopyName(conferenceId))
}

const WAITING_REASONS = new Set(['private-time', 'lobby'])
const KNOCK_AGAIN_MS = 10_000
const MESSAGE_PERMISSION_DENIED = 2

/** Ask the ticket route for a fresh socket ticket; null when access is gone (401/403/404). */
async function freshTicket(ticketUrl: string): Promise<string | 'gone' | null> {
  try {
    const response = await fetch(ticketUrl, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: '{}' })
    if (response.status === 401 || response.status === 403 || response.status === 404) return 'gone'
    if (!response.ok) return null
    const text = await response.text()
    if (text.length > 4_096) return null
    const body = JSON.parse(text) as { ticket?: unknown }
    return typeof body.ticket === 'string' && body.ticket.length > 0 && body.ticket.length < 1_024 ? body.ticket : null
  } catch {
    return null
  }
}

export async function openPhoneConnection(
  options: { conferenceId: string; ticket: string; ticketUrl: string },
  events: PhoneConnectionEvents,
): Promise<PhoneConnection> {
  const [Yjs, { WebsocketProvider }, authProtocol] = await Promise.all([import('yjs'), import('y-websocket'), import('y-protocols/auth')])
  const doc = new Yjs.Doc()
  const records = doc.getMap<unknown>('records')
  let alive = true
  let ready = false
  const markReady = () => {
    if (alive && !ready) {
      ready = true
      events.onReady()
    }
  }

  // The device copy: loaded beside the socket, not before it (it is not on the first paint's path).
  // A copy with the board in it is the board at once: it is the same Yjs document, and whatever the
  // server has merges in when it answers. "Online" is not asked: a phone that says it is online
  // often reaches nothing (a weak signal, a hotel's login page).
  let persistence: { destroy(): Promise<void> } | null = null
  void import('y-indexeddb').then(({ IndexeddbPersistence }) => {
    if (!alive) return
    const local = new IndexeddbPersistence(deviceCopyName(options.conferenceId), doc)
    persistence = local
    void local.whenSynced.then(() => {
      if (records.size > 0) markReady()
    })
  })

  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`
  const socket = new WebsocketProvider(url, options.conferenceId, doc, { params: { token: options.ticket } })
  // The server cannot be reached (offline, or a network that reaches nothing): the view is usable
  // from whatever the device has, and what she adds is kept here until the server answers.
  // (Kring's own refusals, 4xxx, are answers, not unreachability: they are handled below.)
  const unreachable = () => !socket.synced && markReady()
  socket.on('connection-error', unreachable)
  socket.on('connection-close', (event: CloseEvent | null) => (event?.code ?? 1006) < 4000 && unreachable())
  // The phone shows no cursors: it says once that it has none, then sends no presence at all
  // (the stock provider would echo everyone else's back to the server).
  socket.awareness.setLocalState(null)
  const echo = (socket as unknown as { _awarenessUpdateHandler?: (...args: unknown[]) => void })._awarenessUpdateHandler
  if (echo) socket.awareness.off('update', echo)

  socket.messageHandlers[MESSAGE_PERMISSION_DENIED] = (_encoder, decoder) => {
    authProtocol.readAuthMessage(decoder, doc, (_doc, reason) => alive && events.onRefused(reason))
  }

  const status = () => {
    if (!alive) return
    events.onStatus(!navigator.onLine ? 'offline' : socket.wsconnected && socket.synced ? 'connected' : socket.wsconnected ? 'connecting' : 'offline')
  }
  socket.on('status', status)
  socket.on('sync', (synced: boolean) => {
    if (synced) markReady()
    status()
  })

  let knockTimer: ReturnType<typeof setTimeout> | null = null
  const reconnect = async () => {
    const ticket = await freshTicket(options.ticketUrl)
    if (!alive) return
    if (ticket === 'gone') return events.onOut('withdrawn')
    if (ticket) socket.params = { token: ticket }
    socket.connect()
  }
  socket.on('closed', ({ code, reason }: { code: number; reason: string }) => {
    if (!alive) return
    if (code === CloseCode.Forbidden) {
      if (!WAITING_REASONS.has(reason)) return events.onOut(reason)
      events.onWaiting(reason)
      knockTimer = setTimeout(() => void reconnect(), KNOCK_AGAIN_MS)
      return
    }
    // 4401 (expired ticket) and the other refusals: a fresh ticket, after a pause for the latter.
    knockTimer = setTimeout(() => void reconnect(), code === CloseCode.Unauthenticated ? 0 : 3_000)
  })
  const onNetwork = () => {
    if (navigator.onLine && socket.ws) {
      socket.disconnect()
      socket.connect()
    }
    status()
  }
  window.addEventListener('online', onNetwork)
  window.addEventListener('offline', onNetwork)
  status()

  return {
    doc,
    records,
    retry() {
      if (knockTimer) clearTimeout(knockTimer)
      void reconnect()
    },
    destroy() {
      alive = false
      if (knockTimer) clearTimeout(knockTimer)
      window.removeEventListener('online', onNetwork)
      window.removeEventListener('offline', onNetwork)
      socket.destroy()
      void persistence?.destroy()
      doc.destroy()
    },
  }
}
