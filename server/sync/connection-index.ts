import type { SyncConnection } from './connection'

// How long a disconnect order is remembered for connections still authenticating. Much longer
// than an authentication takes; short enough that the map stays tiny.
const REMEMBER_DISCONNECT_MS = 60_000

/**
 * The live sync connections, by participant, so a revocation reaches every device a person
 * has open. It also remembers recent disconnect orders: a connection whose authentication
 * started before the order but finished after it (the revocation raced the database read)
 * must not slip in.
 */
export class ConnectionIndex {
  private readonly all = new Set<SyncConnection>()
  private readonly byParticipant = new Map<string, Set<SyncConnection>>()
  private readonly disconnects = new Map<string, DisconnectOrder>()

  get size(): number {
    return this.all.size
  }

  connections(): Iterable<SyncConnection> {
    return this.all
  }

  add(connection: SyncConnection): void {
    this.all.add(connection)
    let set = this.byParticipant.get(connection.participantId)
    if (!set) {
      set = new Set()
      this.byParticipant.set(connection.participantId, set)
    }
    set.add(connection)
  }

  remove(connection: SyncConnection): void {
    this.all.delete(connection)
    const set = this.byParticipant.get(connection.participantId)
    if (!set) return
    set.delete(connection)
    if (set.size === 0) this.byParticipant.delete(connection.participantId)
  }

  /** Record a disconnect order and return the participant's live connections. */
  disconnect(participantId: string, code: number, reason: string): SyncConnection[] {
    const now = Date.now()
    for (const [id, order] of this.disconnects) if (now - order.at > REMEMBER_DISCONNECT_MS) this.disconnects.delete(id)
    this.disconnects.set(participantId, { at: now, code, reason })
    return [...(this.byParticipant.get(participantId) ?? [])]
  }

  /** The disconnect order given after `sinceMs` (while their connection was authenticating), if any. */
  disconnectedSince(participantId: string, sinceMs: number): DisconnectOrder | undefined {
    const order = this.disconnects.get(participantId)
    return order && order.at >= sinceMs ? order : undefined
  }
}

export interface DisconnectOrder {
  at: number
  code: number
  reason: string
}
