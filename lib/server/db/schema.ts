import type { Generated, Insertable, Selectable } from 'kysely'
import type { AdmissionState, ConferenceKind, ConferencePhase, ParticipantRole, UserRole } from '../../conference/model'

/**
 * The database as Kysely sees it. Timestamps are ISO-8601 strings and binary data is a
 * Uint8Array, so the same queries run on SQLite now and PostgreSQL later.
 */
export interface UsersTable {
  id: string
  email: string
  name: string
  role: UserRole
  /** scrypt hash; null for accounts that only sign in through the organisation's OIDC provider. */
  password_hash: string | null
  created_at: string
}

export interface ConferencesTable {
  id: string
  title: string
  kind: ConferenceKind
  phase: ConferencePhase
  created_by: string
  created_at: string
  /** After this date the conference and its board are deleted (GDPR storage limitation). */
  retain_until: string
  /** For an evaluatie: the conference whose agreements it reviews. */
  reviews_conference_id: string | null
  /** 1 when the facilitator stays during private family time; 0 (default) when they leave. */
  facilitator_stays_private: Generated<number>
  phase_changed_at: string | null
  /** When the current phase's timer runs out; null when there is no timer. */
  timer_ends_at: string | null
  /** The case-file facts (lib/conference/facts.ts ConferenceFacts), JSON; '{}' when none. */
  facts_json: Generated<string>
  /** The last activity (lib/server/conference/retention/activity.ts); null: none since creation. */
  last_activity_at: string | null
  /** retain_until is this many days after the last activity (RETENTION_DAYS, or the facilitator's choice). */
  retention_days: Generated<number>
  /** When the conference was deleted; the row stays, emptied, for its audit entries until AUDIT_RETENTION_DAYS. */
  deleted_at: string | null
}

export interface ParticipantsTable {
  id: string
  conference_id: string
  display_name: string
  role: ParticipantRole
  /** Set for people who sign in (the facilitator); null for people invited by link. */
  user_id: string | null
  /** SHA-256 of the invitation token; the token itself is never stored. */
  token_hash: string | null
  created_at: string
  revoked_at: string | null
  /** 1 when the facilitator must admit this person from the lobby before they see the board. */
  requires_admission: Generated<number>
  admission: AdmissionState | null
  /** Removed by the facilitator while the invitation stays valid. */
  removed_at: string | null
  /** When the invitation link was first opened in a browser (a chat app's link preview does not count). */
  opened_at: string | null
  /** When the person first came into the meeting (meeting plane). */
  joined_at: string | null
  /** When the person was last connected to the meeting (updated as they leave). */
  last_seen_at: string | null
  /** The language this person reads Kring in ('ar', 'tr'…); null: not chosen. Read through isLocale(). */
  locale: string | null
}

export type { AdmissionState } from '../../conference/model'

export interface YjsUpdatesTable {
  id: Generated<number>
  conference_id: string
  data: Uint8Array
  created_at: string
}

export interface YjsSnapshotsTable {
  conference_id: string
  data: Uint8Array
  /** The highest yjs_updates.id folded into this snapshot. */
  last_update_id: number
  updated_at: string
}

export interface AuditLogTable {
  id: Generated<number>
  conference_id: string
  /** A participant id, a user id or 'cli'; never a name. */
  actor: string
  action: string
  /** Non-personal detail, such as the new phase or the participant id acted upon. */
  detail: string | null
  at: string
}

export interface PlanVersionsTable {
  id: string
  conference_id: string
  /** 1, 2, 3… per conference. */
  version: number
  /** The Plan (lib/plan/schema.ts) as agreed, JSON. */
  plan_json: string
  /** The board as agreed: a Yjs update of the whole document, to render images (also redacted) from. */
  board_state: Uint8Array
  /** The board image as agreed (SVG), unredacted. */
  board_svg: string
  /** Who agreed and when (lib/plan/version.ts AgreedBy[]), JSON. */
  agreed_by_json: string
  /** Participant id of the facilitator who proposed the version. */
  frozen_by: string
  frozen_at: string
  /** The warnings the facilitator confirmed when proposing (lib/plan/version.ts AcceptedWarnings), JSON; null before they were recorded. */
  accepted_warnings_json: string | null
  /**
   * The conference's facts and each participant's devices when the version was frozen
   * (lib/conference/facts.ts FrozenCaseFacts), JSON; null for versions frozen before they were kept.
   */
  case_facts_json: string | null
}

