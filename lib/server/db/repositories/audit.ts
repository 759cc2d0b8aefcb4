import type { Selectable } from 'kysely'
import type { Db } from '../connect'
import type { AuditLogTable } from '../schema'
import { noteActivity } from '../../conference/retention/activity'

/** Audit actions. Details carry ids and states, never names or board content. */
export type AuditAction =
  | 'conference.created'
  | 'participant.invited'
  | 'participant.revoked'
  | 'participant.joined'
  | 'participant.left'
  | 'plan.proposed'
  | 'plan.withdrawn'
  | 'plan.agreed'
  | 'plan.frozen'
  | 'plan.exported'
  | 'phase.changed'
  | 'private-time.ended'
  | 'settings.changed'
  | 'participant.waiting'
  | 'participant.admitted'
  | 'participant.declined'
  | 'participant.removed'
  | 'participant.role-changed'
  | 'participant.linked'
  | 'board.restored'
  | 'conference.retention-changed'
  | 'conference.deleted'
  | 'personal-data.exported'
  | 'agreement.checked-in'
  | 'agreement.taken-over'
  | 'person.linked'
  | 'person.link-cleared'

export async function recordAudit(
  db: Db,
  entry: { conferenceId: string; actor: string; action: AuditAction; detail?: string; at?: Date },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      conference_id: entry.conferenceId,
      actor: entry.actor,
      action: entry.action,
      detail: entry.detail ?? null,
      at: (entry.at ?? new Date()).toISOString(),
    })
    .execute()
  // Every audited event is activity: the conference's retention date counts from it.
  await noteActivity(db, entry.conferenceId)
}

export type AuditEntry = Selectable<AuditLogTable>

/** One conference's audit log, newest first (at most `limit` entries). */
export async function listAudit(db: Db, conferenceId: string, limit = 1000): Promise<AuditEntry[]> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('conference_id', '=', conferenceId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}
