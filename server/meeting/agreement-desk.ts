import * as Y from 'yjs'
import { createId } from '../../lib/server/auth/tokens'
import { policyContextOf } from '../../lib/conference/access-state'
import {
  acceptedWarningsOf,
  agreedByOf,
  confirm,
  confirmFor,
  isComplete,
  propose,
  proposeRefusal,
  startFreezing,
  toOpenProposal,
  withdraw,
  type Actor,
  type AgreementParty,
  type Proposal,
  type Refusal,
  type Step,
} from '../../lib/conference/agreement'
import { permits } from '../../lib/conference/gate'
import { getLiveEvents } from '../../lib/server/conference/live-events'
import type { Device } from '../../lib/conference/model'
import type { Db } from '../../lib/server/db/connect'
import { recordAudit, type AuditAction } from '../../lib/server/db/repositories/audit'
import { listParticipants } from '../../lib/server/db/repositories/participants'
import type { Conference } from '../../lib/server/db/schema'
import { getPlanVersion, insertPlanVersion } from '../../lib/server/db/repositories/plan-versions'
import { renderBoardSvg } from '../../lib/server/export/board-svg'
import type { Logger } from '../../lib/server/log/logger'
import { readBoardSettings, type BoardSettings } from '../../lib/board/settings'
import { derivePlanFromRecords } from '../../lib/plan/derive'
import { readinessOf } from '../../lib/plan/readiness'
import type { OpenProposal } from '../../lib/protocol/meeting'
import { recordsMapOf } from '../../lib/sync/document-format'
import type { BoardReader } from '../sync/board-reader'
import type { Authorized } from './authorize'
import { MeetingRequestError } from './client-events'
import { memoryProposalStore, type Agreed, type Held, type ProposalStore } from './proposal-store'
import { conferenceRoom, type MeetingIo } from './types'

/** Changes that lost a compare-and-set to another one try again, this often at most. */
const MAX_ATTEMPTS = 20
/**
 * A proposal still freezing this long after everyone agreed was being frozen by an instance that
 * died (storing a version takes milliseconds): another instance finishes it.
 */
const FREEZE_STALE_MS = 30_000

export interface AgreementDeskDeps {
  db: Db
  logger: Logger
  io: MeetingIo
  boards: BoardReader
  /** Where the open proposals live: in memory (one instance, the default) or the database (several). */
  store?: ProposalStore
  /**
   * Several instances: the conference's socket.io room spans them, so "everyone left" is asked of
   * every instance before an open proposal is dropped.
   */
  clusterWide?: boolean
  now?: () => Date
}

/**
 * The open proposals of the conferences connected to this process, and the I/O around the pure
 * rules in lib/conference/agreement.ts: reading the board, who is present, the audit log, storing
 * the frozen version and telling everyone. Where a proposal lives is the store's (proposal-store.ts):
 * in memory for one instance (dropped when the last person leaves or the server restarts: nothing
 * is agreed until it is frozen, and frozen versions are in the database), in the database for
 * several. Every change reads the proposal, applies the rules and writes it back only if nobody
 * changed it meanwhile (else it reads again), so consents given at once on two instances both
 * count and exactly one of them starts the freeze.
 *
 * Every request reaches the desk only after the gate said yes (server/meeting/requests.ts), with
 * the asker's participant and conference rows as the gate read them.
 */
export class AgreementDesk {
  private readonly store: ProposalStore
  /** Proposals this instance is storing as a version right now. */
  private readonly freezing = new Set<string>()
  /** Conferences whose facilitator is proposing right now (the board is being read). */
  private readonly preparing = new Set<string>()
  private readonly pending = new Set<Promise<unknown>>()
  private readonly now: () => Date

  constructor(private readonly deps: AgreementDeskDeps) {
    this.now = deps.now ?? (() => new Date())
    this.store = deps.store ?? memoryProposalStore()
  }

  /** The open proposal as clients see it, or null. */
  async current(conferenceId: string): Promise<OpenProposal | null> {
    return openProposalOf(await this.read(conferenceId))
  }

