import { accessStateOf, forbiddenReasonOf, isAdmitted, type AccessState } from '../../lib/conference/access-state'
import { permits } from '../../lib/conference/gate'
import type { Db } from '../../lib/server/db/connect'
import { findConference } from '../../lib/server/db/repositories/conferences'
import { listParticipants } from '../../lib/server/db/repositories/participants'
import type { Conference, Participant } from '../../lib/server/db/schema'
import type { Logger } from '../../lib/server/log/logger'
import { CloseCode } from '../../lib/protocol/close-codes'
import { MEETING_PROTOCOL_VERSION } from '../../lib/protocol/meeting'
import type { ConferenceStateMessage, LobbyEntry, LobbyMessage } from '../../lib/protocol/meeting-control'
import type { MeetingPresence, RemoteSocket } from '../scale-out/meeting-presence'
import type { AuditTrail } from './audit-trail'
import { coalesce } from './coalesce'
import type { MeetingSocket } from './types'

export interface AdmissionDeskDeps {
  db: Db
  logger: Logger
  audit: AuditTrail
  /** Let a socket into the meeting: the conference's room, the meeting's handlers, the roster. */
  enter: (socket: MeetingSocket) => void
  /** Tell a socket why it is being closed, and disconnect it. */
  close: (socket: MeetingSocket, code: number, reason: string) => void
  /** Several instances: who waits in the lobby on the others, and where this one's waiting are told. */
  shared?: MeetingPresence
  now?: () => Date
}

interface LiveConference {
  readonly conferenceId: string
  /** Every socket of the conference in this process, in the lobby or in the meeting. */
  readonly sockets: Set<MeetingSocket>
  /** When each person now in the lobby began waiting (this process's memory; the database keeps only 'waiting'). */
  readonly waitingSince: Map<string, string>
  readonly refresh: () => Promise<void>
}

/** What a socket was last sent, so a refresh only sends what changed. */
interface Sent {
  state: string | null
  lobby: string | null
}

/**
 * Where every live meeting socket stands, kept in step with the database. The handshake decides
 * a new socket's access (lib/conference/access-state.ts); `refresh` re-decides every socket of a
 * conference after a change of phase, setting, role or admission, whoever made it, and tells each
 * socket only what changed:
 *
 * - `access:state` to the socket itself, on arrival and on every change;
 * - `conference:state` (phase, setting, timer) to every socket in the meeting (`meeting.read`);
 * - `lobby` (who waits, by name) to those who may admit them (`participants.manage`).
 * Who hears what is the gate's answer (lib/conference/gate.ts) for each person's row as just read.
 *
 * Least privilege for the lobby: a waiting socket is not in the conference's room and has none of
 * the meeting's handlers. It hears its own `welcome` and `access:state` and nothing else of the
 * conference: not the phase, not who is there, not the plan. Admitted, it enters the meeting
 * without reconnecting; declined or removed, it is told so and closed (4403 with the reason).
 *
 * Several instances (`shared`): a socket waiting here is written to Redis (who, since when) and
 * announced, so the facilitator on any instance sees it in the lobby; the list shows someone
 * waiting elsewhere only while their row (read fresh) still says they wait. Admitting them is a
 * database write and a live event, which reaches the instance that holds their socket.
 */
export class AdmissionDesk {
  private readonly conferences = new Map<string, LiveConference>()
  private readonly sent = new WeakMap<MeetingSocket, Sent>()
  /** Sockets of this instance written to the shared lobby (several instances). */
  private readonly sharedWaiting = new WeakSet<MeetingSocket>()
  private readonly now: () => Date

  constructor(private readonly deps: AdmissionDeskDeps) {
    this.now = deps.now ?? (() => new Date())
  }

  /** A socket connected, its access decided by the handshake: into the meeting, or into the lobby. */
  arrive(socket: MeetingSocket): void {
    const { conferenceId } = socket.data
    const live = this.conferences.get(conferenceId) ?? this.load(conferenceId)
    live.sockets.add(socket)
    this.sent.set(socket, { state: null, lobby: null })
    if (isAdmitted(socket.data.access)) this.deps.enter(socket)
    else this.startWaiting(live, socket)
    this.shareWaiting(live, socket)
    socket.emit('access:state', { conferenceId, state: socket.data.access })
    // Phase and lobby come from a fresh read: the handshake's may be a moment old.
    void live.refresh()
  }

