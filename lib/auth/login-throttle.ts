/**
 * Slows down password guessing per account: after `maxFailures` wrong passwords within
 * `windowMs`, further attempts for that email are refused without checking the password until
 * the window has passed. Kept in memory (one process); a restart forgets, which is acceptable
 * because scrypt already makes each guess expensive. Keyed by email, not IP: behind a proxy the
 * IP is not trustworthy, and a whole office may share one.
 */
export interface LoginThrottle {
  isLocked(key: string, now?: number): boolean
  recordFailure(key: string, now?: number): void
  recordSuccess(key: string): void
}

export function createLoginThrottle({ maxFailures = 10, windowMs = 15 * 60_000, maxKeys = 10_000 } = {}): LoginThrottle {
  const failures = new Map<string, number[]>()

  const recent = (key: string, now: number) => (failures.get(key) ?? []).filter((at) => now - at < windowMs)

  return {
    isLocked(key, now = Date.now()) {
      return recent(key, now).length >= maxFailures
    },
    recordFailure(key, now = Date.now()) {
      // Bound memory under a flood of made-up emails: forget the oldest entry.
      if (!failures.has(key) && failures.size >= maxKeys) {
        const oldest = failures.keys().next().value
        if (oldest !== undefined) failures.delete(oldest)
      }
      failures.set(key, [...recent(key, now), now].slice(-maxFailures))
    },
    recordSuccess(key) {
      failures.delete(key)
    },
  }
}
