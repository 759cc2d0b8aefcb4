import * as encoding from 'lib0/encoding'
import type { Awareness } from 'y-protocols/awareness'
import type { WebsocketProvider } from 'y-websocket'

// y-websocket's message types for awareness and for "send me every awareness state".
const MESSAGE_AWARENESS = 1
const MESSAGE_QUERY_AWARENESS = 3

type EncodeAwarenessUpdate = (awareness: Awareness, clients: number[]) => Uint8Array
type AwarenessChanges = { added: number[]; updated: number[]; removed: number[] }

/**
 * The stock provider sends every change of its awareness to the server, including the others'
 * states it has just received from it: each presence update in a room came back from every other
 * client (on a phone, most of what it sent). From here on the provider sends only this client's own
 * state, when it changes, and answers a query with it alone; the server relays everyone's.
 *
 * `encodeAwarenessUpdate` (y-protocols') is passed in so this module never loads Yjs during the
 * page's server render. Same-browser tabs see each other's presence through the server.
 */
export function sendOwnPresenceOnly(provider: WebsocketProvider, encodeAwarenessUpdate: EncodeAwarenessUpdate): void {
  const { awareness } = provider
  const ownMessage = () => {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [awareness.clientID]))
    return encoding.toUint8Array(encoder)
  }
  awareness.off('update', provider._awarenessUpdateHandler)
  // Replaced under the provider's own name, so its destroy() removes this one.
  provider._awarenessUpdateHandler = ({ added, updated, removed }: AwarenessChanges) => {
    const own = awareness.clientID
    if (!added.includes(own) && !updated.includes(own) && !removed.includes(own)) return
    const ws = provider.ws
    if (provider.wsconnected && ws && ws.readyState === ws.OPEN) ws.send(ownMessage())
  }
  awareness.on('update', provider._awarenessUpdateHandler)
  provider.messageHandlers[MESSAGE_QUERY_AWARENESS] = (encoder) => {
    encoding.writeUint8Array(encoder, ownMessage())
  }
}
