import {
  createUserId,
  getDefaultUserPresence,
  InstancePresenceRecordType,
  TLPOINTER_ID,
  UserRecordType,
  type TLInstancePresence,
  type TLStore,
} from '@tldraw/tlschema'
import type { Awareness } from 'y-protocols/awareness'
import { z } from 'zod'
import { jsonEqual } from './json-equal'
import { participantColor } from './participant-color'
import { pacer, systemClock, type ThrottleClock } from './throttle'

/** At most this many presence updates per second leave a client (issue 2: ≤ 15 Hz). */
export const MAX_PRESENCE_UPDATES_PER_SECOND = 15
/**
 * When only the pointer moved, at most this many (issue 10: a cursor at a low rate; everyone else
 * sees it move in steps of about 125 ms, the same window as a stroke's updates).
 */
export const CURSOR_UPDATES_PER_SECOND = 8

/** Largest awareness state (its JSON text) the sync server accepts from a client. */
export const MAX_AWARENESS_STATE_BYTES = 128 * 1024
/** Deepest nesting of an awareness state (tldraw's presence nests six levels: scribbles' points). */
export const MAX_AWARENESS_DEPTH = 8

const coordinate = z.number().finite()
const Vec = z.object({ x: coordinate, y: coordinate, z: coordinate.optional() })
const Box = z.object({ x: coordinate, y: coordinate, w: coordinate, h: coordinate })
const RecordId = z.string().max(100)
const Scribble = z.object({
  id: z.string().max(64),
  points: z.array(Vec).max(2_000),
  size: coordinate,
  color: z.string().max(32),
  opacity: coordinate,
  state: z.string().max(16),
  delay: coordinate,
  shrink: coordinate,
  taper: z.boolean(),
})

/**
 * tldraw's presence fields (getDefaultUserPresence), each bounded. Unknown fields are dropped when
 * parsed; the sync server relays the parsed state, so nothing else travels.
 */
export const PresenceState = z.object({
  userId: z.string().max(100).optional(),
  userName: z.string().max(100).optional(),
  color: z.string().max(32).optional(),
  lastActivityTimestamp: coordinate.nullable().optional(),
  followingUserId: RecordId.nullable().optional(),
  cursor: z.object({ x: coordinate, y: coordinate, type: z.string().max(32), rotation: coordinate }).nullable().optional(),
  camera: z.object({ x: coordinate, y: coordinate, z: coordinate }).nullable().optional(),
  screenBounds: Box.nullable().optional(),
  selectedShapeIds: z.array(RecordId).max(5_000).optional(),
  currentPageId: RecordId,
  brush: Box.nullable().optional(),
  scribbles: z.array(Scribble).max(20).optional(),
  chatMessage: z.string().max(500).optional(),
})

/**
 * A client's awareness state on the board (y-protocols awareness, relayed by the sync server):
 * `user` says who it is, `presence` carries tldraw's presence fields (cursor, selection, camera,
 * page…) or null. The sync server parses every state with this before it keeps or relays it (and
 * checks `user.id` is the sender's participant id); other clients still treat it as untrusted input:
 * parsed, trimmed to the fields tldraw knows, and validated before it is shown.
 */
export const AwarenessState = z.object({
  user: z.object({
    id: z.string().min(1).max(64),
    name: z.string().trim().min(1).max(80),
  }),
  presence: PresenceState.nullable().optional(),
  /**
   * What this client shows of the others' presence. `liveCursors: false` (a phone): the sync server
   * sends it the others' presence at a low rate (server/sync/room-presence.ts). Absent: live.
   */
  view: z.object({ liveCursors: z.boolean() }).optional(),
})
export type AwarenessState = z.infer<typeof AwarenessState>

export interface PresenceUser {
  participantId: string
  name: string
}

export interface PresenceOptions {
  user: PresenceUser
  /** For changes other than the pointer alone (selection, camera, page…). */
  maxUpdatesPerSecond?: number
  /** For a pointer that moved and nothing else. */
  cursorUpdatesPerSecond?: number
  /**
   * Whether this device shows the others' cursors live (default true). A phone says false in its
   * awareness state (`view.liveCursors`), and the sync server then sends it others' presence at a
   * low rate.
   */
  liveCursors?: boolean
  /** Time source for the throttle and for "last active"; tests pass a controllable one. */
  clock?: ThrottleClock
}

export interface PresenceBinding {
  dispose(): void
}

// The presence fields a peer may send; the rest (id, type, meta, name, colour) is set here.
const PEER_FIELDS = [
  'lastActivityTimestamp',
  'camera',
  'selectedShapeIds',
  'currentPageId',
  'brush',
  'scribbles',
  'screenBounds',
  'followingUserId',
  'cursor',
  'chatMessage',
] as const

/**
 * What this client sends of tldraw's presence: the fields a peer shows, coordinates rounded, and
 * what the peer sets itself (user id, name, colour, activity time) or defaults (empty selection, no
 * brush, no scribbles, no chat) left out. About half of tldraw's presence in bytes.
 */
export function compactPresence(presence: NonNullable<ReturnType<typeof getDefaultUserPresence>>): Record<string, unknown> {
  const compact: Record<string, unknown> = {
    currentPageId: presence.currentPageId,
    cursor: { x: round(presence.cursor.x, 1), y: round(presence.cursor.y, 1), type: presence.cursor.type, rotation: round(presence.cursor.rotation, 3) },
    camera: { x: round(presence.camera.x, 1), y: round(presence.camera.y, 1), z: round(presence.camera.z, 4) },
  }
  if (presence.screenBounds) {
    const { x, y, w, h } = presence.screenBounds
    compact.screenBounds = { x: Math.round(x), y: Math.round(y), w: Math.round(w), h: Math.round(h) }
  }
  if (presence.selectedShapeIds.length > 0) compact.selectedShapeIds = presence.selectedShapeIds
  if (presence.brush) compact.brush = presence.brush
  if (presence.scribbles.length > 0) compact.scribbles = presence.scribbles
  if (presence.followingUserId) compact.followingUserId = presence.followingUserId
  if (presence.chatMessage) compact.chatMessage = presence.chatMessage
  return compact
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals
  return Math.round(value * factor) / factor
}

