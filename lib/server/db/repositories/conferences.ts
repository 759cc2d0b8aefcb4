import { createId } from '../../auth/tokens'
import { ConferenceFacts, emptyFacts, type ConferenceFactsInput } from '../../../conference/facts'
import type { ConferenceKind, ConferencePhase } from '../../../conference/model'
import type { Db } from '../connect'
import type { Conference, Participant } from '../schema'

/** How long a board is kept after the conference is created, unless changed. */
export const DEFAULT_RETENTION_DAYS = 365

/**
 * Create a conference and, in the same transaction, the facilitator's own participant row,
 * so the creator can open the board at once.
 */
export async function createConference(
  db: Db,
  input: {
    title: string
    kind: ConferenceKind
    createdBy: { id: string; name: string }
    reviewsConferenceId?: string | null
    facts?: ConferenceFactsInput
    /** Days after the last activity it is kept (RETENTION_DAYS; default 365). */
    retentionDays?: number
  },
): Promise<{ conference: Conference; facilitator: Participant }> {
  const now = new Date()
  const conference: Conference = {
    id: createId(),
    title: input.title.trim(),
    kind: input.kind,
    phase: 'voorbereiding',
    created_by: input.createdBy.id,
    created_at: now.toISOString(),
    retain_until: new Date(now.getTime() + (input.retentionDays ?? DEFAULT_RETENTION_DAYS) * 86_400_000).toISOString(),
    reviews_conference_id: input.reviewsConferenceId ?? null,
    facilitator_stays_private: 0,
    phase_changed_at: null,
    timer_ends_at: null,
    facts_json: JSON.stringify(ConferenceFacts.parse(input.facts ?? {})),
    last_activity_at: now.toISOString(),
    retention_days: input.retentionDays ?? DEFAULT_RETENTION_DAYS,
    deleted_at: null,
  }
  const facilitator: Participant = {
    id: createId(),
    conference_id: conference.id,
    display_name: input.createdBy.name,
    role: 'facilitator',
    user_id: input.createdBy.id,
    token_hash: null,
    created_at: now.toISOString(),
    revoked_at: null,
    requires_admission: 0,
    admission: null,
    removed_at: null,
    opened_at: null,
    joined_at: null,
    last_seen_at: null,
    locale: null,
  }
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('conferences').values(conference).execute()
    await tx.insertInto('participants').values(facilitator).execute()
  })
  return { conference, facilitator }
}

export async function findConference(db: Db, id: string): Promise<Conference | undefined> {
  return db.selectFrom('conferences').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The conference's case-file facts; a row that does not parse is an error, not data. */
export function conferenceFactsOf(conference: Pick<Conference, 'facts_json'>): ConferenceFacts {
  return conference.facts_json === '{}' ? emptyFacts() : ConferenceFacts.parse(JSON.parse(conference.facts_json))
}

/** Replace the conference's facts (the facilitator edits them on the conference page). */
export async function setConferenceFacts(db: Db, conferenceId: string, facts: ConferenceFactsInput): Promise<ConferenceFacts> {
  const parsed = ConferenceFacts.parse(facts)
  await db.updateTable('conferences').set({ facts_json: JSON.stringify(parsed) }).where('id', '=', conferenceId).execute()
  return parsed
}

/** Conferences a signed-in user takes part in (as facilitator or otherwise), newest first. */
export async function listConferencesForUser(db: Db, userId: string): Promise<Conference[]> {
  return db
    .selectFrom('conferences')
    .innerJoin('participants', 'participants.conference_id', 'conferences.id')
    .selectAll('conferences')
    .where('participants.user_id', '=', userId)
    .where('participants.revoked_at', 'is', null)
    .orderBy('conferences.created_at', 'desc')
    .execute()
}

// ---- the meeting: phase and settings (server/meeting) ---------------------------------------

/**
 * Move the conference to `phase` (when it is in `onlyFrom`, if given: ending private time only
 * ends it once). The phase timer belongs to the phase it was set in, so it stops. Returns the
 * phase it came from, or null when nothing changed.
 */
export async function setConferencePhase(
  db: Db,
  input: { conferenceId: string; phase: ConferencePhase; onlyFrom?: ConferencePhase; at?: Date },
): Promise<{ from: ConferencePhase; changedAt: string } | null> {
  return db.transaction().execute(async (tx) => {
    const current = await tx.selectFrom('conferences').select('phase').where('id', '=', input.conferenceId).executeTakeFirst()
    if (!current || current.phase === input.phase) return null
    if (input.onlyFrom !== undefined && current.phase !== input.onlyFrom) return null
    const changedAt = (input.at ?? new Date()).toISOString()
    await tx
      .updateTable('conferences')
      .set({ phase: input.phase, phase_changed_at: changedAt, timer_ends_at: null })
      .where('id', '=', input.conferenceId)
      .execute()
    return { from: current.phase, changedAt }
  })
}

/** Whether the facilitator stays during private family time. Returns whether the setting changed. */
export async function setFacilitatorStaysPrivate(db: Db, conferenceId: string, stays: boolean): Promise<boolean> {
  const result = await db
    .updateTable('conferences')
    .set({ facilitator_stays_private: stays ? 1 : 0 })
    .where('id', '=', conferenceId)
    .where('facilitator_stays_private', '=', stays ? 0 : 1)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}