  /** A socket went away. */
  depart(socket: MeetingSocket): void {
    const live = this.conferences.get(socket.data.conferenceId)
    if (!live || !live.sockets.delete(socket)) return
    this.unshareWaiting(socket)
    if (live.sockets.size === 0) {
      this.conferences.delete(live.conferenceId)
      return
    }
    const { participantId } = socket.data
    if (live.waitingSince.has(participantId)) {
      this.stopWaitingIfGone(live, participantId)
      // The facilitator's list shrinks.
      if (!live.waitingSince.has(participantId)) void live.refresh()
    }
  }

  /** Re-read the conference and its participants, re-decide every socket and tell them. */
  refresh(conferenceId: string): Promise<void> {
    return this.conferences.get(conferenceId)?.refresh() ?? Promise.resolve()
  }

  /** Close one participant's sockets here at once with a final state (the facilitator removed them). Returns how many. */
  shutOut(conferenceId: string, participantId: string, state: 'removed' | 'declined'): number {
    const live = this.conferences.get(conferenceId)
    if (!live) return 0
    const sockets = [...live.sockets].filter((s) => s.data.participantId === participantId)
    for (const socket of sockets) this.closeAs(socket, state)
    return sockets.length
  }

  /** Every live socket of a participant here, in the lobby or in the meeting. */
  socketsOf(participantId: string): MeetingSocket[] {
    const sockets: MeetingSocket[] = []
    for (const live of this.conferences.values()) {
      for (const socket of live.sockets) if (socket.data.participantId === participantId) sockets.push(socket)
    }
    return sockets
  }

  private load(conferenceId: string): LiveConference {
    const live: LiveConference = {
      conferenceId,
      sockets: new Set(),
      waitingSince: new Map(),
      refresh: coalesce(async () => {
        try {
          await this.reload(live)
        } catch (err) {
          // Keep what the sockets were told; the next change or arrival tries again.
          this.deps.logger.warn({ err, conferenceId }, 'meeting access reload failed')
        }
      }),
    }
    this.conferences.set(conferenceId, live)
    return live
  }

  private async reload(live: LiveConference): Promise<void> {
    const { conferenceId } = live
    const [conference, participants, elsewhere] = await Promise.all([
      findConference(this.deps.db, conferenceId),
      listParticipants(this.deps.db, conferenceId),
      this.waitingElsewhere(conferenceId),
    ])
    // Dropped while we were reading (everyone left), or the conference is gone: nobody to tell.
    if (this.conferences.get(conferenceId) !== live || !conference) return
    const rows = new Map(participants.map((p) => [p.id, p]))
    for (const socket of [...live.sockets]) {
      this.decide(live, socket, rows.get(socket.data.participantId), conference)
      if (live.sockets.has(socket)) this.shareWaiting(live, socket)
    }

    const state = conferenceStateOf(conference)
    const stateJson = JSON.stringify(state)
    const remote = elsewhere.flatMap((waiting) => {
      const row = rows.get(waiting.participantId)
      // Still waiting as the database has it now (not admitted, declined or revoked meanwhile).
      if (!row || row.revoked_at !== null || accessStateOf(row, conference) !== 'lobby' || !waiting.since) return []
      return [{ participantId: row.id, displayName: row.display_name, role: row.role, since: waiting.since }]
    })
    const lobby: LobbyMessage = { conferenceId, waiting: lobbyEntriesOf(live, remote) }
    const lobbyJson = JSON.stringify(lobby)
    for (const socket of live.sockets) {
      const sent = this.sent.get(socket)
      const row = rows.get(socket.data.participantId)
      // Sockets decided out above are closing; a revoked one is closed by the revocation path.
      if (!sent || !row || !isAdmitted(socket.data.access) || !permits(row, conference, 'meeting.read')) continue
      if (sent.state !== stateJson) {
        socket.emit('conference:state', state)
        sent.state = stateJson
      }
      if (!permits(row, conference, 'participants.manage')) {
        sent.lobby = null
      } else if (sent.lobby !== lobbyJson) {
        socket.emit('lobby', lobby)
        sent.lobby = lobbyJson
      }
    }
  }