  /**
   * `plan:propose`: derive the plan from the board as it is now, check that it can be proposed with
   * the warnings the facilitator confirmed (`acceptedWarnings`, ids), and ask everyone present to agree.
   */
  async propose(asker: Authorized, acceptedWarnings: readonly string[] = []): Promise<void> {
    const { conference } = asker
    const conferenceId = conference.id
    const actor = { ...actorOf(asker), name: asker.participant.display_name }
    const early = proposeRefusal((await this.read(conferenceId))?.agreed.proposal ?? null)
    if (early) throw toRequestError(early)
    if (this.preparing.has(conferenceId)) throw new MeetingRequestError('conflict', 'a proposal is already being prepared')
    this.preparing.add(conferenceId)
    try {
      const [{ settings, ...snapshot }, present] = await Promise.all([this.readBoard(conferenceId), this.present(conference)])
      const step = propose((await this.read(conferenceId))?.agreed.proposal ?? null, {
        actor,
        id: createId(),
        at: this.now().toISOString(),
        present,
        phase: conference.phase,
        context: policyContextOf(conference),
        readiness: readinessOf(snapshot.plan, settings),
        acceptedWarnings,
      })
      if (!step.ok) throw toRequestError(step.refusal)
      const held = await this.store.create(conferenceId, { proposal: step.proposal, ...snapshot })
      // Proposed on another instance meanwhile.
      if (!held) throw new MeetingRequestError('conflict', 'a proposal is already open; withdraw it first')
      this.audit(conferenceId, actor.participantId, 'plan.proposed', `proposal=${step.proposal.id} parties=${step.proposal.parties.length}`)
      this.deps.logger.info({ conferenceId, proposalId: step.proposal.id, parties: step.proposal.parties.length }, 'plan proposed')
      this.broadcastProposal(conferenceId, held)
    } finally {
      this.preparing.delete(conferenceId)
    }
  }

  /** `plan:confirm`: the actor agrees on their own device. */
  async confirm(asker: Authorized, proposalId: string): Promise<void> {
    const actor = actorOf(asker)
    await this.consent(asker.conference.id, actor.participantId, actor.participantId, (proposal) =>
      confirm(proposal, { actor, proposalId, at: this.now().toISOString() }),
    )
  }

  /** `plan:confirm-for`: the one who leads the meeting records the spoken yes of someone on the list. */
  async confirmFor(asker: Authorized, proposalId: string, participantId: string): Promise<void> {
    const actor = actorOf(asker)
    await this.consent(asker.conference.id, actor.participantId, participantId, (proposal) =>
      confirmFor(proposal, { actor, proposalId, participantId, at: this.now().toISOString() }),
    )
  }

  /** `plan:withdraw`: the one who leads the meeting takes the proposal back. */
  async withdraw(asker: Authorized, proposalId: string): Promise<void> {
    const conferenceId = asker.conference.id
    const actor = actorOf(asker)
    for (let attempt = 1; ; attempt++) {
      const held = await this.read(conferenceId)
      const step = withdraw(held?.agreed.proposal ?? null, { proposalId })
      if (!step.ok) throw toRequestError(step.refusal)
      if (!(await this.store.remove(conferenceId, held))) {
        if (attempt >= MAX_ATTEMPTS) throw new MeetingRequestError('conflict', 'the proposal keeps changing; try again')
        continue
      }
      break
    }
    this.deps.logger.info({ conferenceId, proposalId }, 'plan proposal withdrawn')
    this.audit(conferenceId, actor.participantId, 'plan.withdrawn', `proposal=${proposalId}`)
    this.deps.io.to(conferenceRoom(conferenceId)).emit('plan:withdrawn', { conferenceId, proposalId, reason: 'withdrawn' })
    this.broadcastProposal(conferenceId, null)
  }

  /** This instance's last socket of the conference left: when nobody is left anywhere, its open proposal goes too. */
  async conferenceEmptied(conferenceId: string): Promise<void> {
    if (this.deps.clusterWide && (await this.deps.io.in(conferenceRoom(conferenceId)).fetchSockets()).length > 0) return
    const held = await this.read(conferenceId)
    if (held && held.agreed.proposal.status === 'open') await this.store.remove(conferenceId, held)
  }

