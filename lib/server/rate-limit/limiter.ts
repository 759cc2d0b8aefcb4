import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'

/**
 * Kring's rate limiters, built on rate-limiter-flexible. Every limiter is made here from a store
 * kind, so moving the counters out of the process (several Kring processes behind one proxy) means
 * adding a case here, e.g. `{ kind: 'redis', client }` → RateLimiterRedis; callers do not change.
 */
export type RateLimitStore = { kind: 'memory' }

export type Limiter = RateLimiterAbstract

export interface LimiterOptions {
  /** Keeps the counters of different limiters apart in a shared store. */
  name: string
  /** Allowed actions per key within `durationSeconds`. */
  points: number
  durationSeconds: number
  /** Once over the limit, refuse the key this long (default: until the window ends). */
  blockSeconds?: number
}

/** The memory store forgets keys with setTimeout, which fires at once for anything past 2^31 ms (24.8 days). */
const MEMORY_STORE_MAX_SECONDS = Math.floor((2 ** 31 - 1) / 1000)

export function createLimiter(store: RateLimitStore, options: LimiterOptions): Limiter {
  if (store.kind === 'memory' && Math.max(options.durationSeconds, options.blockSeconds ?? 0) > MEMORY_STORE_MAX_SECONDS) {
    throw new Error(`rate limiter ${options.name}: the memory store cannot keep a key longer than ${MEMORY_STORE_MAX_SECONDS} s`)
  }
  const settings = {
    keyPrefix: `kring-${options.name}`,
    points: options.points,
    duration: options.durationSeconds,
    blockDuration: options.blockSeconds ?? 0,
  }
  switch (store.kind) {
    case 'memory':
      return new RateLimiterMemory(settings)
  }
}

/** The store this process uses; one place to change when a shared store arrives. */
export const DEFAULT_RATE_LIMIT_STORE: RateLimitStore = { kind: 'memory' }

/** Whole seconds until a refused key may try again (at least 1: `Retry-After: 0` invites a hot loop). */
export function secondsUntil(msBeforeNext: number): number {
  return Math.max(1, Math.ceil(msBeforeNext / 1000))
}

export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`rate limited; retry after ${retryAfterSeconds} s`)
    this.name = 'RateLimitedError'
  }
}

/**
 * Count one action for `key`; throws RateLimitedError when the key is over its limit. A store
 * that fails (later: Redis down) is passed through as its own error, never read as "limited".
 */
export async function consumeOrThrow(limiter: Limiter, key: string): Promise<void> {
  try {
    await limiter.consume(key)
  } catch (err) {
    if (err instanceof RateLimiterRes) throw new RateLimitedError(secondsUntil(err.msBeforeNext))
    throw err
  }
}