/** Who added a record of a board (server-side; see server/sync/record-creators.ts). */
export interface BoardRecordCreatorsTable {
  conference_id: string
  /** The record's key in the board's document (`shape:…`). */
  record_id: string
  participant_id: string
  created_at: string
}

/** Why a checkpoint of the board was taken (lib/server/conference/board-history.ts). */
export type CheckpointReason = 'interval' | 'phase-change' | 'version' | 'before-delete' | 'before-restore'

export interface BoardCheckpointsTable {
  id: string
  conference_id: string
  created_at: string
  reason: CheckpointReason
  /** Participant ids (never names) of who had edited since the previous checkpoint, JSON array. */
  editors_json: string
  /** Items (shape records) on the board then. */
  item_count: number
  /** The board's records (key → tldraw record) as JSON: what a restore brings back. */
  records_json: string
  /** Length of records_json, for the size bound. */
  bytes: number
}

export interface BoardRestoresTable {
  id: Generated<number>
  conference_id: string
  checkpoint_id: string
  /** The restore's Yjs update (also appended to yjs_updates). */
  data: Uint8Array
  /** A participant id or 'cli'. */
  actor: string
  created_at: string
}

/** A check-in on an agreement of a frozen version (lib/plan/follow-up/model.ts). */
export interface AgreementCheckinsTable {
  id: string
  conference_id: string
  plan_version_id: string
  /** The agreement's id in that version's plan (a board shape id). */
  agreement_id: string
  participant_id: string
  period_index: number
  outcome: 'done' | 'cannot' | 'help'
  /** A short reason with "lukt niet"; null otherwise. */
  reason: string | null
  /** 1 when "lukt niet" asks the backup to step in. */
  backup_asked: number
  created_at: string
}

export interface AgreementTakeoversTable {
  id: string
  conference_id: string
  checkin_id: string
  /** The backup who took it over. */
  participant_id: string
  created_at: string
}

/** What an evaluatie started from (lib/server/follow-up/review-start.ts). */
export interface ReviewStartsTable {
  conference_id: string
  reviewed_conference_id: string
  reviewed_version: number
  history_json: string
  created_at: string
}

/** An e-mail address for reminders, given by the participant on their own page. */
export interface ParticipantContactsTable {
  participant_id: string
  conference_id: string
  email: string
  /** The language reminders are written in (the page's language when the address was given). */
  locale: string
  updated_at: string
}

/** A reminder that went out (or is being sent: claimed first). */
export interface RemindersSentTable {
  participant_id: string
  plan_version_id: string
  agreement_id: string
  period_index: number
  sent_at: string
}

/** The open plan proposal of a conference, shared by every instance (server/meeting/proposal-store.ts). */
export interface OpenProposalsTable {
  conference_id: string
  proposal_id: string
  /** Counts every change: each write names the revision it read (compare-and-set). */
  revision: number
  /** The Proposal (lib/conference/agreement.ts): who has to agree, who did, its status, JSON. */
  proposal_json: string
  /** The Plan as proposed, JSON. */
  plan_json: string
  /** The board as proposed (a Yjs update), frozen with the version. */
  board_state: Uint8Array
  board_svg: string
  updated_at: string
}

/** Which participant a person on the board is, as the facilitator said (lib/server/follow-up/person-links.ts). */
export interface BoardPersonLinksTable {
  conference_id: string
  /** The record id of the person item on the board (`shape:…`). */
  person_id: string
  /** Null: the facilitator said this person has no invitation (no name match either). */
  participant_id: string | null
  /** The participant (the facilitator) who set it. */
  linked_by: string
  updated_at: string
}

export interface Database {
  users: UsersTable
  conferences: ConferencesTable
  participants: ParticipantsTable
  yjs_updates: YjsUpdatesTable
  yjs_snapshots: YjsSnapshotsTable
  audit_log: AuditLogTable
  plan_versions: PlanVersionsTable
  board_record_creators: BoardRecordCreatorsTable
  board_checkpoints: BoardCheckpointsTable
  board_restores: BoardRestoresTable
  agreement_checkins: AgreementCheckinsTable
  agreement_takeovers: AgreementTakeoversTable
  review_starts: ReviewStartsTable
  participant_contacts: ParticipantContactsTable
  reminders_sent: RemindersSentTable
  open_proposals: OpenProposalsTable
  board_person_links: BoardPersonLinksTable
}

export type User = Selectable<UsersTable>
export type NewUser = Insertable<UsersTable>
export type Conference = Selectable<ConferencesTable>
export type Participant = Selectable<ParticipantsTable>
