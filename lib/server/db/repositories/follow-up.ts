import type { CheckIn, CheckInOutcome, Takeover } from '../../../plan/follow-up/model'
import { createId } from '../../auth/tokens'
import type { Db } from '../connect'

/**
 * Check-ins and takeovers of a frozen version. Insert-only, like the versions they answer: a
 * second answer in the same period is a new row (the latest counts), never an update.
 */
export async function insertCheckIn(
  db: Db,
  input: {
    conferenceId: string
    planVersionId: string
    agreementId: string
    participantId: string
    periodIndex: number
    outcome: CheckInOutcome
    reason: string | null
    backupAsked: boolean
    at: Date
  },
): Promise<CheckIn> {
  const id = createId()
  const at = input.at.toISOString()
  await db
    .insertInto('agreement_checkins')
    .values({
      id,
      conference_id: input.conferenceId,
      plan_version_id: input.planVersionId,
      agreement_id: input.agreementId,
      participant_id: input.participantId,
      period_index: input.periodIndex,
      outcome: input.outcome,
      reason: input.reason,
      backup_asked: input.backupAsked ? 1 : 0,
      created_at: at,
    })
    .execute()
  return {
    id,
    agreementId: input.agreementId,
    participantId: input.participantId,
    periodIndex: input.periodIndex,
    outcome: input.outcome,
    reason: input.reason,
    backupAsked: input.backupAsked,
    at,
  }
}

export async function listCheckIns(db: Db, planVersionId: string): Promise<CheckIn[]> {
  const rows = await db.selectFrom('agreement_checkins').selectAll().where('plan_version_id', '=', planVersionId).orderBy('created_at').execute()
  return rows.map((r) => ({
    id: r.id,
    agreementId: r.agreement_id,
    participantId: r.participant_id,
    periodIndex: Number(r.period_index),
    outcome: r.outcome,
    reason: r.reason,
    backupAsked: Number(r.backup_asked) === 1,
    at: r.created_at,
  }))
}

export async function findCheckIn(db: Db, conferenceId: string, checkInId: string) {
  return db.selectFrom('agreement_checkins').selectAll().where('id', '=', checkInId).where('conference_id', '=', conferenceId).executeTakeFirst()
}

/** The takeover, or null when the check-in was taken over already (one per check-in). */
export async function insertTakeover(db: Db, input: { conferenceId: string; checkInId: string; participantId: string; at: Date }): Promise<Takeover | null> {
  const id = createId()
  const at = input.at.toISOString()
  const result = await db
    .insertInto('agreement_takeovers')
    .values({ id, conference_id: input.conferenceId, checkin_id: input.checkInId, participant_id: input.participantId, created_at: at })
    .onConflict((oc) => oc.column('checkin_id').doNothing())
    .executeTakeFirst()
  if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return null
  return { id, checkInId: input.checkInId, participantId: input.participantId, at }
}

export async function listTakeovers(db: Db, planVersionId: string): Promise<Takeover[]> {
  const rows = await db
    .selectFrom('agreement_takeovers')
    .innerJoin('agreement_checkins', 'agreement_checkins.id', 'agreement_takeovers.checkin_id')
    .select(['agreement_takeovers.id', 'agreement_takeovers.checkin_id', 'agreement_takeovers.participant_id', 'agreement_takeovers.created_at'])
    .where('agreement_checkins.plan_version_id', '=', planVersionId)
    .execute()
  return rows.map((r) => ({ id: r.id, checkInId: r.checkin_id, participantId: r.participant_id, at: r.created_at }))
}
