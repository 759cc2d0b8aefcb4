import type { Redis } from 'ioredis'
import { z } from 'zod'
import type { Logger } from '../../lib/server/log/logger'
import { PageBox } from '../../lib/protocol/facilitation'
import type { Cluster } from './cluster'

const CHANNEL = 'kring:meeting:lead'
const MAX_MESSAGE_BYTES = 1024
/** Gone a day after the last change, like the meeting it belonged to. */
const STATE_TTL_MS = 24 * 60 * 60 * 1000

const ParticipantId = z.string().min(1).max(64)

/** Who leads "follow me" and where their view is; null when nobody leads. */
export const SharedFollow = z.object({ leader: ParticipantId, viewport: PageBox }).nullable()
export type SharedFollow = z.infer<typeof SharedFollow>

/** The spotlighted region and who lit it; null when off. */
export const SharedSpotlight = z.object({ region: PageBox, setBy: ParticipantId }).nullable()
export type SharedSpotlight = z.infer<typeof SharedSpotlight>

const Message = z.union([
  z.strictObject({ origin: z.string().max(32), conferenceId: z.string().min(1).max(64), follow: SharedFollow }),
  z.strictObject({ origin: z.string().max(32), conferenceId: z.string().min(1).max(64), spotlight: SharedSpotlight }),
])

export type LeadChange = { follow: SharedFollow } | { spotlight: SharedSpotlight }
type Listener = (conferenceId: string, change: LeadChange) => void

/**
 * "Follow me" and the spotlight across instances (REDIS_URL). The leading device is on one
 * instance; its viewport (at most 10 a second, paced there) and the spotlight are published to
 * the others, which tell their own people who read the board, and kept in a hash per conference
 * so an instance that gets its first person later starts where the leader is. Ids and page
 * coordinates only.
 */
export class SharedLead {
  private readonly redis: Redis
  private readonly listeners = new Set<Listener>()
  private readonly self: string
  private unsubscribe: () => void = () => {}

  private constructor(
    private readonly cluster: Cluster,
    private readonly logger: Logger,
  ) {
    this.redis = cluster.newConnection('meeting lead')
    this.self = cluster.instanceId.toString('hex')
  }

  static async start(cluster: Cluster, logger: Logger): Promise<SharedLead> {
    const lead = new SharedLead(cluster, logger.child({ component: 'scale-out' }))
    lead.unsubscribe = await cluster.subscribe(CHANNEL, (message) => lead.onMessage(message))
    return lead
  }

  /** Tell the other instances, and keep it for their late joiners. */
  publish(conferenceId: string, change: LeadChange): void {
    const field = 'follow' in change ? 'follow' : 'spotlight'
    const value = JSON.stringify('follow' in change ? change.follow : change.spotlight)
    this.cluster.publish(CHANNEL, Buffer.from(JSON.stringify({ origin: this.self, conferenceId, ...change })))
    this.redis
      .multi()
      .hset(key(conferenceId), field, value)
      .pexpire(key(conferenceId), STATE_TTL_MS)
      .exec()
      .catch((err: unknown) => this.logger.warn({ err }, 'follow or spotlight not kept in Redis'))
  }

  /** What leads now (for an instance whose first person just arrived). */
  async read(conferenceId: string): Promise<{ follow: SharedFollow; spotlight: SharedSpotlight }> {
    const [follow, spotlight] = await this.redis.hmget(key(conferenceId), 'follow', 'spotlight')
    return { follow: parse(SharedFollow, follow ?? null), spotlight: parse(SharedSpotlight, spotlight ?? null) }
  }

  onChanged(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  close(): void {
    this.unsubscribe()
    this.listeners.clear()
  }

  private onMessage(message: Buffer): void {
    if (message.length > MAX_MESSAGE_BYTES) return
    let parsed: z.infer<typeof Message>
    try {
      parsed = Message.parse(JSON.parse(message.toString()))
    } catch {
      this.logger.warn('a follow or spotlight message from Redis could not be read; dropped')
      return
    }
    if (parsed.origin === this.self) return
    const change: LeadChange = 'follow' in parsed ? { follow: parsed.follow } : { spotlight: parsed.spotlight }
    for (const listener of this.listeners) listener(parsed.conferenceId, change)
  }
}

function key(conferenceId: string): string {
  return `kring:meeting:lead:${conferenceId}`
}

function parse<T>(schema: z.ZodType<T>, value: string | null): T | null {
  if (value === null || value.length > MAX_MESSAGE_BYTES) return null
  try {
    return schema.parse(JSON.parse(value))
  } catch {
    return null
  }
}
