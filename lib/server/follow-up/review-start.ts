import * as Y from 'yjs'
import type { Db } from '../db/connect'
import type { Translate } from '../../i18n'
import { REVIEWS_META_KEY } from '../../board/templates/evaluation-records'
import { historySummary, ReviewHistory, reviewHistoryItem, type ReviewHistoryItem } from '../../plan/follow-up/review'
import { recordsMapOf } from '../../sync/document-format'
import { loadFollowUp } from './load'

/**
 * Where an evaluatie starts: the reviewed conference's agreements with what happened since (the
 * follow-up at the moment the evaluatie is created), kept with the evaluatie (`review_starts`) so
 * its PDF can say "wat er gebeurde" whatever is said later.
 */
export interface ReviewStart {
  reviewedConferenceId: string
  reviewedVersion: number
  history: ReviewHistoryItem[]
}

export async function reviewStartOf(db: Db, reviewedConferenceId: string, now: Date): Promise<ReviewStart | null> {
  const loaded = await loadFollowUp(db, reviewedConferenceId, now)
  if (!loaded) return null
  const byId = new Map(loaded.followUp.agreements.map((a) => [a.agreement.id, a]))
  // In the reviewed plan's order, as the board lays them out.
  const history = loaded.version.plan.agreements.flatMap((a) => {
    const item = byId.get(a.id)
    return item ? [reviewHistoryItem(item)] : []
  })
  return { reviewedConferenceId, reviewedVersion: loaded.version.version, history }
}

/** The line on the new board under each reviewed agreement. */
export function historyLines(start: ReviewStart, t: Translate): Record<string, string> {
  return Object.fromEntries(
    start.history.map((h) => [
      h.agreement.id,
      t('followUp.review.happened', { summary: historySummary(h, t) }),
    ]),
  )
}

export async function saveReviewStart(db: Db, conferenceId: string, start: ReviewStart, now: Date): Promise<void> {
  await db
    .insertInto('review_starts')
    .values({
      conference_id: conferenceId,
      reviewed_conference_id: start.reviewedConferenceId,
      reviewed_version: start.reviewedVersion,
      history_json: JSON.stringify(ReviewHistory.parse(start.history)),
      created_at: now.toISOString(),
    })
    .execute()
}

export async function findReviewStart(db: Db, conferenceId: string): Promise<ReviewStart | null> {
  const row = await db.selectFrom('review_starts').selectAll().where('conference_id', '=', conferenceId).executeTakeFirst()
  if (!row) return null
  return { reviewedConferenceId: row.reviewed_conference_id, reviewedVersion: Number(row.reviewed_version), history: ReviewHistory.parse(JSON.parse(row.history_json)) }
}

/** Per agreement of a frozen board, the reviewed agreement it came from (the shape's meta). */
export function reviewSourcesOf(boardState: Uint8Array): Map<string, string> {
  const sources = new Map<string, string>()
  if (boardState.byteLength === 0) return sources
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, boardState)
    for (const [id, value] of recordsMapOf(doc).entries()) {
      const record = value as { type?: unknown; meta?: Record<string, unknown> } | null
      const source = record?.meta?.[REVIEWS_META_KEY]
      if (record?.type === 'kring-agreement' && typeof source === 'string') sources.set(id, source)
    }
  } finally {
    doc.destroy()
  }
  return sources
}
