import { removeAwarenessStates, type Awareness } from 'y-protocols/awareness'
import type { Logger } from '../../lib/server/log/logger'
import type { AwarenessState } from '../../lib/sync/presence'
import { systemClock, type ThrottleClock } from '../../lib/sync/throttle'
import type { SyncConnection } from './connection'
import { PresencePace } from './presence-pace'
import { readPresenceState, type PresenceDropReason } from './presence-state'
import { encodeAwarenessEntry, encodeAwarenessMessage, type AwarenessEntry } from './protocol'

/**
 * How often one person's presence goes out to each receiver, at most: `liveHz` to clients that show
 * others' cursors live, `leanHz` to those that said they do not (`view.liveCursors: false`, phones).
 * Arrivals and departures go out at once to everyone.
 */
export interface PresenceRates {
  liveHz: number
  leanHz: number
}

export const PRESENCE_RATES: PresenceRates = { liveHz: 15, leanHz: 1 }

// A y-websocket client has one awareness client id (its document's); a connection may own that many.
const OWN_IDS_PER_CONNECTION = 1

export interface AwarenessChanges {
  added: number[]
  updated: number[]
  removed: number[]
}

export interface RoomPresenceOptions {
  conferenceId: string
  logger: Logger
  /** Largest message sent to a client (a state that would pass it is left out). */
  maxOutgoingBytes: number
  rates?: PresenceRates
  clock?: ThrottleClock
}

interface AcceptedEntry {
  clientId: number
  clock: number
  state: AwarenessState | null
  json: string
}

/**
 * A room's presence: who owns which awareness client id, what a client may set, and how the states
 * travel on.
 *
 * In: an awareness message's entries for client ids that are not the sender's own (the echo of
 * others' presence that the stock provider sends back, most of all presence traffic) are dropped
 * unread. The sender's own states are read once (presence-state.ts: decoded, parsed, validated,
 * written back as the JSON that is kept) and applied to the room's awareness directly, as
 * y-protocols' applyAwarenessUpdate would (same clock rules and events), without a second parse.
 * A bad state is dropped and logged (reason only), never fatal.
 *
 * Out: each state is encoded once (client id, clock, JSON) and the same bytes go to every receiver,
 * paced per sender (PresenceRates): a change while a sender waits only replaces what goes out
 * next, so the latest state always arrives. The room sends at most once per live interval, with
 * everyone's due states in one message per receiver (ten people moving: one message to each, not
 * nine). Arrivals and departures go at once. Nobody receives its own state back.
 */
export class RoomPresence {
  private readonly owners = new Map<number, SyncConnection>()
  /** Each state's entry as relayed, with its JSON text; by client id, valid for one clock. */
  private readonly entries = new Map<number, { clock: number; json: string; bytes: Uint8Array }>()
  private readonly live: PresencePace
  private readonly lean: PresencePace
  private readonly clock: ThrottleClock
  private timer: unknown = null
  private timerAt = Infinity
  /** The room sends presence at most once per live interval: everyone due then, in one message per receiver. */
  private lastFlushAt = -Infinity

  constructor(
    private readonly awareness: Awareness,
    /** The room's joined connections: who receives presence. */
    private readonly receivers: () => Iterable<SyncConnection>,
    private readonly options: RoomPresenceOptions,
  ) {
    const rates = options.rates ?? PRESENCE_RATES
    this.live = new PresencePace(Math.ceil(1000 / rates.liveHz))
    this.lean = new PresencePace(Math.ceil(1000 / rates.leanHz))
    this.clock = options.clock ?? systemClock
  }

  /** An awareness message from a connection: its own entries read, checked and applied. */
  receive(connection: SyncConnection, entries: AwarenessEntry[]): void {
    if (!connection.isOpen) return
    const accepted: AcceptedEntry[] = []
    let dropped: Partial<Record<PresenceDropReason, number>> | null = null
    for (const entry of entries) {
      if (!this.isOwn(connection, entry)) continue
      if (!entry.present) {
        accepted.push({ clientId: entry.clientId, clock: entry.clock, state: null, json: 'null' })
        continue
      }
      const read = readPresenceState(entry.stateBytes, connection.participantId)
      if (!read.ok) {
        dropped ??= {}
        dropped[read.reason] = (dropped[read.reason] ?? 0) + 1
        continue
      }
      accepted.push({ clientId: entry.clientId, clock: entry.clock, state: read.state, json: read.json })
    }
    // Reported (logged without content), not fatal: the connection and its other entries go on.
    if (dropped) this.options.logger.info({ conferenceId: this.options.conferenceId, connectionId: connection.id, dropped }, 'presence states dropped')
    if (accepted.length > 0) this.apply(connection, accepted)
  }

