import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { consumeOrThrow, createLimiter, RateLimitedError } from '../../lib/server/rate-limit/limiter'
import { redisUnavailable, startRedis, type RunningRedis } from '../helpers/services'

/** With REDIS_URL the throttles count across instances: a guesser cannot spread attempts over them. */
const unavailable = redisUnavailable()
if (unavailable) console.warn(`scale-out rate-limit tests skipped: ${unavailable}`)

describe.skipIf(unavailable !== null)('rate limits shared by several instances', () => {
  let redis: RunningRedis
  const connections: Redis[] = []
  beforeAll(async () => {
    redis = await startRedis()
  })
  afterAll(async () => {
    for (const c of connections) c.disconnect()
    await redis?.stop()
  })

  it('counts one key once over two instances, each with its own connection', async () => {
    const name = `join-${Date.now()}`
    const instance = () => {
      const client = new Redis(redis.url)
      connections.push(client)
      return createLimiter({ kind: 'redis', client }, { name, points: 4, durationSeconds: 60 })
    }
    const [a, b] = [instance(), instance()]
    const key = 'address 203.0.113.9'
    await consumeOrThrow(a, key)
    await consumeOrThrow(b, key)
    await consumeOrThrow(a, key)
    await consumeOrThrow(b, key)
    await expect(consumeOrThrow(a, key)).rejects.toBeInstanceOf(RateLimitedError)
    await expect(consumeOrThrow(b, key)).rejects.toBeInstanceOf(RateLimitedError)
    // Another address is not held up.
    await consumeOrThrow(b, 'address 198.51.100.1')
  })
})
