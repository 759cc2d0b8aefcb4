import { getLiveEvents, type LiveEventMap } from '../../lib/server/conference/live-events'
import type { Db } from '../../lib/server/db/connect'
import { findConference } from '../../lib/server/db/repositories/conferences'
import { findParticipant } from '../../lib/server/db/repositories/participants'
import type { Conference, Participant } from '../../lib/server/db/schema'
import type { Logger } from '../../lib/server/log/logger'
import { CloseCode, ForbiddenReason } from '../../lib/protocol/close-codes'
import { conferenceAccessOf, decideBoardRead, participantAccessOf } from './read-decision'
import type { ConnectionAccess, SyncConnection } from './connection'
import type { ConnectionIndex } from './connection-index'

type Payload<K extends keyof LiveEventMap> = LiveEventMap[K][0]

const MAX_SETTLE_ROUNDS = 5

/** A participant's and their conference's rows, as read. */
export interface AccessRows {
  participant: Participant
  conference: Conference
}

/** Access read after every live event up to `seen`. */
export interface Settled {
  rows: AccessRows
  seen: number
  access: ConnectionAccess
}

/**
 * Keeps every live sync connection's access current. A phase change, a settings change or a
 * change to a participant's role, admission or removal arrives as a live event; what changed is
 * read once (the phase comes with its event), every affected connection is decided again by the
 * gate (access.ts → lib/conference/gate.ts), and
 * one that may no longer read is closed at once with 4403 and the reason: no reconnect needed,
 * and nothing more of the document reaches it (a closing socket sends nothing).
 */
export class LiveAccess {
  /** Counts access events: an authentication that overlapped one reads the person's access again. */
  private epoch = 0
  /** The newest read per target; an older read finishing later is dropped. */
  private readonly newestRead = new Map<string, number>()
  private reads = 0

  constructor(private readonly deps: { db: Db; logger: Logger; index: ConnectionIndex }) {}

  /** Listen to the live events; returns the unsubscribe. */
  start(): () => void {
    const events = getLiveEvents()
    const onPhase = (event: Payload<'conference.phase-changed'>) => this.phaseChanged(event)
    const onSettings = (event: Payload<'conference.settings-changed'>) => this.settingsChanged(event)
    const onAccess = (event: Payload<'participant.access-changed'>) => this.participantChanged(event)
    events.on('conference.phase-changed', onPhase)
    events.on('conference.settings-changed', onSettings)
    events.on('participant.access-changed', onAccess)
    return () => {
      events.off('conference.phase-changed', onPhase)
      events.off('conference.settings-changed', onSettings)
      events.off('participant.access-changed', onAccess)
    }
  }

  /** Taken before authenticating; pass it to `settle`. */
  mark(): number {
    return this.epoch
  }

  /**
   * The access to decide a new connection with. The rows came from its authentication; if an
   * access event fired since `mark` they may predate the change, so they are read again, until
   * no event fired during the read. `seen` is the mark they are current for: the caller checks
   * it against `mark()` in the same synchronous run as its decision. Null when the rows are gone.
   */
  async settle(rows: AccessRows, mark: number): Promise<Settled | null> {
    let seen = mark
    let participant: Participant | undefined = rows.participant
    let conference: Conference | undefined = rows.conference
    for (let round = 0; this.epoch !== seen; round++) {
      // Only a storm of changes keeps this going; the client is refused with 4500 and tries again.
      if (round === MAX_SETTLE_ROUNDS) throw new Error('access kept changing while it was read')
      seen = this.epoch
      ;[participant, conference] = await Promise.all([findParticipant(this.deps.db, rows.participant.id), findConference(this.deps.db, rows.conference.id)])
      if (!participant || !conference) return null
    }
    if (!participant || !conference) return null
    return { rows: { participant, conference }, seen, access: { participant: participantAccessOf(participant), conference: conferenceAccessOf(conference) } }
  }

  private phaseChanged({ conferenceId, phase }: Payload<'conference.phase-changed'>): void {
    this.epoch++
    // The phase is in the event (stored before it was emitted): applied at once, without a read,
    // so not one more update reaches someone private time leaves outside.
    for (const connection of this.deps.index.inConference(conferenceId)) {
      connection.access = { ...connection.access, conference: { ...connection.access.conference, phase } }
      this.reconsider(connection)
    }
  }

  private settingsChanged({ conferenceId }: Payload<'conference.settings-changed'>): void {
    this.epoch++
    if (this.deps.index.inConference(conferenceId).length === 0) return
    this.readNewest(`conference:${conferenceId}`, () => findConference(this.deps.db, conferenceId), {
      apply: (row) => {
        for (const connection of this.deps.index.inConference(conferenceId)) {
          if (!row) {
            connection.close(CloseCode.Forbidden, 'conference not found')
            continue
          }
          // Only the setting: the phase follows its own events, and this read may predate one.
          const { facilitator_stays_private } = conferenceAccessOf(row)
          connection.access = { ...connection.access, conference: { ...connection.access.conference, facilitator_stays_private } }
          this.reconsider(connection)
        }
      },
      fail: () => this.deps.index.inConference(conferenceId),
    })
  }

  private participantChanged({ participantId }: Payload<'participant.access-changed'>): void {
    this.epoch++
    if (this.deps.index.ofParticipant(participantId).length === 0) return
    this.readNewest(`participant:${participantId}`, () => findParticipant(this.deps.db, participantId), {
      apply: (row) => {
        for (const connection of this.deps.index.ofParticipant(participantId)) {
          if (!row || row.conference_id !== connection.conferenceId) {
            connection.close(CloseCode.Forbidden, ForbiddenReason.Revoked)
            continue
          }
          // A new role counts from the next message on: writes are decided from this object.
          connection.access = { ...connection.access, participant: participantAccessOf(row) }
          this.reconsider(connection)
        }
      },
      fail: () => this.deps.index.ofParticipant(participantId),
    })
  }

  /**
   * Read, then apply if no newer read of the same target started meanwhile. If the read fails
   * the affected connections are closed with 4500: they reconnect and are decided afresh, rather
   * than keep access that may have been taken away.
   */
  private readNewest<T>(target: string, read: () => Promise<T>, then: { apply: (row: T) => void; fail: () => SyncConnection[] }): void {
    const id = ++this.reads
    this.newestRead.set(target, id)
    read()
      .then(
        (row) => {
          if (this.newestRead.get(target) === id) then.apply(row)
        },
        (err: unknown) => {
          this.deps.logger.warn({ err }, 'access could not be read again; closing the affected sync connections')
          for (const connection of then.fail()) connection.close(CloseCode.ServerError, 'try again later')
        },
      )
      .catch((err: unknown) => this.deps.logger.error({ err }, 're-deciding sync access failed'))
      .finally(() => {
        if (this.newestRead.get(target) === id) this.newestRead.delete(target)
      })
  }

  private reconsider(connection: SyncConnection): void {
    const decision = decideBoardRead(connection.access.participant, connection.access.conference)
    if (decision.allowed) return
    this.deps.logger.info({ conferenceId: connection.conferenceId, connectionId: connection.id, reason: decision.reason }, 'sync connection closed: no longer allowed to read the board')
    connection.close(CloseCode.Forbidden, decision.reason)
  }
}
