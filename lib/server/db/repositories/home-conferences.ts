import type { Db } from '../connect'
import type { Conference } from '../schema'

/** How an account is connected to a conference on its home page. */
export interface HomeConferenceRow {
  conference: Conference
  /** The account created it (it is the facilitator's). */
  created: boolean
  /** A live participant row belongs to the account: invited and linked, or the facilitator's own. */
  invited: boolean
  /** One of the account's participant rows (also a revoked one) exported a version. */
  exported: boolean
  /** The newest agreed version's number; null before the first. */
  latestVersion: number | null
}

/**
 * The conferences on a signed-in account's home page (issue 11 part 5): those it created, those it
 * takes part in through a participant row linked to it, and those it exported a plan from, newest
 * first. Opening one is still the gate's decision; this only lists them.
 */
export async function listHomeConferences(db: Db, userId: string): Promise<HomeConferenceRow[]> {
  const [created, invited, exported] = await Promise.all([
    db.selectFrom('conferences').select('id').where('created_by', '=', userId).execute(),
    db.selectFrom('participants').select('conference_id as id').where('user_id', '=', userId).where('revoked_at', 'is', null).execute(),
    db
      .selectFrom('audit_log')
      .innerJoin('participants', 'participants.id', 'audit_log.actor')
      .select('audit_log.conference_id as id')
      .where('audit_log.action', '=', 'plan.exported')
      .where('participants.user_id', '=', userId)
      .distinct()
      .execute(),
  ])
  const ids = new Set([...created, ...invited, ...exported].map((row) => row.id))
  if (ids.size === 0) return []
  const [conferences, versions] = await Promise.all([
    // A deleted conference's emptied row (kept for its audit entries) is not listed.
    db.selectFrom('conferences').selectAll().where('id', 'in', [...ids]).where('deleted_at', 'is', null).orderBy('created_at', 'desc').execute(),
    db
      .selectFrom('plan_versions')
      .select(['conference_id', (eb) => eb.fn.max('version').as('latest')])
      .where('conference_id', 'in', [...ids])
      .groupBy('conference_id')
      .execute(),
  ])
  const latest = new Map(versions.map((row) => [row.conference_id, Number(row.latest)]))
  const has = (rows: { id: string }[], id: string) => rows.some((row) => row.id === id)
  return conferences.map((conference) => ({
    conference,
    created: has(created, conference.id),
    invited: has(invited, conference.id),
    exported: has(exported, conference.id),
    latestVersion: latest.get(conference.id) ?? null,
  }))
}