  /** The connection left: the states it owns are removed (and that removal relayed at once). */
  leave(connection: SyncConnection): void {
    const owned = [...connection.awarenessIds].filter((id) => this.owners.get(id) === connection)
    for (const id of owned) this.owners.delete(id)
    connection.awarenessIds.clear()
    if (owned.length > 0) removeAwarenessStates(this.awareness, owned, null)
  }

  /**
   * Everyone's presence but the connection's own, for a joiner or a query: each state encoded on its
   * own (one that cannot be is left out), within the outgoing limit. Null when there is none.
   */
  snapshotFor(connection: SyncConnection): Uint8Array | null {
    return this.messageFor([...this.awareness.getStates().keys()], connection)
  }

  /**
   * The room's awareness changed (from a connection, a timeout, or anything else that applies
   * awareness): arrivals and departures go out at once, changes when their sender is due.
   */
  relay({ added, updated, removed }: AwarenessChanges, _origin: unknown): void {
    const now = this.clock.now()
    const atOnce = [...added, ...removed]
    if (atOnce.length > 0) this.sendToAll(atOnce)
    this.live.sent(added, now)
    this.lean.sent(added, now)
    for (const id of removed) {
      this.live.forget(id)
      this.lean.forget(id)
      this.entries.delete(id)
    }
    for (const id of updated) {
      this.live.mark(id)
      this.lean.mark(id)
    }
    // Not at once: changes arriving together (or within the room's interval) go out together.
    if (updated.length > 0) this.schedule(this.lastFlushAt + this.live.intervalMs)
  }

