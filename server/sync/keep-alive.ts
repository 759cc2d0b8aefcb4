import type { SyncConnection } from './connection'

/**
 * Ping every connection each interval; one that has not answered the previous ping is gone
 * (a phone that lost its network never sends a close frame) and is dropped, which frees its
 * awareness state and, once the room is empty, the room itself.
 */
export function startKeepAlive(connections: () => Iterable<SyncConnection>, intervalMs: number): () => void {
  const timer = setInterval(() => {
    for (const connection of connections()) {
      if (!connection.alive) {
        connection.terminate()
        continue
      }
      connection.alive = false
      connection.ping()
    }
  }, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
