import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import type { Db } from '../../lib/server/db/connect'
import { loadBoard } from '../../lib/server/db/repositories/yjs-log'
import { createLogger } from '../../lib/server/log/logger'
import { docOfStoredBoard } from '../../server/sync/persistence'
import { syncUpdateMessage } from './crafted-updates'
import { connectRaw, syncUrlFor, type RawClient } from './sync-clients'
import { waitFor } from './test-server'

/**
 * A raw websocket that speaks just enough y-protocols to send crafted updates and awareness
 * states, as a hostile or broken client would, and to read what the server answers.
 */
export interface HostileClient {
  raw: RawClient
  /** Send a document update made by `edit` on a fresh document (its own client id). */
  sendEdit(edit: (records: Y.Map<unknown>, doc: Y.Doc) => void): void
  /** Send one awareness entry with this JSON text as the state. */
  sendAwareness(clientId: number, clock: number, stateJson: string): void
  /** The permission-denied reasons received so far. */
  refusals(): string[]
}

export async function connectHostile(syncUrl: string, conferenceId: string, token: string): Promise<HostileClient> {
  const raw = connectRaw(syncUrlFor(syncUrl, conferenceId, token))
  await raw.whenOpen
  await waitFor(() => raw.messages.length > 0, { message: 'sync step 1 from the server' })
  return {
    raw,
    sendEdit(edit) {
      const doc = new Y.Doc()
      const updates: Uint8Array[] = []
      doc.on('update', (update: Uint8Array) => updates.push(update))
      doc.transact(() => edit(doc.getMap('records'), doc))
      raw.ws.send(syncUpdateMessage(Y.mergeUpdates(updates)))
      doc.destroy()
    },
    sendAwareness(clientId, clock, stateJson) {
      raw.ws.send(awarenessMessage([{ clientId, clock, stateJson }]))
    },
    refusals: () => raw.messages.map(permissionDenied).filter((reason): reason is string => reason !== null),
  }
}

export function awarenessMessage(entries: { clientId: number; clock: number; stateJson: string }[]): Uint8Array {
  const inner = encoding.createEncoder()
  encoding.writeVarUint(inner, entries.length)
  for (const { clientId, clock, stateJson } of entries) {
    encoding.writeVarUint(inner, clientId)
    encoding.writeVarUint(inner, clock)
    encoding.writeVarString(inner, stateJson)
  }
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1) // messageAwareness
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner))
  return encoding.toUint8Array(encoder)
}

/** The permission-denied reason in a y-protocols auth message, or null for other messages. */
export function permissionDenied(message: Uint8Array): string | null {
  const decoder = decoding.createDecoder(message)
  if (decoding.readVarUint(decoder) !== 2 || decoding.readVarUint(decoder) !== 0) return null
  return decoding.readVarString(decoder)
}

/** The board as stored in the database (snapshot and log), as the next room load would read it. */
export async function storedBoard(db: Db, conferenceId: string): Promise<Y.Doc> {
  return docOfStoredBoard(await loadBoard(db, conferenceId), conferenceId, createLogger('silent'))
}

/** `[` × depth then `]` × depth: valid JSON that overflows recursive encoders. */
export function deepArrayJson(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth)
}
