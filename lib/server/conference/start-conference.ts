import { templateDocUpdate } from '../../board/templates'
import type { Db } from '../db/connect'
import { recordAudit } from '../db/repositories/audit'
import { createConference } from '../db/repositories/conferences'
import { compactBoard } from '../db/repositories/yjs-log'
import type { Conference, User } from '../db/schema'
import { defaultLocale, type Locale } from '../../i18n'
import { ApiError } from '../../protocol/api-error'
import type { ConferenceKind } from '../../conference/model'
import type { ConferenceFactsInput } from '../../conference/facts'
import { accountMay } from '../../conference/policy'
import { requireReviewablePlan } from './reviewable'
import { createTranslator } from '../../i18n/catalogs'
import { historyLines, reviewStartOf, saveReviewStart } from '../follow-up/review-start'

export interface StartConferenceInput {
  title: string
  kind: ConferenceKind
  user: Pick<User, 'id' | 'name' | 'role'>
  /** For an evaluatie: the earlier conference whose agreements it reviews (see ./reviewable). */
  reviewsConferenceId?: string | null
  /** The case-file facts known already: date, time and place, children, organisation, review date. */
  facts?: ConferenceFactsInput
  /** The language the board's page is named in (default Dutch). */
  locale?: Locale
  actor?: string
  /** Days after the last activity it is kept (the server's RETENTION_DAYS). */
  retentionDays?: number
  /** The clock (tests); default now. */
  now?: Date
}

/**
 * A facilitator starts a conference: the conference and their own participant row are created
 * together, its board starts from the template for its kind (an evaluatie: with the agreements
 * of the conference it reviews), and the audit log notes who. Professionals sign in to take part,
 * not to organise.
 */
export async function startConference(db: Db, input: StartConferenceInput): Promise<Conference> {
  if (!accountMay(input.user.role, 'conference.create')) throw new ApiError('forbidden', 'only facilitators create conferences')
  const reviewsConferenceId = input.reviewsConferenceId ?? null
  if (reviewsConferenceId !== null && input.kind !== 'evaluatie') {
    throw new ApiError('bad_request', 'only an evaluatie reviews another conference')
  }
  const reviewed = reviewsConferenceId === null ? undefined : await requireReviewablePlan(db, input.user.id, reviewsConferenceId)
  // The review starts from the facts: what happened to each agreement since (its check-ins).
  const now = input.now ?? new Date()
  const locale = input.locale ?? defaultLocale
  const reviewStart = reviewsConferenceId === null ? null : await reviewStartOf(db, reviewsConferenceId, now)
  const reviewedHistory = reviewStart ? historyLines(reviewStart, createTranslator(locale)) : undefined
  // Built before anything is stored: a template that cannot be built leaves no conference behind.
  const board = templateDocUpdate(input.kind, { locale, reviewed, reviewedHistory })

  const { conference } = await createConference(db, {
    title: input.title,
    kind: input.kind,
    createdBy: { id: input.user.id, name: input.user.name },
    reviewsConferenceId,
    facts: input.facts,
    retentionDays: input.retentionDays,
  })
  try {
    // The template is the board's first snapshot: whoever opens the board first gets the layout.
    await compactBoard(db, conference.id, board, 0)
    if (reviewStart) await saveReviewStart(db, conference.id, reviewStart, now)
  } catch (error) {
    // No conference with a blank board: take it back (participants cascade) and report the failure.
    await db.deleteFrom('conferences').where('id', '=', conference.id).execute()
    throw error
  }
  await recordAudit(db, { conferenceId: conference.id, actor: input.actor ?? input.user.id, action: 'conference.created' })
  return conference
}
