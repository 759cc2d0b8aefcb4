import type { Device } from '../../lib/conference/model'
import type { Db } from '../../lib/server/db/connect'
import { findConference } from '../../lib/server/db/repositories/conferences'
import { listParticipants } from '../../lib/server/db/repositories/participants'
import type { Logger } from '../../lib/server/log/logger'
import type { MeetingPresence } from '../scale-out/meeting-presence'
import { coalesce } from './coalesce'
import { ConferenceRoster } from './roster'
import { conferenceRoom, type MeetingIo } from './types'

interface Loaded {
  roster: ConferenceRoster
  reload: () => Promise<void>
}

export interface ConferenceRostersDeps {
  db: Db
  logger: Logger
  io: MeetingIo
  /**
   * Called after a reload finds live sockets of people who are no longer members (revoked
   * between their handshake and now, or by another process): they must be closed.
   */
  onNonMembers: (conferenceId: string, participantIds: string[]) => void
  /**
   * Several instances: someone whose instance died, found by this instance's read, and not
   * connected anywhere now: they left (audited here, once across the instances).
   */
  onDeparted?: (conferenceId: string, participantId: string) => void
  /** Several instances: the connections the others hold, and where this one's are told. */
  shared?: MeetingPresence
  now?: () => number
}

/**
 * The rosters of the conferences that have someone connected in this process. A roster is
 * loaded from the database when its first socket arrives, reloaded on every join, invitation
 * and revocation (so people invited from the CLI show up too), kept in memory between, and
 * dropped when its last socket leaves. Every change is broadcast to the conference's room.
 *
 * Several instances (`shared`): each instance writes its own connections to Redis and announces
 * the change; every instance shows its members online when a socket of theirs is live on any
 * instance, reading the others' on every reload (which an announcement, or an instance whose
 * heartbeat stopped, triggers).
 */
export class ConferenceRosters {
  private readonly loaded = new Map<string, Loaded>()

  constructor(private readonly deps: ConferenceRostersDeps) {}

  /** A socket joined: track it and reload + broadcast. `first` = participant came online. */
  connect(socketId: string, conferenceId: string, participantId: string, device: Device): { first: boolean } {
    const entry = this.loaded.get(conferenceId) ?? this.load(conferenceId)
    const result = entry.roster.addConnection(socketId, participantId, device, this.now())
    void entry.reload()
    this.share(conferenceId, socketId, entry)
    return result
  }

  /** A socket left: broadcast what is known. `last` = participant went offline. */
  disconnect(socketId: string, conferenceId: string): { participantId: string; last: boolean } | undefined {
    const entry = this.loaded.get(conferenceId)
    const result = entry?.roster.removeConnection(socketId)
    if (!entry || !result) return undefined
    const { shared } = this.deps
    if (shared) void shared.drop('roster', conferenceId, socketId).then(() => shared.announce(conferenceId, 'roster'))
    if (entry.roster.connectionCount() === 0) {
      this.loaded.delete(conferenceId)
    } else {
      this.broadcast(entry)
    }
    return result
  }

  setDevice(socketId: string, conferenceId: string, device: Device): void {
    const entry = this.loaded.get(conferenceId)
    if (!entry?.roster.setDevice(socketId, device)) return
    this.broadcast(entry)
    this.share(conferenceId, socketId, entry)
  }

  /** Re-read members from the database and broadcast, if this conference is loaded here. */
  refresh(conferenceId: string): Promise<void> {
    return this.loaded.get(conferenceId)?.reload() ?? Promise.resolve()
  }

  /** Loaded conferences where this participant is a member or has a live socket. */
  rostersWith(participantId: string): ConferenceRoster[] {
    return [...this.loaded.values()]
      .map((e) => e.roster)
      .filter((r) => r.isMember(participantId) || r.socketsOf(participantId).length > 0)
  }

  private now(): number {
    return this.deps.now?.() ?? Date.now()
  }

  /** The other instances' connections (and who a dead one left behind); null when Redis did not answer (the last known stay). */
  private async remoteConnections(conferenceId: string) {
    const { shared } = this.deps
    if (!shared) return { sockets: [], departed: [] }
    try {
      return await shared.rosterOthers(conferenceId)
    } catch (err) {
      this.deps.logger.warn({ err, conferenceId }, 'other instances\' connections could not be read')
      return null
    }
  }

  /** Several instances: write this socket's connection and tell the others. */
  private share(conferenceId: string, socketId: string, entry: Loaded): void {
    const { shared } = this.deps
    const connection = entry.roster.connection(socketId)
    if (!shared || !connection) return
    void shared.put('roster', conferenceId, socketId, connection).then(() => shared.announce(conferenceId, 'roster'))
  }

  private load(conferenceId: string): Loaded {
    const roster = new ConferenceRoster(conferenceId)
    const entry: Loaded = {
      roster,
      reload: coalesce(async () => {
        try {
          await this.reload(entry)
        } catch (err) {
          // Keep the last known roster; the next join or invitation tries again.
          this.deps.logger.warn({ err, conferenceId }, 'roster reload failed')
        }
      }),
    }
    this.loaded.set(conferenceId, entry)
    return entry
  }

  private async reload(entry: Loaded): Promise<void> {
    const { conferenceId } = entry.roster
    const [conference, participants, remote] = await Promise.all([
      findConference(this.deps.db, conferenceId),
      listParticipants(this.deps.db, conferenceId),
      this.remoteConnections(conferenceId),
    ])
    // Dropped while we were reading (everyone left): nothing to show, nobody to tell.
    if (this.loaded.get(conferenceId) !== entry) return
    const members = conference
      ? participants
          .filter((p) => p.revoked_at === null)
          .map((p) => ({ participantId: p.id, displayName: p.display_name, role: p.role }))
      : []
    entry.roster.setMembers(conference?.phase ?? 'voorbereiding', members)
    if (remote) entry.roster.setRemote(remote.sockets)
    for (const participantId of new Set(remote?.departed ?? [])) {
      if (!entry.roster.isConnected(participantId)) this.deps.onDeparted?.(conferenceId, participantId)
    }
    const outsiders = entry.roster.connectedNonMembers()
    if (outsiders.length > 0) this.deps.onNonMembers(conferenceId, outsiders)
    // Closing outsiders may have emptied the conference.
    if (this.loaded.get(conferenceId) === entry) this.broadcast(entry)
  }

  private broadcast(entry: Loaded): void {
    if (!entry.roster.isLoaded()) return
    // To this instance's sockets only: every instance sends its own people the roster as it read
    // it (its connections and the others' from Redis), each after its own reload.
    this.deps.io.local.to(conferenceRoom(entry.roster.conferenceId)).emit('roster', entry.roster.snapshot())
  }
}
