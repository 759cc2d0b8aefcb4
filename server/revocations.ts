import { listRevokedSince } from '../lib/server/db/repositories/participants'
import type { ServerDeps } from './types'

/**
 * Notice revocations made outside this process (the admin CLI, another instance) by polling
 * for rows revoked since the last look. In-process revocations arrive at once through live
 * events; this poll is the safety net, so a revoked person is out within one interval.
 */
export function watchRevocations(deps: ServerDeps, onRevoked: (participantId: string) => void): () => void {
  let since = new Date().toISOString()
  let running = false
  const timer = setInterval(() => {
    if (running) return
    running = true
    listRevokedSince(deps.db, since)
      .then((rows) => {
        for (const row of rows) {
          if (row.revoked_at && row.revoked_at > since) since = row.revoked_at
          onRevoked(row.id)
        }
      })
      .catch((err: unknown) => deps.logger.warn({ err }, 'revocation poll failed'))
      .finally(() => {
        running = false
      })
  }, deps.config.revocationPollMs)
  timer.unref()
  return () => clearInterval(timer)
}
