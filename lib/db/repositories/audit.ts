import type { Db } from '../connect'

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

export async function recordAudit(
  db: Db,
  entry: { conferenceId: string; actor: string; action: AuditAction; detail?: string },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      conference_id: entry.conferenceId,
      actor: entry.actor,
      action: entry.action,
      detail: entry.detail ?? null,
      at: new Date().toISOString(),
    })
    .execute()
}
