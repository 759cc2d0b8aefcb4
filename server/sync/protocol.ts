/**
 * The y-websocket wire protocol, as the stock `WebsocketProvider` speaks it: every websocket
 * message is one varUint message type followed by its payload.
 *
 *   0 sync       step 1 (state vector) | step 2 (update) | update      (y-protocols/sync)
 *   1 awareness  an awareness update                                    (y-protocols/awareness)
 *   2 auth       server → client only: permission denied + reason       (y-protocols/auth)
 *   3 query awareness (no payload): "send me every awareness state"
 *
 * Decoding is strict because every byte comes from the network: lengths are checked against
 * the message, trailing bytes are refused, and a document update is fully decoded by Yjs
 * before anything else sees it, so a corrupt update never reaches the room or the database.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as authProtocol from 'y-protocols/auth'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'

/** An update as Yjs decodes it: its structs and its delete set. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>

export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const

/** A message from a client, decoded and validated. */
export type ClientMessage =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  /**
   * Step 2 and plain updates are both document writes and take the same path. `decoded` is the
   * validation's decoding, kept so the write path (server/sync/record-guard.ts) need not decode again.
   */
  | { kind: 'update'; update: Uint8Array; decoded: DecodedUpdate; step2: boolean }
  | { kind: 'awareness'; update: Uint8Array; entries: AwarenessEntry[] }
  | { kind: 'query-awareness' }

export interface AwarenessEntry {
  clientId: number
  clock: number
  /**
   * The state's JSON text as the client sent it (UTF-8 bytes), not decoded here: the room reads it
   * only when the entry is the sender's own (server/sync/room-presence.ts), so the echo of others'
   * presence that stock providers send back costs no parse. `null` is a removal.
   */
  stateBytes: Uint8Array
  /** False when the entry removes the client's state (its text is `null`). */
  present: boolean
}

/** The message could not be decoded; the connection that sent it is closed with 4400. */
export class ProtocolError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ProtocolError'
  }
}

export function decodeClientMessage(data: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(data)
    const message = decodeBody(decoder)
    if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after the message')
    return message
  } catch (err) {
    if (err instanceof ProtocolError) throw err
    // lib0 and Yjs throw plain Errors/RangeErrors on truncated or malformed input.
    throw new ProtocolError('undecodable message')
  }
}

function decodeBody(decoder: decoding.Decoder): ClientMessage {
  const type = decoding.readVarUint(decoder)
  switch (type) {
    case MessageType.Sync:
      return decodeSync(decoder)
    case MessageType.Awareness: {
      const update = readBoundedVarUint8Array(decoder)
      return { kind: 'awareness', update, entries: readAwarenessEntries(update) }
    }
    case MessageType.QueryAwareness:
      return { kind: 'query-awareness' }
    default:
      throw new ProtocolError(`unknown message type ${type}`)
  }
}

function decodeSync(decoder: decoding.Decoder): ClientMessage {
  const step = decoding.readVarUint(decoder)
  const payload = readBoundedVarUint8Array(decoder)
  switch (step) {
    case syncProtocol.messageYjsSyncStep1:
      Y.decodeStateVector(payload)
      return { kind: 'sync-step1', stateVector: payload }
    case syncProtocol.messageYjsSyncStep2:
    case syncProtocol.messageYjsUpdate:
      // Decodes every struct and the delete set; throws on anything malformed.
      return { kind: 'update', update: payload, decoded: Y.decodeUpdate(payload), step2: step === syncProtocol.messageYjsSyncStep2 }
    default:
      throw new ProtocolError(`unknown sync message ${step}`)
  }
}

/**
 * A length-prefixed payload, checked against the message here as well: a ws message can be a
 * view on a larger pooled buffer, and older lib0 releases read past a view's end unchecked.
 */
function readBoundedVarUint8Array(decoder: decoding.Decoder): Uint8Array {
  const length = decoding.readVarUint(decoder)
  if (length > decoder.arr.length - decoder.pos) throw new ProtocolError('length beyond the end of the message')
  return decoding.readUint8Array(decoder, length)
}

/**
 * The structure of an awareness update (y-protocols' layout: count, then client id, clock and JSON
 * text per entry), checked against the message; the texts are left undecoded (see AwarenessEntry).
 */
function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  if (count > update.length) throw new ProtocolError('awareness entry count beyond the message')
  const entries: AwarenessEntry[] = []
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    const stateLength = decoding.readVarUint(decoder)
    if (stateLength > decoder.arr.length - decoder.pos) throw new ProtocolError('awareness state beyond the message')
    const stateBytes = decoding.readUint8Array(decoder, stateLength)
    entries.push({ clientId, clock, stateBytes, present: !isNullText(stateBytes) })
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes in awareness update')
  return entries
}

