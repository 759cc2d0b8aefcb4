import type { createAdapter } from '@socket.io/redis-adapter'
import type { KringConfig } from '../../lib/server/config/env'
import type { Db } from '../../lib/server/db/connect'
import type { Logger } from '../../lib/server/log/logger'
import { setDefaultRateLimitStore } from '../../lib/server/rate-limit/limiter'
import type { BoardRelays } from './board-relay'
import type { Cluster } from './cluster'
import { MeetingPresence } from './meeting-presence'
import { SharedSocketCaps } from './shared-caps'
import { SharedHands } from './shared-hands'
import { SharedLead } from './shared-lead'

// The Redis client and socket.io's Redis adapter (about 30 MB and half a second of start-up) are
// loaded only when REDIS_URL is set: a single instance never needs them.
const loadCluster = () => import('./cluster')
const loadBridge = () => import('./live-bridge')

/**
 * Several instances serving the same conferences (REDIS_URL, with PostgreSQL): what each
 * instance shares through Redis. Boards (BoardRelays), live events (bridgeLiveEvents),
 * socket.io's rooms (its Redis adapter), the meeting plane's presence (MeetingPresence: who is
 * connected where, the lobby, with heartbeats) and the rate limiters' counters.
 */
export interface ScaleOut {
  cluster: Cluster
  boards: BoardRelays
  /** Who is in each meeting and its lobby on every instance, and what changed there. */
  meeting: MeetingPresence
  /** The raised hands of every conference, whichever instance they went up on. */
  hands: SharedHands
  /** "Follow me" and the spotlight, led from a device on any instance. */
  lead: SharedLead
  /** The per-address and per-participant socket caps, counted over every instance. */
  caps: SharedSocketCaps
  /** socket.io's Redis adapter, for the meeting plane's `io.adapter(…)`. */
  socketAdapter(): ReturnType<typeof createAdapter>
  close(): Promise<void>
}

/** Connect to Redis when REDIS_URL is set; undefined for a single instance. */
export async function startScaleOut(config: KringConfig, db: Db, logger: Logger): Promise<ScaleOut | undefined> {
  if (!config.redisUrl) return undefined
  const [{ Cluster }, { bridgeLiveEvents }, { BoardRelays }, { createAdapter }] = await Promise.all([
    loadCluster(),
    loadBridge(),
    import('./board-relay'),
    import('@socket.io/redis-adapter'),
  ])
  const cluster = await Cluster.connect(config.redisUrl, logger)
  const bridge = await bridgeLiveEvents(cluster, logger)
  setDefaultRateLimitStore({ kind: 'redis', client: cluster.newConnection('rate-limits') })
  const boards = new BoardRelays(cluster, db, logger.child({ component: 'scale-out' }))
  const meeting = await MeetingPresence.start(cluster, logger, { ttlMs: config.meeting.presenceTtlMs })
  const lead = await SharedLead.start(cluster, logger)
  const caps = new SharedSocketCaps(cluster, logger.child({ component: 'scale-out' }), config.meeting.presenceTtlMs)
  return {
    cluster,
    boards,
    meeting,
    hands: new SharedHands(cluster),
    lead,
    caps,
    socketAdapter: () => createAdapter(cluster.newConnection('socket.io publish'), cluster.newConnection('socket.io subscribe')),
    async close() {
      await meeting.close()
      lead.close()
      caps.close()
      await bridge.stop()
      setDefaultRateLimitStore(undefined)
      await cluster.close()
    },
  }
}

/** For a process that only makes changes (the CLI): its live events reach the running instances. */
export async function publishLiveEventsOnly(config: KringConfig, logger: Logger): Promise<{ close(): Promise<void> } | undefined> {
  if (!config.redisUrl) return undefined
  const [{ Cluster }, { bridgeLiveEvents }] = await Promise.all([loadCluster(), loadBridge()])
  const cluster = await Cluster.connect(config.redisUrl, logger)
  const bridge = await bridgeLiveEvents(cluster, logger, { receive: false })
  return {
    async close() {
      await bridge.stop()
      await cluster.close()
    },
  }
}