  /** One socket against its participant row now. */
  private decide(live: LiveConference, socket: MeetingSocket, row: Participant | undefined, conference: Conference): void {
    // Revoked (or gone): the revocation path closes it with its own reason.
    if (!row || row.revoked_at !== null) return
    const previous = socket.data.access
    const next = accessStateOf(row, conference)
    const roleChanged = row.role !== socket.data.role
    socket.data.role = row.role

    if (next === 'declined' || next === 'removed') return this.closeAs(socket, next)
    if (isAdmitted(previous) && next === 'lobby') return this.closeAs(socket, 'lobby')
    if (previous === 'lobby' && isAdmitted(next)) {
      socket.data.access = next
      this.stopWaitingIfGone(live, row.id)
      this.deps.enter(socket)
      socket.emit('access:state', { conferenceId: live.conferenceId, state: next })
    } else if (previous !== next) {
      socket.data.access = next
      socket.emit('access:state', { conferenceId: live.conferenceId, state: next })
    }
    // Who am I: the client shows what its role may do.
    if (roleChanged) socket.emit('welcome', { protocol: MEETING_PROTOCOL_VERSION, participantId: row.id, role: row.role, displayName: socket.data.displayName })
  }

  /** Tell the socket where it stands now and close it (4403 with the reason, so the client can tell "wait" from "out"). */
  private closeAs(socket: MeetingSocket, state: Exclude<AccessState, 'in' | 'waiting-room'>): void {
    socket.data.access = state
    socket.emit('access:state', { conferenceId: socket.data.conferenceId, state })
    this.deps.close(socket, CloseCode.Forbidden, forbiddenReasonOf(state) ?? 'forbidden')
  }

  /** Several instances: whoever waits on the other instances (empty when Redis does not answer). */
  private async waitingElsewhere(conferenceId: string): Promise<RemoteSocket[]> {
    if (!this.deps.shared) return []
    try {
      return await this.deps.shared.others('lobby', conferenceId)
    } catch (err) {
      this.deps.logger.warn({ err, conferenceId }, 'the lobby on other instances could not be read')
      return []
    }
  }

  /** Several instances: a socket waiting here is in the shared lobby, one that stopped waiting is not. */
  private shareWaiting(live: LiveConference, socket: MeetingSocket): void {
    const { shared } = this.deps
    if (!shared) return
    const since = socket.data.access === 'lobby' ? live.waitingSince.get(socket.data.participantId) : undefined
    if (since === undefined) return this.unshareWaiting(socket)
    if (this.sharedWaiting.has(socket)) return
    this.sharedWaiting.add(socket)
    const { participantId, device, conferenceId } = socket.data
    void shared.put('lobby', conferenceId, socket.id, { participantId, device, at: this.now().getTime(), since }).then(() => shared.announce(conferenceId, 'lobby'))
  }

  private unshareWaiting(socket: MeetingSocket): void {
    const { shared } = this.deps
    if (!shared || !this.sharedWaiting.has(socket)) return
    this.sharedWaiting.delete(socket)
    const { conferenceId } = socket.data
    void shared.drop('lobby', conferenceId, socket.id).then(() => shared.announce(conferenceId, 'lobby'))
  }

  private startWaiting(live: LiveConference, socket: MeetingSocket): void {
    const { participantId } = socket.data
    if (live.waitingSince.has(participantId)) return
    live.waitingSince.set(participantId, this.now().toISOString())
    void this.deps.audit.record('participant.waiting', live.conferenceId, participantId)
    this.deps.logger.info({ conferenceId: live.conferenceId, participantId }, 'waiting in the lobby')
  }

  private stopWaitingIfGone(live: LiveConference, participantId: string): void {
    const stillWaiting = [...live.sockets].some((s) => s.data.participantId === participantId && s.data.access === 'lobby')
    if (!stillWaiting) live.waitingSince.delete(participantId)
  }
}

function lobbyEntriesOf(live: LiveConference, elsewhere: readonly LobbyEntry[] = []): LobbyEntry[] {
  const entries = new Map<string, LobbyEntry>()
  for (const socket of live.sockets) {
    const { participantId, displayName, role, access } = socket.data
    const since = live.waitingSince.get(participantId)
    if (access !== 'lobby' || since === undefined || entries.has(participantId)) continue
    entries.set(participantId, { participantId, displayName, role, since })
  }
  for (const entry of elsewhere) {
    const known = entries.get(entry.participantId)
    if (!known || entry.since < known.since) entries.set(entry.participantId, entry)
  }
  return [...entries.values()].sort((a, b) => a.since.localeCompare(b.since))
}

export function conferenceStateOf(conference: Conference): ConferenceStateMessage {
  return {
    conferenceId: conference.id,
    phase: conference.phase,
    phaseChangedAt: conference.phase_changed_at,
    facilitatorStaysInPrivateTime: conference.facilitator_stays_private === 1,
    timerEndsAt: conference.timer_ends_at,
  }
}
