import type { Db } from '../db/connect'
import { findConference } from '../db/repositories/conferences'
import { getPlanVersion } from '../db/repositories/plan-versions'
import type { Plan } from '../../plan/schema'
import { ApiError } from '../../protocol/api-error'
import type { ConferenceKind } from '../../conference/model'

/**
 * Which earlier conference a review conference (evaluatie) may look back on: one the same
 * facilitator created, with at least one agreed (frozen) plan version. Its agreements are what the
 * new board starts with. Nobody else's conference: a facilitator must not copy a plan (names, phone
 * numbers, agreements about a child) of a family they do not work with.
 */
export interface ReviewableConference {
  id: string
  title: string
  kind: ConferenceKind
  createdAt: string
  /** The latest frozen version: the one whose agreements are reviewed. */
  version: number
  frozenAt: string
}

/** The facilitator's own conferences with an agreed plan, the most recently agreed first. */
export async function listReviewableConferences(db: Db, userId: string): Promise<ReviewableConference[]> {
  const rows = await db
    .selectFrom('conferences')
    .innerJoin('plan_versions', 'plan_versions.conference_id', 'conferences.id')
    .select(['conferences.id', 'conferences.title', 'conferences.kind', 'conferences.created_at'])
    .select((eb) => [eb.fn.max<number>('plan_versions.version').as('version'), eb.fn.max<string>('plan_versions.frozen_at').as('frozen_at')])
    .where('conferences.created_by', '=', userId)
    .groupBy(['conferences.id', 'conferences.title', 'conferences.kind', 'conferences.created_at'])
    .orderBy('frozen_at', 'desc')
    .execute()
  return rows.map((r) => ({ id: r.id, title: r.title, kind: r.kind, createdAt: r.created_at, version: Number(r.version), frozenAt: r.frozen_at }))
}

/**
 * The plan an evaluatie reviews: the latest frozen version of `conferenceId`. Another
 * facilitator's conference and one that does not exist are refused alike (403), so the answer
 * does not tell whether an id exists; the facilitator's own conference without an agreed plan is
 * a plain mistake (400).
 */
export async function requireReviewablePlan(db: Db, userId: string, conferenceId: string): Promise<Plan> {
  const conference = await findConference(db, conferenceId)
  if (!conference || conference.created_by !== userId) {
    throw new ApiError('forbidden', 'an evaluatie can only review a conference you created')
  }
  const latest = await getPlanVersion(db, conferenceId)
  if (!latest) throw new ApiError('bad_request', 'that conference has no agreed plan yet: agree on a plan there first')
  return latest.plan
}