  /**
   * The open proposal as stored. One left freezing by an instance that died is finished here:
   * if its version was stored, the proposal goes; otherwise this instance takes it over (a write
   * that names its revision, so only one does) and stores the version.
   */
  private async read(conferenceId: string): Promise<Held | null> {
    const held = await this.store.get(conferenceId)
    if (!held?.changedAt || held.agreed.proposal.status !== 'freezing') return held
    if (this.now().getTime() - Date.parse(held.changedAt) < FREEZE_STALE_MS || this.freezing.has(held.agreed.proposal.id)) return held
    const { proposal } = held.agreed
    const latest = await getPlanVersion(this.deps.db, conferenceId)
    if (latest && latest.frozenBy === proposal.proposedBy && latest.frozenAt >= proposal.proposedAt) {
      await this.store.remove(conferenceId, held)
      return null
    }
    const claimed = await this.store.replace(conferenceId, held, proposal)
    if (!claimed) return this.store.get(conferenceId)
    this.deps.logger.warn({ conferenceId, proposalId: proposal.id }, 'finishing a freeze another instance left undone')
    this.track(this.freeze(conferenceId, claimed))
    return claimed
  }

  /** Resolves when no version is being stored and no audit entry is being written (shutdown). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending])
  }

  /**
   * A yes (given or recorded): applied to the proposal as stored now and written back only if it
   * is still that one; the write that completes it also marks it freezing, so it is frozen once.
   */
  private async consent(conferenceId: string, actorId: string, agreedFor: string, apply: (proposal: Proposal | null) => Step): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const held = await this.read(conferenceId)
      const step = apply(held?.agreed.proposal ?? null)
      if (!step.ok) throw toRequestError(step.refusal)
      if (!held || !step.changed) return
      const complete = isComplete(step.proposal)
      const saved = await this.store.replace(conferenceId, held, complete ? startFreezing(step.proposal) : step.proposal)
      if (!saved) {
        if (attempt >= MAX_ATTEMPTS) throw new MeetingRequestError('conflict', 'the proposal keeps changing; try again')
        continue
      }
      const proposal = step.proposal
      this.audit(conferenceId, actorId, 'plan.agreed', actorId === agreedFor ? `proposal=${proposal.id}` : `proposal=${proposal.id} for=${agreedFor}`)
      this.broadcastProposal(conferenceId, saved)
      if (complete) this.track(this.freeze(conferenceId, saved))
      return
    }
  }

  /** Store the version, then tell everyone. Runs once per proposal (status `freezing` guards it). */
  private async freeze(conferenceId: string, held: Held): Promise<void> {
    const entry = held.agreed
    const { proposal } = entry
    this.freezing.add(proposal.id)
    try {
      const version = await insertPlanVersion(this.deps.db, {
        conferenceId,
        devices: await this.connectedDevices(conferenceId),
        plan: entry.plan,
        boardState: entry.boardState,
        boardSvg: entry.boardSvg,
        agreedBy: agreedByOf(proposal),
        frozenBy: proposal.proposedBy,
        frozenAt: this.now(),
        acceptedWarnings: acceptedWarningsOf(proposal),
      })
      await this.store.remove(conferenceId, held)
      this.audit(conferenceId, proposal.proposedBy, 'plan.frozen', `proposal=${proposal.id} version=${version.version}`)
      // The board's history keeps the board as it was when this version was agreed (server/sync/checkpoints.ts).
      getLiveEvents().emit('board.version-agreed', { conferenceId, version: version.version })
      this.deps.logger.info({ conferenceId, proposalId: proposal.id, version: version.version }, 'plan frozen')
      this.deps.io.to(conferenceRoom(conferenceId)).emit('plan:frozen', {
        conferenceId,
        proposalId: proposal.id,
        version: version.version,
        frozenAt: version.frozenAt,
        agreedBy: version.agreedBy,
      })
    } catch (err) {
      // Nothing was stored (one transaction). Everyone is told; the facilitator proposes again.
      this.deps.logger.error({ err, conferenceId, proposalId: proposal.id }, 'plan version could not be stored')
      await this.store.remove(conferenceId, held).catch(() => false)
      this.deps.io.to(conferenceRoom(conferenceId)).emit('plan:withdrawn', { conferenceId, proposalId: proposal.id, reason: 'not-saved' })
    } finally {
      this.freezing.delete(proposal.id)
    }
    this.broadcastProposal(conferenceId, null)
  }

  /** Per participant, the devices they are connected with now: the case file says who joined how. */
  private async connectedDevices(conferenceId: string): Promise<Record<string, Device[]>> {
    const devices: Record<string, Device[]> = {}
    for (const socket of await this.deps.io.in(conferenceRoom(conferenceId)).fetchSockets()) {
      const list = (devices[socket.data.participantId] ??= [])
      if (!list.includes(socket.data.device)) list.push(socket.data.device)
    }
    return devices
  }

  /** The board now: its plan, its state, its image and its settings (for the load check). */
  private async readBoard(conferenceId: string): Promise<Omit<Agreed, 'proposal'> & { settings: BoardSettings }> {
    const boardState = await this.deps.boards.read(conferenceId)
    const doc = new Y.Doc()
    try {
      Y.applyUpdate(doc, boardState)
      const records = recordsMapOf(doc).toJSON() as Record<string, unknown>
      const plan = derivePlanFromRecords(records)
      const boardSvg = renderBoardSvg(records, { locale: 'nl', redacted: false })
      return { plan, boardState, boardSvg, settings: readBoardSettings(doc) }
    } finally {
      doc.destroy()
    }
  }

  /**
   * Everyone at the table with a live connection, one entry per connection, as the database has
   * them now: the gate says whether each has the board (`board.read`: admitted, and not in the
   * waiting room, like a professional during private time). The rules choose the parties among them.
   */
  private async present(conference: Conference): Promise<AgreementParty[]> {
    const [sockets, participants] = await Promise.all([
      this.deps.io.in(conferenceRoom(conference.id)).fetchSockets(),
      listParticipants(this.deps.db, conference.id),
    ])
    const rows = new Map(participants.map((row) => [row.id, row]))
    const present: AgreementParty[] = []
    for (const socket of sockets) {
      const row = rows.get(socket.data.participantId)
      if (row && permits(row, conference, 'board.read')) present.push({ participantId: row.id, name: row.display_name, role: row.role })
    }
    return present
  }

  /**
   * The proposal carries the whole plan, so it goes only to sockets that may see the board now:
   * never to the waiting room during private time (a facilitator who stays may propose then).
   */
  private broadcastProposal(conferenceId: string, held: Held | null): void {
    const message = { conferenceId, proposal: openProposalOf(held) }
    void this.deps.io
      .in(conferenceRoom(conferenceId))
      .fetchSockets()
      .then((sockets) => {
        for (const socket of sockets) if (socket.data.access === 'in') socket.emit('plan:proposal', message)
      })
  }

  /** Ids and counts only: the audit log never holds names or plan content. */
  private audit(conferenceId: string, actor: string, action: AuditAction, detail: string): void {
    this.track(
      recordAudit(this.deps.db, { conferenceId, actor, action, detail }).catch((err: unknown) =>
        this.deps.logger.warn({ err, conferenceId, action }, 'audit write failed'),
      ),
    )
  }

  private track(work: Promise<unknown>): void {
    const tracked = work.finally(() => this.pending.delete(tracked))
    this.pending.add(tracked)
  }
}

function actorOf(asker: Authorized): Actor {
  return { participantId: asker.participant.id }
}

function openProposalOf(held: Held | null): OpenProposal | null {
  return held ? toOpenProposal(held.agreed.proposal, held.agreed.plan) : null
}

function toRequestError(refusal: Refusal): MeetingRequestError {
  return new MeetingRequestError(refusal.code, refusal.message, refusal.details)
}
