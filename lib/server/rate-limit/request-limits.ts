import { clientAddressFromHeaders, limitKeyOfAddress } from '../http/client-address'
import { ApiError } from '../../protocol/api-error'
import { consumeOrThrow, createLimiter, defaultRateLimitStore, RateLimitedError, type Limiter } from './limiter'

/**
 * Per-address limits on route handlers that anyone may call. Generous enough for a family
 * behind one NAT address (a dozen people opening their links at once, and every board fetching
 * a fresh socket ticket on each reconnect), far too tight for guessing or flooding.
 */
const REQUEST_LIMITS = {
  /** POST /api/join: the "to the board" button of an invitation link. */
  join: { points: 30, durationSeconds: 60 },
  /** POST /api/conferences/[id]/ticket: socket tickets, renewed every few minutes and on reconnect. */
  ticket: { points: 120, durationSeconds: 60 },
} as const

export type LimitedRequest = keyof typeof REQUEST_LIMITS

/** Count one action for `key`; over the limit, an ApiError `too_many_requests` (429, with Retry-After). */
export async function limitOrThrow(limiter: Limiter, key: string): Promise<void> {
  try {
    await consumeOrThrow(limiter, key)
  } catch (err) {
    if (err instanceof RateLimitedError) {
      throw new ApiError('too_many_requests', 'too many requests; try again later', { retryAfterSeconds: err.retryAfterSeconds })
    }
    throw err
  }
}

/** Count this request against its kind's limit for the client's address (see limitOrThrow). */
export async function limitRequestByAddress(kind: LimitedRequest, req: Request): Promise<void> {
  await limitOrThrow(requestLimiter(kind), limitKeyOfAddress(clientAddressFromHeaders(req.headers)))
}

const LIMITERS_KEY = Symbol.for('kring.request-limiters')

function requestLimiter(kind: LimitedRequest): Limiter {
  const holder = globalThis as unknown as Record<symbol, Map<LimitedRequest, Limiter> | undefined>
  const limiters = (holder[LIMITERS_KEY] ??= new Map())
  let limiter = limiters.get(kind)
  if (!limiter) {
    limiter = createLimiter(defaultRateLimitStore(), { name: `request-${kind}`, ...REQUEST_LIMITS[kind] })
    limiters.set(kind, limiter)
  }
  return limiter
}
