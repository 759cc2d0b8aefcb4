import type { Redis } from 'ioredis'
import type { Logger } from '../../lib/server/log/logger'
import type { Cluster } from './cluster'

/**
 * The socket caps (server/connection-limits.ts) counted across instances (REDIS_URL): one sorted
 * set per client address and one per participant, a member per socket place
 * (`<instance>:<n>`) scored by when it expires (Redis's own clock). Taking a place is one Lua
 * script (drop expired places, check both counts, add to both), so two instances cannot both
 * take the last place. Each instance renews the expiry of its places every third of the TTL;
 * a killed instance's places expire within the TTL, and its people may connect again.
 *
 * A Redis that restarted empty has forgotten every place: renewing writes them again (RENEW adds
 * the member), and it runs as soon as this connection is back rather than at the next tick, so
 * the caps are open only from the restart until the instances reconnect.
 */
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ttl = tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], now + ttl, ARGV[3])
redis.call('ZADD', KEYS[2], now + ttl, ARGV[3])
redis.call('PEXPIRE', KEYS[1], ttl)
redis.call('PEXPIRE', KEYS[2], ttl)
return 1
`

/** Renew one place (also written again after Redis restarted empty). */
const RENEW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ttl = tonumber(ARGV[2])
for i = 1, 2 do
  redis.call('ZADD', KEYS[i], now + ttl, ARGV[1])
  redis.call('PEXPIRE', KEYS[i], ttl)
end
return 1
`

interface Held {
  addressKey: string
  participantKey: string
}

export interface SharedPlace {
  release(): void
}

export class SharedSocketCaps {
  private readonly redis: Redis
  private readonly instance: string
  private readonly held = new Map<string, Held>()
  private readonly timer: NodeJS.Timeout
  private next = 0

  constructor(
    cluster: Cluster,
    private readonly logger: Logger,
    private readonly ttlMs: number,
  ) {
    this.redis = cluster.newConnection('socket caps')
    this.instance = cluster.instanceId.toString('hex')
    this.timer = setInterval(() => void this.renew(), Math.max(250, Math.floor(ttlMs / 3)))
    this.timer.unref()
    // Connected again (Redis restarted, perhaps empty): this instance's places at once.
    this.redis.on('ready', () => void this.renew())
  }

  /** A place under both caps across all instances, or null when either is full. Throws when Redis does not answer. */
  async take(address: string, participantId: string, caps: { perAddress: number; perParticipant: number }): Promise<SharedPlace | null> {
    const member = `${this.instance}:${this.next++}`
    const keys: Held = { addressKey: `kring:caps:address:${address}`, participantKey: `kring:caps:participant:${participantId}` }
    const taken = await this.redis.eval(TAKE, 2, keys.addressKey, keys.participantKey, caps.perAddress, caps.perParticipant, member, this.ttlMs)
    if (taken !== 1) return null
    this.held.set(member, keys)
    let released = false
    return {
      release: () => {
        if (released) return
        released = true
        this.held.delete(member)
        this.redis
          .multi()
          .zrem(keys.addressKey, member)
          .zrem(keys.participantKey, member)
          .exec()
          .catch((err: unknown) => this.logger.warn({ err }, 'socket caps: a place was not given back (it expires)'))
      },
    }
  }

  close(): void {
    clearInterval(this.timer)
  }

  private async renew(): Promise<void> {
    if (this.held.size === 0) return
    const pipeline = this.redis.pipeline()
    for (const [member, keys] of this.held) pipeline.eval(RENEW, 2, keys.addressKey, keys.participantKey, member, this.ttlMs)
    try {
      await pipeline.exec()
    } catch (err) {
      this.logger.warn({ err }, 'socket caps: places not renewed')
    }
  }
}
