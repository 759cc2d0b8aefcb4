import { createTLStore } from '@tldraw/editor'
import { createUserId, getDefaultUserPresence, UserRecordType, type TLStore } from '@tldraw/tlschema'
import type { Awareness } from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { createKringTLSchema } from '../../lib/board/tldraw-schema'
import { bindStoreToDoc } from '../../lib/sync/bind-store-to-doc'
import { participantColor } from '../../lib/sync/participant-color'
import { throttlePerSecond } from '../../lib/sync/throttle'
import { countingWebSocket, emptyTraffic, type KringClient } from '../../tests/helpers/kring-client'
import { waitFor } from '../../tests/helpers/test-server'

/**
 * The board page's client as it was before issue 10's bandwidth work, for the same-run baseline:
 * the stock provider (which echoes every presence update it receives), every change of a record
 * written at once, and tldraw's whole presence (with its activity clock) at up to 15 Hz.
 */
export async function connectLegacyClient(syncUrl: string, conferenceId: string, token: string, user: { participantId: string; name: string }): Promise<KringClient> {
  const traffic = emptyTraffic()
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(syncUrl, conferenceId, doc, { params: { token }, WebSocketPolyfill: countingWebSocket(traffic), disableBc: true })
  await waitFor(() => provider.synced, { message: 'the legacy client synced' })
  const store = createTLStore({ schema: createKringTLSchema() })
  const binding = bindStoreToDoc(store, doc)
  store.mergeRemoteChanges(() => {})
  const stop = publishLegacyPresence(store, provider.awareness, user)
  return {
    doc,
    records: doc.getMap('records'),
    store,
    provider,
    binding,
    presence: null,
    traffic,
    destroy() {
      stop()
      binding.dispose()
      provider.destroy()
      doc.destroy()
    },
  }
}

/** lib/sync/presence.ts's sending side as it was: the full presence, throttled to 15 Hz. */
function publishLegacyPresence(store: TLStore, awareness: Awareness, user: { participantId: string; name: string }): () => void {
  const tlUser = UserRecordType.create({ id: createUserId(user.participantId), name: user.name, color: participantColor(user.participantId) })
  awareness.setLocalStateField('user', { id: user.participantId, name: user.name })
  let last = ''
  const publish = throttlePerSecond(() => {
    const presence = getDefaultUserPresence(store, tlUser)
    const json = JSON.stringify(presence)
    if (!presence || json === last) return
    last = json
    awareness.setLocalStateField('presence', presence)
  }, 15)
  const stopListening = store.listen(() => publish(), { scope: 'session' })
  publish()
  return () => {
    publish.cancel()
    stopListening()
  }
}
