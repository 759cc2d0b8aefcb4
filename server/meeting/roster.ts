import type { ConferencePhase, Device, ParticipantRole } from '../../lib/conference/model'
import type { RosterEntry, RosterMessage } from '../../lib/protocol/meeting'

/** A participant as the roster needs them: who they are at the table. */
export interface RosterMember {
  participantId: string
  displayName: string
  role: ParticipantRole
}

interface LiveConnection {
  participantId: string
  device: Device
  /** Order of arrival; the newest connection decides the device shown. */
  seq: number
  /** When it arrived (ms), to compare with connections held by other instances. */
  at: number
}

/** A connection another instance holds (several instances, server/scale-out/meeting-presence.ts). */
export interface RemoteConnection {
  participantId: string
  device: Device
  at: number
}

/**
 * Who belongs to one conference and who is connected right now. Pure state with no I/O, so
 * the rules (online = at least one live socket, device = that of the newest connection,
 * joined/left only on the 0↔1 edges) are unit-tested without a server.
 *
 * Members come from the database (every non-revoked participant); connections come from
 * sockets. A connection whose participant is not (or no longer) a member is tracked anyway,
 * so it can be closed, but never shown. With several instances the connections the others hold
 * are shown too (`setRemote`); only this instance's own can be closed from here.
 */
export class ConferenceRoster {
  private members: RosterMember[] = []
  private phase: ConferencePhase = 'voorbereiding'
  private loaded = false
  private readonly connections = new Map<string, LiveConnection>()
  private remote: readonly RemoteConnection[] = []
  private nextSeq = 0

  constructor(readonly conferenceId: string) {}

  /** Replace the member list and phase (after reading the database). */
  setMembers(phase: ConferencePhase, members: RosterMember[]): void {
    this.phase = phase
    this.members = members
    this.loaded = true
  }

  /** False until the first `setMembers`: a roster must not be broadcast half-known. */
  isLoaded(): boolean {
    return this.loaded
  }

  isMember(participantId: string): boolean {
    return this.members.some((m) => m.participantId === participantId)
  }

  /** Track a new socket. `first` is true when the participant had no live socket before (on any instance). */
  addConnection(socketId: string, participantId: string, device: Device, at = 0): { first: boolean } {
    const first = this.socketsOf(participantId).length === 0 && !this.connectedElsewhere(participantId)
    this.connections.set(socketId, { participantId, device, seq: this.nextSeq++, at })
    return { first }
  }

  /** Replace what the other instances hold (read from Redis). */
  setRemote(connections: readonly RemoteConnection[]): void {
    this.remote = connections
  }

  /** One of this instance's connections, as the other instances are told of it. */
  connection(socketId: string): { participantId: string; device: Device; at: number } | undefined {
    const c = this.connections.get(socketId)
    return c && { participantId: c.participantId, device: c.device, at: c.at }
  }

  /** Forget a socket. `last` is true when it was the participant's only live socket. */
  removeConnection(socketId: string): { participantId: string; last: boolean } | undefined {
    const connection = this.connections.get(socketId)
    if (!connection) return undefined
    this.connections.delete(socketId)
    const { participantId } = connection
    return { participantId, last: this.socketsOf(participantId).length === 0 && !this.connectedElsewhere(participantId) }
  }

  /** A live socket here or (as last read) on another instance. */
  isConnected(participantId: string): boolean {
    return this.socketsOf(participantId).length > 0 || this.connectedElsewhere(participantId)
  }

  /** Connected on another instance, as last read (several instances): arriving here is not "joined". */
  private connectedElsewhere(participantId: string): boolean {
    return this.remote.some((c) => c.participantId === participantId)
  }

  /** Change the device of one socket. Returns whether the roster as shown changed. */
  setDevice(socketId: string, device: Device): boolean {
    const connection = this.connections.get(socketId)
    if (!connection || connection.device === device) return false
    const before = this.deviceOf(connection.participantId)
    connection.device = device
    return this.deviceOf(connection.participantId) !== before
  }

  socketsOf(participantId: string): string[] {
    const ids: string[] = []
    for (const [socketId, c] of this.connections) if (c.participantId === participantId) ids.push(socketId)
    return ids
  }

  /** Participants with a live socket who are not members (revoked, or removed from the conference). */
  connectedNonMembers(): string[] {
    const ids = new Set<string>()
    for (const c of this.connections.values()) if (!this.isMember(c.participantId)) ids.add(c.participantId)
    return [...ids]
  }

  connectionCount(): number {
    return this.connections.size
  }

  snapshot(): RosterMessage {
    const entries: RosterEntry[] = this.members.map((m) => {
      const device = this.deviceOf(m.participantId)
      return { participantId: m.participantId, displayName: m.displayName, role: m.role, online: device !== null, device }
    })
    return { conferenceId: this.conferenceId, phase: this.phase, entries }
  }

  private deviceOf(participantId: string): Device | null {
    let newest: LiveConnection | undefined
    for (const c of this.connections.values()) {
      if (c.participantId === participantId && (!newest || c.seq > newest.seq)) newest = c
    }
    let remote: RemoteConnection | undefined
    for (const c of this.remote) {
      if (c.participantId === participantId && (!remote || c.at > remote.at)) remote = c
    }
    if (remote && (!newest || remote.at > newest.at)) return remote.device
    return newest?.device ?? null
  }
}