/** The presence record id of a peer (its awareness client id). */
export function presenceIdFor(clientId: number): TLInstancePresence['id'] {
  return InstancePresenceRecordType.createId(`awareness-${clientId}`)
}

/**
 * Build the tldraw presence record for a peer's awareness state, or null when it has none (or an
 * unreadable one). The name comes from the peer, the colour from its participant id, and "last
 * active" is when we received it: device clocks differ, and tldraw hides collaborators whose
 * activity looks old.
 */
export function presenceRecordFromAwareness(clientId: number, state: unknown, receivedAt: number): TLInstancePresence | null {
  const parsed = AwarenessState.safeParse(state)
  if (!parsed.success || !parsed.data.presence) return null
  const { user, presence } = parsed.data
  const fields: Record<string, unknown> = {}
  for (const key of PEER_FIELDS) if (Object.hasOwn(presence, key)) fields[key] = presence[key]
  if (typeof fields.currentPageId !== 'string') return null
  return InstancePresenceRecordType.create({
    ...(fields as Partial<TLInstancePresence>),
    id: presenceIdFor(clientId),
    currentPageId: fields.currentPageId as TLInstancePresence['currentPageId'],
    userId: createUserId(user.id),
    userName: user.name,
    color: participantColor(user.id),
    lastActivityTimestamp: receivedAt,
    meta: {},
  })
}

/**
 * Presence both ways between a tldraw store and Yjs awareness:
 * - local: whenever the store's session state changes (pointer, selection, camera, page), this
 *   client's presence is written to its awareness state, throttled to `maxUpdatesPerSecond`;
 * - remote: every peer's awareness state becomes an `instance_presence` record in the store
 *   (through `mergeRemoteChanges`, so it never reaches the document), removed when the peer
 *   leaves or its state is cleared. A state tldraw refuses is not shown.
 */
export function bindPresence(store: TLStore, awareness: Awareness, options: PresenceOptions): PresenceBinding {
  const clock = options.clock ?? systemClock
  const { participantId, name } = options.user
  const tlUser = UserRecordType.create({
    id: createUserId(participantId),
    name,
    color: participantColor(participantId),
  })
  const shown = new Set<TLInstancePresence['id']>()
  let lastSent: unknown = undefined
  let disposed = false

  // Who we are, and (on a phone) that others' cursors may come slowly: one state, one message.
  const local: AwarenessState = { ...(awareness.getLocalState() as object), user: { id: participantId, name } }
  if (options.liveCursors === false) local.view = { liveCursors: false }
  awareness.setLocalState(local)

  const fastInterval = Math.ceil(1000 / (options.maxUpdatesPerSecond ?? MAX_PRESENCE_UPDATES_PER_SECOND))
  const cursorInterval = Math.max(fastInterval, Math.ceil(1000 / (options.cursorUpdatesPerSecond ?? CURSOR_UPDATES_PER_SECOND)))
  const publish = pacer(() => {
    if (disposed) return
    const presence = getDefaultUserPresence(store, tlUser)
    if (!presence) return
    const compact = compactPresence(presence)
    if (jsonEqual(compact, lastSent)) return
    lastSent = compact
    awareness.setLocalStateField('presence', compact)
  }, clock)
  // A pointer that moved and nothing else goes at the cursor's rate; anything else sooner.
  const stopListening = store.listen(
    ({ changes }) => {
      const ids = [...Object.keys(changes.added), ...Object.keys(changes.updated), ...Object.keys(changes.removed)]
      publish(ids.every((id) => id === TLPOINTER_ID) ? cursorInterval : fastInterval)
    },
    { scope: 'session' },
  )
  publish(0)

  const applyPeers = (clientIds: number[]) => {
    const states = awareness.getStates()
    const puts: TLInstancePresence[] = []
    const removes: TLInstancePresence['id'][] = []
    for (const clientId of clientIds) {
      if (clientId === awareness.clientID) continue
      const record = presenceRecordFromAwareness(clientId, states.get(clientId), clock.now())
      if (record) puts.push(record)
      else if (shown.has(presenceIdFor(clientId))) removes.push(presenceIdFor(clientId))
    }
    if (puts.length === 0 && removes.length === 0) return
    store.mergeRemoteChanges(() => {
      if (removes.length > 0) store.remove(removes)
      for (const id of removes) shown.delete(id)
      for (const record of puts) {
        try {
          store.put([record])
          shown.add(record.id)
        } catch {
          // Not a presence tldraw can draw (another version, or a broken client): not shown.
          // Cursors are not edits, so there is nothing to report to the user.
          if (shown.has(record.id)) store.remove([record.id])
          shown.delete(record.id)
        }
      }
    })
  }

  const onChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    if (disposed) return
    applyPeers([...added, ...updated, ...removed])
  }
  awareness.on('change', onChange)
  applyPeers([...awareness.getStates().keys()])

  return {
    dispose() {
      if (disposed) return
      disposed = true
      publish.cancel()
      stopListening()
      awareness.off('change', onChange)
      awareness.setLocalStateField('presence', null)
      const ids = [...shown].filter((id) => store.has(id))
      shown.clear()
      if (ids.length > 0) store.mergeRemoteChanges(() => store.remove(ids))
    },
  }
}
