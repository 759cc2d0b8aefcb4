import type { Redis } from 'ioredis'
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'

/**
 * Kring's rate limiters, built on rate-limiter-flexible. Every limiter is made here from a store
 * kind: in memory (one instance), or in Redis when several instances serve Kring (REDIS_URL), so
 * a client that spreads its attempts over the instances is counted once.
 */
export type RateLimitStore = { kind: 'memory' } | { kind: 'redis'; client: Redis }

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
    case 'redis':
      // No in-memory fallback: with Redis down a limited action fails (500) rather than go uncounted.
      return new RateLimiterRedis({ ...settings, storeClient: store.client })
  }
}

/** In memory: the store of a single instance. */
export const DEFAULT_RATE_LIMIT_STORE: RateLimitStore = { kind: 'memory' }

const SHARED_STORE_KEY = Symbol.for('kring.rate-limit-store')

/**
 * The store this process's limiters use: Redis once the server has set it (REDIS_URL,
 * server/scale-out/), else memory. On globalThis: Next's route handlers build their limiters in
 * another module graph of the same process. Limiters are made on first use, after the server set it.
 */
export function defaultRateLimitStore(): RateLimitStore {
  return (globalThis as unknown as Record<symbol, RateLimitStore | undefined>)[SHARED_STORE_KEY] ?? DEFAULT_RATE_LIMIT_STORE
}

export function setDefaultRateLimitStore(store: RateLimitStore | undefined): void {
  ;(globalThis as unknown as Record<symbol, RateLimitStore | undefined>)[SHARED_STORE_KEY] = store
}

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
