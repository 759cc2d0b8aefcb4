import type { SyncConnection } from './connection'

// How long a disconnect order is remembered for connections still authenticating. Much longer
// than an authentication takes; short enough that the map stays tiny.
const REMEMBER_DISCONNECT_MS = 60_000

/**
 * The live sync connections, by participant, so a revocation reaches every device a person
 * has open, and by conference, so a phase change reaches everyone on the board. It also remembers recent disconnect orders: a connection whose authentication
 * started before the order but finished after it (the revocation raced the database read)
 * must not slip in.
 */
export class ConnectionIndex {
  private readonly all = new Set<SyncConnection>()
  private readonly byParticipant = new Map<string, Set<SyncConnection>>()
  private readonly byConference = new Map<string, Set<SyncConnection>>()
  private readonly disconnects = new Map<string, DisconnectOrder>()

  get size(): number {
    return this.all.size
  }

  connections(): Iterable<SyncConnection> {
    return this.all
  }

  /** A participant's live connections (every device). */
  ofParticipant(participantId: string): SyncConnection[] {
    return [...(this.byParticipant.get(participantId) ?? [])]
  }

  /** Every live connection to a conference's board. */
  inConference(conferenceId: string): SyncConnection[] {
    return [...(this.byConference.get(conferenceId) ?? [])]
  }

  add(connection: SyncConnection): void {
    this.all.add(connection)
    addTo(this.byParticipant, connection.participantId, connection)
    addTo(this.byConference, connection.conferenceId, connection)
  }

  remove(connection: SyncConnection): void {
    this.all.delete(connection)
    removeFrom(this.byParticipant, connection.participantId, connection)
    removeFrom(this.byConference, connection.conferenceId, connection)
  }

  /** Record a disconnect order and return the participant's live connections. */
  disconnect(participantId: string, code: number, reason: string): SyncConnection[] {
    const now = Date.now()
    for (const [id, order] of this.disconnects) if (now - order.at > REMEMBER_DISCONNECT_MS) this.disconnects.delete(id)
    this.disconnects.set(participantId, { at: now, code, reason })
    return this.ofParticipant(participantId)
  }

  /** The disconnect order given after `sinceMs` (while their connection was authenticating), if any. */
  disconnectedSince(participantId: string, sinceMs: number): DisconnectOrder | undefined {
    const order = this.disconnects.get(participantId)
    return order && order.at >= sinceMs ? order : undefined
  }
}

function addTo(map: Map<string, Set<SyncConnection>>, key: string, connection: SyncConnection): void {
  let set = map.get(key)
  if (!set) {
    set = new Set()
    map.set(key, set)
  }
  set.add(connection)
}

function removeFrom(map: Map<string, Set<SyncConnection>>, key: string, connection: SyncConnection): void {
  const set = map.get(key)
  if (!set) return
  set.delete(connection)
  if (set.size === 0) map.delete(key)
}

export interface DisconnectOrder {
  at: number
  code: number
  reason: string
}
