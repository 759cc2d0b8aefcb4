import type { Redis } from 'ioredis'
import type { HandQueue, RaisedHand } from '../../lib/conference/facilitation-hands'
import type { Cluster } from './cluster'

/** A queue of raised hands is short: a conference's table, not a crowd. */
const MAX_HANDS = 200
/** Hands go with the meeting; a key nobody touched for a day is gone. */
const QUEUE_TTL_MS = 24 * 60 * 60 * 1000

/**
 * The raised hands of each conference across instances (REDIS_URL): a sorted set per conference,
 * the participant id scored by when the hand went up, so raising is ZADD NX (a hand already up
 * keeps its place, whichever instance it was raised on) and the queue reads oldest first. Only
 * ids and times: who is who comes from the database. Ephemeral like the meeting itself, so Redis
 * and not the database.
 */
export class SharedHands {
  private readonly redis: Redis

  constructor(cluster: Cluster) {
    this.redis = cluster.newConnection('meeting hands')
  }

  async read(conferenceId: string): Promise<HandQueue> {
    const flat = await this.redis.zrange(key(conferenceId), 0, MAX_HANDS - 1, 'WITHSCORES')
    const queue: RaisedHand[] = []
    for (let i = 0; i + 1 < flat.length; i += 2) {
      const participantId = flat[i]!
      const at = Number(flat[i + 1])
      if (participantId.length === 0 || participantId.length > 64 || !Number.isFinite(at)) continue
      queue.push({ participantId, raisedAt: new Date(at).toISOString() })
    }
    return queue
  }

  /** Raise these hands (kept where they are if up already) and lower those. */
  async apply(conferenceId: string, raised: readonly RaisedHand[], lowered: readonly string[]): Promise<void> {
    if (raised.length === 0 && lowered.length === 0) return
    const k = key(conferenceId)
    const multi = this.redis.multi()
    for (const hand of raised) multi.zadd(k, 'NX', Date.parse(hand.raisedAt), hand.participantId)
    if (lowered.length > 0) multi.zrem(k, ...lowered)
    multi.pexpire(k, QUEUE_TTL_MS)
    await multi.exec()
  }

  /** Every hand down (everyone left the meeting). */
  async clear(conferenceId: string): Promise<void> {
    await this.redis.del(key(conferenceId))
  }
}

function key(conferenceId: string): string {
  return `kring:meeting:hands:${conferenceId}`
}
