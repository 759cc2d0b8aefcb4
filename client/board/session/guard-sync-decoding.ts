import * as decoding from 'lib0/decoding'
import type { WebsocketProvider } from 'y-websocket'

// y-websocket's message type for the Yjs sync protocol, and y-protocols' sync message types.
const MESSAGE_SYNC = 0
const SYNC_STEP_2 = 1
const SYNC_UPDATE = 2

/**
 * The stock provider applies the server's copy of the board inside the socket's message handler,
 * and y-protocols swallows an update Yjs cannot decode (a record nested deeper than the browser's
 * stack, bytes an older server let in) with a console message, after which the provider counts
 * the connection as synced: an empty board that says "Verbonden". Decode each incoming update
 * first (`decodeUpdate`, Yjs's parser, passed in so this module never loads Yjs during the page's
 * server render); one that cannot be decoded is reported and not handed on, so the provider
 * never counts that connection as synced.
 */
export function guardSyncDecoding(
  provider: Pick<WebsocketProvider, 'messageHandlers'>,
  decodeUpdate: (update: Uint8Array) => unknown,
  onUnreadable: (error: unknown) => void,
): void {
  const handle = provider.messageHandlers[MESSAGE_SYNC]
  if (!handle) return
  provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, self, emitSynced, messageType) => {
    try {
      // Read ahead on a copy: the stock handler reads the message itself.
      const ahead = decoding.createDecoder(decoder.arr.subarray(decoder.pos))
      const syncType = decoding.readVarUint(ahead)
      if (syncType === SYNC_STEP_2 || syncType === SYNC_UPDATE) decodeUpdate(decoding.readVarUint8Array(ahead))
    } catch (error) {
      onUnreadable(error)
      return
    }
    handle(encoder, decoder, self, emitSynced, messageType)
  }
}
