import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import type { Logger } from '../../lib/server/log/logger'

type Handler = (message: Buffer) => void

/**
 * This instance's line to the others (REDIS_URL): one Redis connection to publish on and one
 * subscribed. Redis pub/sub, not streams: a message only needs to reach the instances that hold
 * the board now, and whatever one misses (Redis restarted, a connection dropped) is in the
 * database already (append before relay), where the instance reads it again after resubscribing
 * (onResubscribed). Streams would keep a second copy of every update in Redis to replay what the
 * database has anyway. One publishing and one subscribed connection for the boards and the live
 * events keeps their order: a phase change published before an update reaches every instance
 * before that update.
 */
export class Cluster {
  /** Tells this instance's messages from the others' (Redis delivers them to us too). */
  readonly instanceId: Buffer = randomBytes(8)
  private readonly handlers = new Map<string, Set<Handler>>()
  private readonly resubscribedListeners = new Set<() => void>()
  private readonly extra: Redis[] = []
  private readyOnce = false
  private closed = false

  private constructor(
    private readonly url: string,
    private readonly pub: Redis,
    private readonly sub: Redis,
    private readonly logger: Logger,
  ) {
    sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.deliver(channel.toString(), message))
    sub.on('ready', () => {
      if (!this.readyOnce) {
        this.readyOnce = true
        return
      }
      void this.resubscribe()
    })
  }

  /** Connect both connections (resolves when Redis answers; throws if it cannot be reached at start). */
  static async connect(url: string, logger: Logger): Promise<Cluster> {
    const log = logger.child({ component: 'scale-out' })
    const pub = connection(url, log, 'publish')
    const sub = connection(url, log, 'subscribe')
    const cluster = new Cluster(url, pub, sub, log)
    try {
      await Promise.all([pub.connect(), sub.connect()])
    } catch (err) {
      pub.disconnect()
      sub.disconnect()
      throw err
    }
    cluster.readyOnce = true
    log.info('connected to Redis')
    return cluster
  }

  /** Both connections are up (for readiness: server/readiness.ts). */
  get connected(): boolean {
    return !this.closed && this.pub.status === 'ready' && this.sub.status === 'ready'
  }

  /** Fire and forget: the receivers' truth is the database; Redis only saves them a read. */
  publish(channel: string, message: Buffer): void {
    if (this.closed) return
    this.pub.publish(channel, message).catch((err: unknown) => this.logger.warn({ err, channel: channelKind(channel) }, 'publish failed'))
  }

  /** Deliver the channel's messages to `handler` (including this instance's own; filter by instanceId). */
  async subscribe(channel: string, handler: Handler): Promise<() => void> {
    let set = this.handlers.get(channel)
    if (!set) {
      set = new Set()
      this.handlers.set(channel, set)
    }
    set.add(handler)
    if (set.size === 1) await this.sub.subscribe(channel)
    return () => {
      const current = this.handlers.get(channel)
      if (!current?.delete(handler) || current.size > 0) return
      this.handlers.delete(channel)
      if (!this.closed) this.sub.unsubscribe(channel).catch(() => {})
    }
  }

  /** Called after a lost connection to Redis is back and every channel is subscribed again. */
  onResubscribed(listener: () => void): () => void {
    this.resubscribedListeners.add(listener)
    return () => this.resubscribedListeners.delete(listener)
  }

  /** Another connection to the same Redis (socket.io's adapter, the rate limiters), closed with the cluster. */
  newConnection(purpose: string): Redis {
    const redis = connection(this.url, this.logger, purpose)
    void redis.connect().catch((err: unknown) => this.logger.warn({ err, purpose }, 'Redis connection failed'))
    this.extra.push(redis)
    return redis
  }

  async close(): Promise<void> {
    this.closed = true
    this.handlers.clear()
    await Promise.all([this.pub, this.sub, ...this.extra].map((r) => r.quit().catch(() => r.disconnect())))
  }

  private deliver(channel: string, message: Buffer): void {
    for (const handler of this.handlers.get(channel) ?? []) {
      try {
        handler(message)
      } catch (err) {
        this.logger.error({ err, channel: channelKind(channel) }, 'cluster message handler failed')
      }
    }
  }

  private async resubscribe(): Promise<void> {
    const channels = [...this.handlers.keys()]
    try {
      // ioredis resubscribes by itself; subscribing again here means "confirmed" when this resolves.
      if (channels.length > 0) await this.sub.subscribe(...channels)
    } catch (err) {
      this.logger.warn({ err }, 'resubscribing failed')
      return
    }
    this.logger.info({ channels: channels.length }, 'Redis is back: channels subscribed again')
    for (const listener of this.resubscribedListeners) listener()
  }
}

function connection(url: string, logger: Logger, purpose: string): Redis {
  const redis = new Redis(url, {
    lazyConnect: true,
    // Keep trying for as long as Redis is away (a restart); the database carries the truth meanwhile.
    retryStrategy: (times) => Math.min(50 * times, 1_000),
    maxRetriesPerRequest: 2,
  })
  let down = false
  redis.on('error', (err: Error) => {
    if (!down) logger.warn({ purpose, error: err.message }, 'Redis connection error')
    down = true
  })
  redis.on('ready', () => {
    if (down) logger.info({ purpose }, 'Redis connection back')
    down = false
  })
  return redis
}

/** The kind of a channel for logs (never a conference id). */
function channelKind(channel: string): string {
  return channel.split(':').slice(0, 2).join(':')
}