/** Whether JSON text is exactly `null` (how y-protocols writes a removed state). */
function isNullText(bytes: Uint8Array): boolean {
  return bytes.length === 4 && bytes[0] === 0x6e && bytes[1] === 0x75 && bytes[2] === 0x6c && bytes[3] === 0x6c
}

/** Whether JSON text nests arrays/objects deeper than `max`, by scanning it (no parse, no recursion). */
export function jsonNestsDeeper(text: string, max: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true
    } else if (c === 0x5d || c === 0x7d) depth--
  }
  return false
}

/** One awareness entry as y-protocols writes it: client id, clock, the state's JSON text. */
export function encodeAwarenessEntry(clientId: number, clock: number, json: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, clientId)
  encoding.writeVarUint(encoder, clock)
  encoding.writeVarString(encoder, json)
  return encoding.toUint8Array(encoder)
}

/**
 * An awareness message of entries already encoded (encodeAwarenessEntry), as y-protocols writes it:
 * message type, payload length, entry count, entries. Built in one allocation with one copy per
 * entry: the room builds one of these per receiver at every presence flush.
 */
export function encodeAwarenessMessage(entries: Uint8Array[]): Uint8Array {
  let entryBytes = 0
  for (const entry of entries) entryBytes += entry.length
  const payloadLength = varUintLength(entries.length) + entryBytes
  const message = new Uint8Array(varUintLength(MessageType.Awareness) + varUintLength(payloadLength) + payloadLength)
  let at = writeVarUintAt(message, 0, MessageType.Awareness)
  at = writeVarUintAt(message, at, payloadLength)
  at = writeVarUintAt(message, at, entries.length)
  for (const entry of entries) {
    message.set(entry, at)
    at += entry.length
  }
  return message
}

/** Bytes lib0's writeVarUint takes for a number. */
function varUintLength(value: number): number {
  let length = 1
  while (value > 0x7f) {
    value = Math.floor(value / 128)
    length++
  }
  return length
}

/** lib0's writeVarUint into a buffer at an offset; returns the offset after it. */
function writeVarUintAt(buffer: Uint8Array, at: number, value: number): number {
  while (value > 0x7f) {
    buffer[at++] = 0x80 | value % 128
    value = Math.floor(value / 128)
  }
  buffer[at++] = value
  return at
}

/** A structurally empty update (no structs, no deletions), as step 2 often is. Nothing to store. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Sync)
  syncProtocol.writeSyncStep1(encoder, doc)
  return encoding.toUint8Array(encoder)
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Sync)
  syncProtocol.writeSyncStep2(encoder, doc, stateVector)
  return encoding.toUint8Array(encoder)
}

/** Sync step 2 carrying an update the server already holds encoded (whole-board.ts). */
export function encodeSyncStep2OfUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Sync)
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** Whether a state vector is a client's that holds nothing yet (its encoding is one zero: no clients). */
export function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Sync)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

/**
 * An awareness message with the states of `clientIds`, encoded state by state: a state that cannot
 * be encoded, or that would take the message past `maxBytes`, is left out rather than failing the
 * whole message (which would fail every client joining the room). Null when nothing is left.
 */
export function encodeAwareness(awareness: awarenessProtocol.Awareness, clientIds: number[], maxBytes = Infinity): Uint8Array | null {
  const entries: Uint8Array[] = []
  let total = 0
  for (const clientId of clientIds) {
    const entry = encodeOneAwarenessEntry(awareness, clientId)
    if (entry === null || total + entry.length > maxBytes) continue
    entries.push(entry)
    total += entry.length
  }
  return entries.length === 0 ? null : encodeAwarenessMessage(entries)
}

/** One client's entry as y-protocols writes it (clientId, clock, JSON state), or null if it cannot be. */
function encodeOneAwarenessEntry(awareness: awarenessProtocol.Awareness, clientId: number): Uint8Array | null {
  try {
    return encodeAwarenessEntry(clientId, awareness.meta.get(clientId)?.clock ?? 0, JSON.stringify(awareness.getStates().get(clientId) ?? null))
  } catch {
    return null
  }
}

/** The stock provider logs this as "Permission denied"; how a refused write is reported. */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Auth)
  authProtocol.writePermissionDenied(encoder, reason)
  return encoding.toUint8Array(encoder)
}
