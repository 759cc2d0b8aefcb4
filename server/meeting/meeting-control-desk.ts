import { getLiveEvents } from '../../lib/server/conference/live-events'
import type { ConferencePhase, InvitableRole } from '../../lib/conference/model'
import { revokeInvitation } from '../../lib/server/conference/invitations'
import { isManageableTarget } from '../../lib/conference/policy'
import type { Db } from '../../lib/server/db/connect'
import { setConferencePhase, setFacilitatorStaysPrivate } from '../../lib/server/db/repositories/conferences'
import { decideAdmission, findParticipant, markRemoved, setParticipantRole } from '../../lib/server/db/repositories/participants'
import type { Participant } from '../../lib/server/db/schema'
import type { Logger } from '../../lib/server/log/logger'
import type { AuditTrail } from './audit-trail'
import type { Authorized } from './authorize'
import { MeetingRequestError } from './client-events'
import type { ConferenceRosters } from './conference-rosters'
import type { AdmissionDesk } from './admission-desk'
import { conferenceRoom, type MeetingIo } from './types'

export interface MeetingControlDeskDeps {
  db: Db
  logger: Logger
  io: MeetingIo
  audit: AuditTrail
  access: AdmissionDesk
  rosters: ConferenceRosters
  now?: () => Date
}

/**
 * Running the meeting: phases, the end of private family time, the conference's setting, the
 * lobby, removal and role changes. Each request reaches the desk after the gate said yes
 * (requests.ts, with the asker's rows as the gate read them); here it is applied, stored,
 * written to the audit log (ids and states only), announced as a live event (so the sync plane
 * re-decides board connections at once) and then settled here: every live socket of the
 * conference is re-decided and told, before the request is answered.
 */
export class MeetingControlDesk {
  private readonly now: () => Date

  constructor(private readonly deps: MeetingControlDeskDeps) {
    this.now = deps.now ?? (() => new Date())
  }

  /** `phase:set` (facilitator): any phase, forwards or back. The timer of the old phase stops. */
  async setPhase({ conference, participant }: Authorized, phase: ConferencePhase): Promise<void> {
    const conferenceId = conference.id
    const changed = await setConferencePhase(this.deps.db, { conferenceId, phase, at: this.now() })
    if (changed) {
      await this.deps.audit.record('phase.changed', conferenceId, participant.id, `from=${changed.from} to=${phase}`)
      this.deps.logger.info({ conferenceId, from: changed.from, to: phase }, 'phase changed')
      getLiveEvents().emit('conference.phase-changed', { conferenceId, phase })
    }
    await this.settle(conferenceId)
  }

  /** `private-time:end` ("we zijn klaar"): besloten deel → plan en afspraken; everyone is told who ended it. */
  async endPrivateTime({ conference, participant }: Authorized): Promise<void> {
    const conferenceId = conference.id
    const phase = 'plan_en_afspraken'
    const changed = await setConferencePhase(this.deps.db, { conferenceId, phase, onlyFrom: 'besloten_deel', at: this.now() })
    // Two family members pressing "we zijn klaar" at once: the second finds it over already.
    if (!changed) throw new MeetingRequestError('conflict', 'private time has already ended')
    await this.deps.audit.record('private-time.ended', conferenceId, participant.id, `from=${changed.from} to=${phase}`)
    this.deps.logger.info({ conferenceId }, 'private time ended')
    this.deps.io.to(conferenceRoom(conferenceId)).emit('private-time:ended', { conferenceId, endedBy: participant.id, at: changed.changedAt })
    getLiveEvents().emit('conference.phase-changed', { conferenceId, phase })
    await this.settle(conferenceId)
  }

  /** `settings:set` (facilitator): whether the facilitator stays during private family time. */
  async setFacilitatorStays({ conference, participant }: Authorized, stays: boolean): Promise<void> {
    const conferenceId = conference.id
    if (await setFacilitatorStaysPrivate(this.deps.db, conferenceId, stays)) {
      await this.deps.audit.record('settings.changed', conferenceId, participant.id, `facilitatorStaysInPrivateTime=${stays}`)
      getLiveEvents().emit('conference.settings-changed', { conferenceId })
    }
    await this.settle(conferenceId)
  }

