/**
 * How fast one connection may write (issue 9, "one person's flood slows that person, not the
 * others"): two token buckets, writes per second and bytes per second. A write that finds a bucket
 * empty waits on its own connection's queue until the bucket has refilled enough; reading from that
 * socket pauses once its queue is long (connection.ts), so a flood is slowed at its source while
 * every other connection of the room goes on. Only a write that would wait longer than
 * `maxWaitMs` is refused (`rate-limited`): it costs more than the bucket refills in that time.
 */
export interface WritePaceLimits {
  writesPerSecond: number
  bytesPerSecond: number
  /** Longest a single write waits before it is refused instead. */
  maxWaitMs: number
}

export interface PaceClock {
  now(): number
}

/** A token bucket that may be owed: `take` answers how long the caller must wait for its tokens. */
export class TokenBucket {
  private tokens: number
  private updatedAt: number

  constructor(
    private readonly perSecond: number,
    private readonly capacity: number,
    private readonly clock: PaceClock,
  ) {
    this.tokens = capacity
    this.updatedAt = clock.now()
  }

  /** How long (ms) until `cost` tokens are there; 0 when they are now. Takes nothing. */
  waitFor(cost: number): number {
    this.refill()
    return this.tokens >= cost ? 0 : ((cost - this.tokens) / this.perSecond) * 1000
  }

  /** Take `cost` tokens (the bucket may go below zero: the caller waited `waitFor` first). */
  take(cost: number): void {
    this.refill()
    this.tokens -= cost
  }

  private refill(): void {
    const now = this.clock.now()
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updatedAt) / 1000) * this.perSecond)
    this.updatedAt = now
  }
}

export type PaceDecision = { wait: number } | { refused: true }

/** The writing pace of one connection. */
export class WritePace {
  private readonly writes: TokenBucket
  private readonly bytes: TokenBucket

  /** Bursts: two seconds of writes, and at least one largest message, so a reconnect's step 2 passes at once. */
  constructor(
    private readonly limits: WritePaceLimits,
    maxMessageBytes: number,
    clock: PaceClock = Date,
  ) {
    this.writes = new TokenBucket(limits.writesPerSecond, limits.writesPerSecond * 2, clock)
    this.bytes = new TokenBucket(limits.bytesPerSecond, Math.max(limits.bytesPerSecond * 2, maxMessageBytes), clock)
  }

  /** Reserve one write of `size` bytes: how long to wait before handling it, or refused. */
  reserve(size: number): PaceDecision {
    const wait = Math.max(this.writes.waitFor(1), this.bytes.waitFor(size))
    if (wait > this.limits.maxWaitMs) return { refused: true }
    this.writes.take(1)
    this.bytes.take(size)
    return { wait }
  }
}
