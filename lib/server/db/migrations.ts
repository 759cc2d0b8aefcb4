import { type Kysely, sql } from 'kysely'
import type { Migration, MigrationProvider } from 'kysely/migration'
import { binaryType, counterIdType, counterRefType, usesAutoIncrement } from './portable-types'

/**
 * Migrations live in code (not files on disk) so they are bundled wherever the db layer is,
 * including inside Next's server bundle. Append new ones; never edit a landed one. They run on
 * SQLite and PostgreSQL alike: the types that differ come from ./portable-types.
 */
const migrations: Record<string, Migration> = {
  '2026-11-23-001-initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute()

      await db.schema
        .createTable('conferences')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('phase', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('retain_until', 'text', (c) => c.notNull())
        .execute()

      await db.schema
        .createTable('participants')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('conference_id', 'text', (c) => c.notNull().references('conferences.id').onDelete('cascade'))
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.references('users.id'))
        .addColumn('token_hash', 'text', (c) => c.unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute()
      await db.schema.createIndex('participants_conference').on('participants').column('conference_id').execute()
      await db.schema.createIndex('participants_revoked').on('participants').column('revoked_at').execute()

      await db.schema
        .createTable('yjs_updates')
        .addColumn('id', counterIdType(db), (c) => (usesAutoIncrement(db) ? c.primaryKey().autoIncrement() : c.primaryKey()))
        .addColumn('conference_id', 'text', (c) => c.notNull().references('conferences.id').onDelete('cascade'))
        .addColumn('data', binaryType(db), (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema.createIndex('yjs_updates_conference').on('yjs_updates').columns(['conference_id', 'id']).execute()

      await db.schema
        .createTable('yjs_snapshots')
        .addColumn('conference_id', 'text', (c) => c.primaryKey().references('conferences.id').onDelete('cascade'))
        .addColumn('data', binaryType(db), (c) => c.notNull())
        .addColumn('last_update_id', counterRefType(db), (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute()

      await db.schema
        .createTable('audit_log')
        .addColumn('id', counterIdType(db), (c) => (usesAutoIncrement(db) ? c.primaryKey().autoIncrement() : c.primaryKey()))
        .addColumn('conference_id', 'text', (c) => c.notNull().references('conferences.id').onDelete('cascade'))
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('detail', 'text')
        .addColumn('at', 'text', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP`))
        .execute()
      await db.schema.createIndex('audit_log_conference').on('audit_log').columns(['conference_id', 'id']).execute()
    },
  },
  '2026-11-23-002-plan-versions': {
    async up(db: Kysely<unknown>) {
      // An evaluatie conference reviews the agreements of an earlier conference.
      await db.schema
        .alterTable('conferences')
        .addColumn('reviews_conference_id', 'text', (c) => c.references('conferences.id').onDelete('set null'))
        .execute()

      // Agreed plans, frozen: never updated, only added to (a later agreement is a new version).
      await db.schema
        .createTable('plan_versions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('conference_id', 'text', (c) => c.notNull().references('conferences.id').onDelete('cascade'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('plan_json', 'text', (c) => c.notNull())
        .addColumn('board_state', binaryType(db), (c) => c.notNull())
        .addColumn('board_svg', 'text', (c) => c.notNull())
        .addColumn('agreed_by_json', 'text', (c) => c.notNull())
        .addColumn('frozen_by', 'text', (c) => c.notNull())
        .addColumn('frozen_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('plan_versions_conference_version', ['conference_id', 'version'])
        .execute()
    },
  },
  '2026-11-23-003-meeting': {
    async up(db: Kysely<unknown>) {
      // Whether the facilitator stays during private family time (default: leaves, like the professionals).
      await db.schema
        .alterTable('conferences')
        .addColumn('facilitator_stays_private', 'integer', (c) => c.notNull().defaultTo(0))
        .execute()
      await db.schema.alterTable('conferences').addColumn('phase_changed_at', 'text').execute()
      // The timer everyone sees: when the current phase's time is up (null: no timer).
      await db.schema.alterTable('conferences').addColumn('timer_ends_at', 'text').execute()

      // Admission: an invitation may require the facilitator to let the person in from a lobby.
      await db.schema
        .alterTable('participants')
        .addColumn('requires_admission', 'integer', (c) => c.notNull().defaultTo(0))
        .execute()
      // null (no admission needed or not asked yet) | 'waiting' | 'admitted' | 'declined'
      await db.schema.alterTable('participants').addColumn('admission', 'text').execute()
      // Removed by the facilitator with the invitation kept valid: they may come back (through the lobby).
      await db.schema.alterTable('participants').addColumn('removed_at', 'text').execute()
    },
  },
  '2026-12-03-001-board-record-creators': {
    async up(db: Kysely<unknown>) {
      // Who added each record of a board, as the sync server saw it (never what a client claims):
      // deleting an item is for whoever added it and for the facilitator. Template records have
      // no row: they are the board's own.
      await db.schema
        .createTable('board_record_creators')
        .addColumn('conference_id', 'text', (c) => c.notNull().references('conferences.id').onDelete('cascade'))
        .addColumn('record_id', 'text', (c) => c.notNull())
        .addColumn('participant_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('board_record_creators_pk', ['conference_id', 'record_id'])
        .execute()
    },
  },
  '2026-12-03-002-accepted-warnings': {
    async up(db: Kysely<unknown>) {
      // The open warnings the facilitator confirmed when proposing a version (lib/plan/version.ts
      // AcceptedWarnings, JSON); null for versions frozen before they were recorded.
      await db.schema.alterTable('plan_versions').addColumn('accepted_warnings_json', 'text').execute()
    },
  },
  '2026-12-03-003-board-history': {
    async up(db: Kysely<unknown>) {
      // Restorable states of a board (lib/server/conference/board-history.ts): the records as JSON,
      // who had been editing (participant ids) and why it was taken. Deleted with the conference.
      await db.schema
        .createTable('board_checkpoints')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('conference_id', 'text', (c) => c.notNull().references('conferences.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('editors_json', 'text', (c) => c.notNull())
        .addColumn('item_count', 'integer', (c) => c.notNull())
        .addColumn('records_json', 'text', (c) => c.notNull())
        .addColumn('bytes', 'integer', (c) => c.notNull())
        .execute()
      await db.schema.createIndex('board_checkpoints_conference').on('board_checkpoints').columns(['conference_id', 'created_at']).execute()

      // Every restore's Yjs update, kept beside the board's log: the sync server relays restores made
      // elsewhere (a route handler, the CLI) to a loaded room from here, and re-applies them when a
      // room loads (idempotent), so a restore cannot be lost between two processes' compactions.
      await db.schema
        .createTable('board_restores')
        .addColumn('id', counterIdType(db), (c) => (usesAutoIncrement(db) ? c.primaryKey().autoIncrement() : c.primaryKey()))
        .addColumn('conference_id', 'text', (c) => c.notNull().references('conferences.id').onDelete('cascade'))
        .addColumn('checkpoint_id', 'text', (c) => c.notNull())
        .addColumn('data', binaryType(db), (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema.createIndex('board_restores_conference').on('board_restores').columns(['conference_id', 'id']).execute()
    },
  },
  '2026-12-03-004-case-facts': {
    async up(db: Kysely<unknown>) {
      // The conference's facts for the case file (lib/conference/facts.ts): date, time and place of
      // the meeting, the children (first name, age), the facilitator's organisation, the review date.
      // JSON, parsed with its zod schema on the way out; '{}' reads as "nothing filled in".
      await db.schema
        .alterTable('conferences')
        .addColumn('facts_json', 'text', (c) => c.notNull().defaultTo('{}'))
        .execute()
      // Frozen with each agreed version: the facts then, and how each participant was connected
      // (phone or desktop). Null for versions agreed before this column existed.
      await db.schema.alterTable('plan_versions').addColumn('case_facts_json', 'text').execute()
    },
  },
  '2026-12-03-300-participant-locale': {
    async up(db: Kysely<unknown>) {
      // The language a person reads Kring in (lib/i18n/locales.ts): chosen by the facilitator on the
      // invitation, changed by the person with the switcher. Null: not chosen (Dutch, or the cookie).
      await db.schema.alterTable('participants').addColumn('locale', 'text').execute()
    },
  },
  '2026-12-03-800-invitation-tracking': {
    async up(db: Kysely<unknown>) {
      // Whether an invitation reached its person (issue 10): first opened in a browser, first in
      // the meeting, last seen there. Timestamps only, no device or address.
      await db.schema.alterTable('participants').addColumn('opened_at', 'text').execute()
      await db.schema.alterTable('participants').addColumn('joined_at', 'text').execute()
      await db.schema.alterTable('participants').addColumn('last_seen_at', 'text').execute()
    },
  },
  '2026-12-03-600-retention': {
    async up(db: Kysely<unknown>) {
      // Retention (lib/server/conference/retention/): `retain_until` is last activity + retention_days,
      // kept current; the sweep deletes conferences past it. Existing conferences keep their
      // retain_until and count their creation as their last activity.
      await db.schema.alterTable('conferences').addColumn('last_activity_at', 'text').execute()
      await db.schema
        .alterTable('conferences')
        .addColumn('retention_days', 'integer', (c) => c.notNull().defaultTo(365))
        .execute()
      // A deleted conference keeps only this row, emptied (no title, no facts), so its audit
      // entries (ids and events) keep their reference until the audit term ends; then it goes too.
      await db.schema.alterTable('conferences').addColumn('deleted_at', 'text').execute()
      await db.schema.createIndex('conferences_retain_until').on('conferences').columns(['deleted_at', 'retain_until']).execute()
      await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute()
    },
  },
  '2026-12-03-500-follow-up': {
    async up(db: Kysely<unknown>) {
      // Between meetings (lib/plan/follow-up): what an agreement's owner said at its rhythm, kept
      // beside the frozen version it answers (a version itself never changes). Ids only point at
      // the agreement (the board's shape id inside that version's plan) and the participant.
      await db.schema
        .createTable('agreement_checkins')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('conference_id', 'text', (c) => c.notNull().references('conferences.id').onDelete('cascade'))
        .addColumn('plan_version_id', 'text', (c) => c.notNull().references('plan_versions.id').onDelete('cascade'))
        .addColumn('agreement_id', 'text', (c) => c.notNull())
        .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id').onDelete('cascade'))
        .addColumn('period_index', 'integer', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('backup_asked', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema.createIndex('agreement_checkins_version').on('agreement_checkins').columns(['plan_version_id', 'agreement_id']).execute()
      // A backup taking a "lukt niet" over for its period: once per check-in.
      await db.schema
        .createTable('agreement_takeovers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('conference_id', 'text', (c) => c.notNull().references('conferences.id').onDelete('cascade'))
        .addColumn('checkin_id', 'text', (c) => c.notNull().unique().references('agreement_checkins.id').onDelete('cascade'))
        .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute()
      // Where an evaluatie started from: the reviewed conference's version and, per agreement, what
      // happened until then (lib/server/follow-up/review-start.ts), JSON. What the PDF shows as
      // "wat er gebeurde", fixed at the start of the review.
      await db.schema
        .createTable('review_starts')
        .addColumn('conference_id', 'text', (c) => c.primaryKey().references('conferences.id').onDelete('cascade'))
        .addColumn('reviewed_conference_id', 'text', (c) => c.notNull())
        .addColumn('reviewed_version', 'integer', (c) => c.notNull())
        .addColumn('history_json', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute()
    },
  },
  '2026-12-03-501-follow-up-reminders': {
    async up(db: Kysely<unknown>) {
      // An e-mail address a participant gave on their own page for reminders, with the language
      // the reminder is written in. Optional personal data: removed with the participant, or by them.
      await db.schema
        .createTable('participant_contacts')
        .addColumn('participant_id', 'text', (c) => c.primaryKey().references('participants.id').onDelete('cascade'))
        .addColumn('conference_id', 'text', (c) => c.notNull().references('conferences.id').onDelete('cascade'))
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute()
      // Which reminders went out: one per participant, agreement and period. The row is claimed
      // before sending (the unique key), so two ticks or two processes never send the same one twice.
      await db.schema
        .createTable('reminders_sent')
        .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id').onDelete('cascade'))
        .addColumn('plan_version_id', 'text', (c) => c.notNull().references('plan_versions.id').onDelete('cascade'))
        .addColumn('agreement_id', 'text', (c) => c.notNull())
        .addColumn('period_index', 'integer', (c) => c.notNull())
        .addColumn('sent_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('reminders_sent_pk', ['participant_id', 'plan_version_id', 'agreement_id', 'period_index'])
        .execute()
    },
  },
  '2026-12-03-920-open-proposals': {
    async up(db: Kysely<unknown>) {
      // The open plan proposal of a conference (server/meeting/proposal-store.ts), so every instance
      // sees the same one and a yes given on any of them counts; `revision` makes each change a
      // compare-and-set. Gone when the proposal is frozen, withdrawn or everyone left.
      await db.schema
        .createTable('open_proposals')
        .addColumn('conference_id', 'text', (c) => c.primaryKey().references('conferences.id').onDelete('cascade'))
        .addColumn('proposal_id', 'text', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('proposal_json', 'text', (c) => c.notNull())
        .addColumn('plan_json', 'text', (c) => c.notNull())
        .addColumn('board_state', binaryType(db), (c) => c.notNull())
        .addColumn('board_svg', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute()
    },
  },
  '2026-12-03-990-board-person-links': {
    async up(db: Kysely<unknown>) {
      // Who on the board is which participant (lib/plan/follow-up/people.ts), set by the facilitator:
      // per person item of the board (its record id) the participant they are, or null for "nobody
      // invited". The follow-up reads it before any name match. Ids only.
      await db.schema
        .createTable('board_person_links')
        .addColumn('conference_id', 'text', (c) => c.notNull().references('conferences.id').onDelete('cascade'))
        .addColumn('person_id', 'text', (c) => c.notNull())
        .addColumn('participant_id', 'text', (c) => c.references('participants.id').onDelete('cascade'))
        .addColumn('linked_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('board_person_links_pk', ['conference_id', 'person_id'])
        .execute()
    },
  },
}

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations
  },
}