  /** `lobby:admit` / `lobby:decline` (facilitator): decide on someone waiting in the lobby. */
  async decide({ conference, participant: actor }: Authorized, participantId: string, decision: 'admitted' | 'declined'): Promise<void> {
    const conferenceId = conference.id
    const target = await this.requireTarget(conferenceId, participantId)
    if (!(await decideAdmission(this.deps.db, conferenceId, target.id, decision))) {
      throw new MeetingRequestError('conflict', 'not waiting in the lobby')
    }
    const action = decision === 'admitted' ? 'participant.admitted' : 'participant.declined'
    await this.deps.audit.record(action, conferenceId, actor.id, `participant=${target.id}`)
    this.deps.logger.info({ conferenceId, participantId: target.id, decision }, 'lobby decision')
    getLiveEvents().emit('participant.access-changed', { conferenceId, participantId: target.id })
    await this.settle(conferenceId)
  }

  /**
   * `participant:remove` (facilitator): the person's meeting sockets close at once ('removed');
   * the live event closes their board connections. With the invitation kept they may knock again
   * at the lobby; otherwise the invitation is revoked the usual way.
   */
  async remove({ conference, participant: actor }: Authorized, participantId: string, keepInvitation: boolean): Promise<void> {
    const conferenceId = conference.id
    const target = await this.requireTarget(conferenceId, participantId)
    if (target.id === actor.id) throw new MeetingRequestError('forbidden', 'you cannot remove yourself')
    if (!isManageableTarget(target.role)) throw new MeetingRequestError('forbidden', 'this participant cannot be removed')
    const detail = `participant=${target.id} invitation=${keepInvitation ? 'kept' : 'revoked'}`
    if (keepInvitation) {
      await markRemoved(this.deps.db, conferenceId, target.id, this.now())
      this.deps.access.shutOut(conferenceId, target.id, 'removed')
      await this.deps.audit.record('participant.removed', conferenceId, actor.id, detail)
      getLiveEvents().emit('participant.access-changed', { conferenceId, participantId: target.id })
    } else {
      // Closed first, so the meeting socket hears 'removed' rather than the revocation's own reason.
      this.deps.access.shutOut(conferenceId, target.id, 'removed')
      await this.deps.audit.record('participant.removed', conferenceId, actor.id, detail)
      // Marked as a removal: their sockets on other instances hear 'removed' too.
      await revokeInvitation(this.deps.db, { conferenceId, participantId: target.id, actor: actor.id, removed: true })
    }
    this.deps.logger.info({ conferenceId, participantId: target.id, keepInvitation }, 'participant removed')
    await this.settle(conferenceId)
  }

  /** `participant:set-role` (facilitator): effective on the person's live connections at once. */
  async setRole({ conference, participant: actor }: Authorized, participantId: string, role: InvitableRole): Promise<void> {
    const conferenceId = conference.id
    const target = await this.requireTarget(conferenceId, participantId)
    if (!isManageableTarget(target.role)) throw new MeetingRequestError('forbidden', "this participant's role cannot be changed")
    const changed = await setParticipantRole(this.deps.db, conferenceId, target.id, role)
    if (changed) {
      await this.deps.audit.record('participant.role-changed', conferenceId, actor.id, `participant=${target.id} from=${changed.from} to=${role}`)
      this.deps.logger.info({ conferenceId, participantId: target.id, from: changed.from, to: role }, 'role changed')
      getLiveEvents().emit('participant.access-changed', { conferenceId, participantId: target.id })
    }
    await this.settle(conferenceId)
  }

  /** A participant of this conference whose invitation still counts. */
  private async requireTarget(conferenceId: string, participantId: string): Promise<Participant> {
    const target = await findParticipant(this.deps.db, participantId)
    if (!target || target.conference_id !== conferenceId || target.revoked_at !== null) {
      throw new MeetingRequestError('not_found', 'no such participant in this conference')
    }
    return target
  }

  /** Every live socket of the conference re-decided and told; the roster shows the new phase and roles. */
  private async settle(conferenceId: string): Promise<void> {
    await Promise.all([this.deps.access.refresh(conferenceId), this.deps.rosters.refresh(conferenceId)])
  }
}
