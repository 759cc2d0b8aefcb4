import { recordAudit, type AuditAction } from '../../lib/server/db/repositories/audit'
import type { Db } from '../../lib/server/db/connect'
import type { Logger } from '../../lib/server/log/logger'

/**
 * The meeting plane's writes to the audit log: joins and leaves (once per participant arriving,
 * 0 → 1 live sockets, and going, 1 → 0, so a flaky phone reconnecting in a loop does not flood
 * the log), the lobby, phases, removals and role changes. Ids and states only, never names or
 * board content. Writes run in the background; `settled()` lets the server wait for them before
 * the database is closed.
 */
export function createAuditTrail(db: Db, logger: Logger) {
  const pending = new Set<Promise<void>>()
  return {
    /** Write in the background; the returned promise (never rejecting) lets a request wait for it. */
    record(action: AuditAction, conferenceId: string, actor: string, detail?: string): Promise<void> {
      const write: Promise<void> = recordAudit(db, { conferenceId, actor, action, ...(detail === undefined ? {} : { detail }) })
        .catch((err: unknown) => logger.warn({ err, conferenceId, action }, 'audit write failed'))
        .finally(() => pending.delete(write))
      pending.add(write)
      return write
    },
    /**
     * Another background write of the meeting plane that must land before the database closes
     * (whether an invitation reached its person); a failure is logged as `failure`, with no ids.
     */
    track(write: Promise<void>, failure: string): void {
      const tracked: Promise<void> = write.catch((err: unknown) => logger.warn({ err }, failure)).finally(() => pending.delete(tracked))
      pending.add(tracked)
    },
    async settled(): Promise<void> {
      while (pending.size > 0) await Promise.all([...pending])
    },
  }
}

export type AuditTrail = ReturnType<typeof createAuditTrail>
