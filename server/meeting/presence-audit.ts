import { recordAudit } from '../../lib/db/repositories/audit'
import type { Db } from '../../lib/db/connect'
import type { Logger } from '../../lib/log/logger'

/**
 * Joins and leaves in the audit log, once per participant arriving (0 → 1 live sockets) and
 * once per participant going (1 → 0), so a flaky phone reconnecting in a loop does not flood
 * the log with every socket. Ids only. Writes run in the background; `settled()` lets the
 * server wait for them before the database is closed.
 */
export function createPresenceAudit(db: Db, logger: Logger) {
  const pending = new Set<Promise<void>>()
  return {
    record(action: 'participant.joined' | 'participant.left', conferenceId: string, participantId: string): void {
      const write = recordAudit(db, { conferenceId, actor: participantId, action })
        .catch((err: unknown) => logger.warn({ err, conferenceId, action }, 'audit write failed'))
        .finally(() => pending.delete(write))
      pending.add(write)
    },
    async settled(): Promise<void> {
      while (pending.size > 0) await Promise.all([...pending])
    },
  }
}

export type PresenceAudit = ReturnType<typeof createPresenceAudit>
