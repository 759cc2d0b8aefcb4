import type { Db } from '../db/connect'
import { recordAudit } from '../db/repositories/audit'
import { findCheckIn, insertCheckIn, insertTakeover } from '../db/repositories/follow-up'
import type { Participant } from '../db/schema'
import { ApiError } from '../../protocol/api-error'
import type { CheckInRequest } from '../../protocol/follow-up'
import type { CheckIn, Takeover } from '../../plan/follow-up/model'
import { loadFollowUp } from './load'

/**
 * An owner answers for the running period of one of their agreements. The gate has said yes to
 * `checkin.write` (the route asked); here only what is not a matter of role: the plan is agreed,
 * the agreement is in it, and this participant owns it. Audited with ids only: the reason stays
 * in the check-in, not in the log.
 */
export async function checkIn(db: Db, participant: Participant, request: CheckInRequest, now: Date): Promise<CheckIn> {
  const loaded = await loadFollowUp(db, participant.conference_id, now)
  if (!loaded) throw new ApiError('bad_request', 'there is no agreed plan yet')
  const agreement = loaded.followUp.agreements.find((a) => a.agreement.id === request.agreementId)
  if (!agreement) throw new ApiError('not_found', 'no such agreement in the agreed plan')
  if (!agreement.ownerIds.includes(participant.id)) throw new ApiError('forbidden', 'only its owners check in on an agreement')
  const cannot = request.outcome === 'cannot'
  const reason = request.outcome === 'done' ? null : request.reason?.trim() || null
  const saved = await insertCheckIn(db, {
    conferenceId: participant.conference_id,
    planVersionId: loaded.version.id,
    agreementId: request.agreementId,
    participantId: participant.id,
    periodIndex: agreement.current.index,
    outcome: request.outcome,
    reason,
    backupAsked: cannot && request.askBackup === true && agreement.agreement.backup !== null,
    at: now,
  })
  await recordAudit(db, {
    conferenceId: participant.conference_id,
    actor: participant.id,
    action: 'agreement.checked-in',
    detail: `version=${loaded.version.version} agreement=${request.agreementId} period=${saved.periodIndex} outcome=${saved.outcome}${saved.backupAsked ? ' backup=asked' : ''}`,
  })
  return saved
}

/**
 * The backup takes a "lukt niet" over for its period: only the agreement's backup, only a request
 * that asked for them, in the running period or the one just ended, and only once.
 */
export async function takeOver(db: Db, participant: Participant, checkInId: string, now: Date): Promise<Takeover> {
  const loaded = await loadFollowUp(db, participant.conference_id, now)
  const row = await findCheckIn(db, participant.conference_id, checkInId)
  if (!loaded || !row || row.plan_version_id !== loaded.version.id) throw new ApiError('not_found', 'no such request')
  const agreement = loaded.followUp.agreements.find((a) => a.agreement.id === row.agreement_id)
  if (!agreement || !agreement.backupIds.includes(participant.id)) throw new ApiError('forbidden', 'only the backup takes an agreement over')
  const request = agreement.requests.find((r) => r.checkIn.id === checkInId)
  if (!request) throw new ApiError('bad_request', 'this is not an open request to the backup')
  const takeover = await insertTakeover(db, { conferenceId: participant.conference_id, checkInId, participantId: participant.id, at: now })
  if (!takeover) throw new ApiError('bad_request', 'already taken over')
  await recordAudit(db, {
    conferenceId: participant.conference_id,
    actor: participant.id,
    action: 'agreement.taken-over',
    detail: `version=${loaded.version.version} agreement=${row.agreement_id} period=${row.period_index} checkin=${checkInId}`,
  })
  return takeover
}
