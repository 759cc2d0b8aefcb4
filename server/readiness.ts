import { sql } from 'kysely'
import type { Db } from '../lib/server/db/connect'
import type { ScaleOut } from './scale-out/scale-out'

/** How long the database may take to answer `SELECT 1` before the instance counts as not ready. */
export const READINESS_TIMEOUT_MS = 2_000
/** A check's answer is shared by the requests of the next second (a balancer polling from several places). */
const CACHE_MS = 1_000

export interface Readiness {
  ready: boolean
  database: 'ok' | 'failed' | 'timeout'
  /** With REDIS_URL only. */
  redis?: 'ok' | 'down'
}

/**
 * Whether this instance can serve a meeting now: its database answers (within
 * READINESS_TIMEOUT_MS) and, with scale-out, its Redis connections are up. /healthz says only that
 * the process runs; a load balancer checks /readyz to take an instance out whose database hangs
 * (a pool that waits for ever answers nothing) or whose Redis is gone, and put it back once it
 * recovers. No content, only which part failed.
 */
export function readinessCheck(db: Db, scaleOut: ScaleOut | undefined, timeoutMs = READINESS_TIMEOUT_MS): () => Promise<Readiness> {
  let last: { at: number; result: Promise<Readiness> } | null = null
  return () => {
    const now = Date.now()
    if (last && now - last.at < CACHE_MS) return last.result
    const result = check(db, scaleOut, timeoutMs)
    last = { at: now, result }
    return result
  }
}

async function check(db: Db, scaleOut: ScaleOut | undefined, timeoutMs: number): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined
  const database = await Promise.race([
    sql`SELECT 1`.execute(db).then(
      () => 'ok' as const,
      () => 'failed' as const,
    ),
    new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs))),
  ])
  clearTimeout(timer)
  const redis = scaleOut ? (scaleOut.cluster.connected ? ('ok' as const) : ('down' as const)) : undefined
  return { ready: database === 'ok' && redis !== 'down', database, ...(redis ? { redis } : {}) }
}
