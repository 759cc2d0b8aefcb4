import type { WebsocketProvider } from 'y-websocket'

// y-websocket's message type for the Yjs sync protocol (step 1, step 2, update).
const MESSAGE_SYNC = 0

/**
 * The stock provider applies the server's copy of the board inside the socket's message handler:
 * when Yjs cannot decode it (a record nested deeper than the browser's stack, bytes an older
 * server let in), the exception escapes into the console and the board silently stays empty
 * while the socket looks connected. Catch it here and say so; the provider then never counts
 * the connection as synced.
 */
export function guardSyncDecoding(provider: Pick<WebsocketProvider, 'messageHandlers'>, onUnreadable: (error: unknown) => void): void {
  const handle = provider.messageHandlers[MESSAGE_SYNC]
  if (!handle) return
  provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, self, emitSynced, messageType) => {
    try {
      handle(encoder, decoder, self, emitSynced, messageType)
    } catch (error) {
      onUnreadable(error)
    }
  }
}