  destroy(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer)
    this.timer = null
  }

  /**
   * Whether an entry is the sender's own: a client id it introduced, or, while it has none yet, one
   * nobody holds. Removals only of its own. Anything else (the echo of others' states, someone
   * else's id, the server's own) is not read at all.
   */
  private isOwn(connection: SyncConnection, entry: AwarenessEntry): boolean {
    if (entry.clientId === this.awareness.clientID) return false
    const owner = this.owners.get(entry.clientId)
    if (owner !== undefined) return owner === connection
    return entry.present && connection.awarenessIds.size < OWN_IDS_PER_CONNECTION
  }

  /** As y-protocols' applyAwarenessUpdate, from states already read: same clock rules, same events. */
  private apply(connection: SyncConnection, accepted: AcceptedEntry[]): void {
    const now = Date.now() // y-protocols' clock for `lastUpdated` (its outdated-state check reads it)
    const added: number[] = []
    const updated: number[] = []
    const changed: number[] = []
    const removed: number[] = []
    for (const { clientId, clock, state, json } of accepted) {
      const meta = this.awareness.meta.get(clientId)
      const currentClock = meta === undefined ? 0 : meta.clock
      const had = this.awareness.states.has(clientId)
      if (!(currentClock < clock || (currentClock === clock && state === null && had))) continue
      const previous = this.entries.get(clientId)
      if (state === null) this.awareness.states.delete(clientId)
      else this.awareness.states.set(clientId, state)
      this.awareness.meta.set(clientId, { clock, lastUpdated: now })
      this.entries.set(clientId, { clock, json, bytes: encodeAwarenessEntry(clientId, clock, json) })
      this.own(connection, clientId, state)
      if (meta === undefined && state !== null) added.push(clientId)
      else if (meta !== undefined && state === null) removed.push(clientId)
      else if (state !== null) {
        updated.push(clientId)
        // y-protocols compares deeply; the canonical JSON text says the same.
        if (previous?.json !== json) changed.push(clientId)
      }
    }
    if (added.length > 0 || changed.length > 0 || removed.length > 0) {
      this.awareness.emit('change', [{ added, updated: changed, removed }, connection])
    }
    if (added.length > 0 || updated.length > 0 || removed.length > 0) {
      this.awareness.emit('update', [{ added, updated, removed }, connection])
    }
  }

  /** The first connection to set a state for a client id owns it until it clears it or leaves. */
  private own(connection: SyncConnection, clientId: number, state: AwarenessState | null): void {
    const owner = this.owners.get(clientId)
    if (state !== null) {
      if (owner === undefined) {
        this.owners.set(clientId, connection)
        connection.awarenessIds.add(clientId)
      }
      connection.showsLiveCursors = state.view?.liveCursors !== false
    } else if (owner === connection) {
      this.owners.delete(clientId)
      connection.awarenessIds.delete(clientId)
    }
  }

  /** Send what is due to each receiver (live or lean), then wait for the next that falls due. */
  private flush(): void {
    const now = this.clock.now()
    this.lastFlushAt = now
    const liveDue = this.live.due(now)
    const leanDue = this.lean.due(now)
    if (liveDue.length > 0 || leanDue.length > 0) {
      const shared = new Map<number[], Uint8Array | null>()
      for (const receiver of this.receivers()) {
        const ids = receiver.showsLiveCursors ? liveDue : leanDue
        if (ids.length > 0) this.sendTo(receiver, ids, shared)
      }
      this.live.sent(liveDue, now)
      this.lean.sent(leanDue, now)
    }
    this.schedule(Math.max(Math.min(this.live.nextDue(), this.lean.nextDue()), now + this.live.intervalMs))
  }

  private sendToAll(ids: number[]): void {
    const shared = new Map<number[], Uint8Array | null>()
    for (const receiver of this.receivers()) this.sendTo(receiver, ids, shared)
  }

  /** One message per receiver; receivers that own none of the states share the same bytes. */
  private sendTo(receiver: SyncConnection, ids: number[], shared: Map<number[], Uint8Array | null>): void {
    const ownsOne = ids.some((id) => this.owners.get(id) === receiver)
    let message: Uint8Array | null | undefined
    if (ownsOne) message = this.messageFor(ids, receiver)
    else {
      message = shared.get(ids)
      if (message === undefined) shared.set(ids, (message = this.messageFor(ids, null)))
    }
    if (message) receiver.send(message)
  }

  private messageFor(ids: number[], receiver: SyncConnection | null): Uint8Array | null {
    const parts: Uint8Array[] = []
    let total = 0
    for (const id of ids) {
      if (receiver !== null && this.owners.get(id) === receiver) continue
      const entry = this.entryFor(id)
      if (entry === null || total + entry.length > this.options.maxOutgoingBytes) continue
      parts.push(entry)
      total += entry.length
    }
    return parts.length === 0 ? null : encodeAwarenessMessage(parts)
  }

  /** A client's current entry: the one encoded when its state was read, else encoded now (a removal, a state set elsewhere). */
  private entryFor(clientId: number): Uint8Array | null {
    const clock = this.awareness.meta.get(clientId)?.clock ?? 0
    const state: unknown = this.awareness.getStates().get(clientId)
    // A removal keeps the clock of the state it removes (y-protocols), so the cache is for states only.
    if (state === undefined) return encodeAwarenessEntry(clientId, clock, 'null')
    const cached = this.entries.get(clientId)
    if (cached && cached.clock === clock && cached.json !== 'null') return cached.bytes
    try {
      const json = JSON.stringify(state)
      const bytes = encodeAwarenessEntry(clientId, clock, json)
      this.entries.set(clientId, { clock, json, bytes })
      return bytes
    } catch {
      return null
    }
  }

  private schedule(at: number): void {
    if (at === Infinity || (this.timer !== null && this.timerAt <= at)) return
    if (this.timer !== null) this.clock.clearTimeout(this.timer)
    this.timerAt = at
    this.timer = this.clock.setTimeout(
      () => {
        this.timer = null
        this.timerAt = Infinity
        this.flush()
      },
      Math.max(0, at - this.clock.now()),
    )
  }
}
