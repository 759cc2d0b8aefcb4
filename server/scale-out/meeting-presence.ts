import type { Redis } from 'ioredis'
import { z } from 'zod'
import { Device } from '../../lib/conference/model'
import type { Logger } from '../../lib/server/log/logger'
import type { Cluster } from './cluster'

/**
 * The meeting plane's presence across instances (REDIS_URL): which sockets every instance holds in
 * each conference, in the meeting (`roster`) or waiting in the lobby (`lobby`). Ephemeral, so it
 * lives in Redis, not the database: one hash per conference and kind, a field per socket
 * (`<instance>/<socketId>`), written by the instance that holds the socket. Each instance keeps
 * its own heartbeat key alive (`kring:instance:<id>`, PX ttlMs, renewed every beatMs); a field
 * whose instance has no heartbeat is dead (the instance was killed) and is dropped when read, and
 * an instance that saw another's sockets notices the heartbeat is gone within ttlMs + 2 × beatMs
 * (missing at two checks in a row, so a Redis restart is not taken for a death) and tells its desks
 * to read again. This instance's own sockets are kept in memory as well (the
 * desks' truth for them), and written again after Redis came back empty.
 *
 * Whoever was in a meeting on an instance that died has left, even when nobody else in that
 * conference is connected anywhere to notice: every instance is listed in `kring:meeting:instances`
 * with the conferences it holds roster sockets in (`kring:meeting:held:<id>`), and every live
 * instance sweeps the dead ones' conferences (whether it serves them or not). The field's HDEL and
 * a SET NX per dead instance, conference and person hand each such person to exactly one
 * instance (`onLeft`), whichever instance or roster read finds them first.
 *
 * What changed is announced on `kring:meeting` (ids and a topic only), so the other instances
 * re-read at once instead of polling.
 */
export type PresenceKind = 'roster' | 'lobby'

/** What other instances need of a socket: whose it is, how they joined, since when. */
export const SharedSocket = z.object({
  participantId: z.string().min(1).max(64),
  device: Device,
  /** When the socket arrived (ms): the newest connection decides the device shown. */
  at: z.number().int().nonnegative(),
  /** In the lobby: when this person began waiting (ISO). */
  since: z.string().max(40).optional(),
})
export type SharedSocket = z.infer<typeof SharedSocket>

export interface RemoteSocket extends SharedSocket {
  instance: string
  socketId: string
}

/**
 * What may change on another instance and must be read again here. `departed`: an instance
 * stopped answering, so whatever its people held (a raised hand) is checked against who is left.
 * `restored` (this instance only): Redis came back, perhaps empty; what this instance holds is
 * written again.
 */
export const MEETING_TOPICS = ['roster', 'lobby', 'hands', 'timer', 'departed', 'restored'] as const
export type MeetingTopic = (typeof MEETING_TOPICS)[number]

const CHANNEL = 'kring:meeting'
/** Every instance that may hold meeting sockets (removed on a clean shutdown, or by the sweep after it died). */
const INSTANCES_KEY = 'kring:meeting:instances'
const MAX_ANNOUNCEMENT_BYTES = 512
const MAX_ENTRY_BYTES = 512
/** A conference's hash outlives no meeting by much: gone a day after its last write. */
const HASH_TTL_MS = 24 * 60 * 60 * 1000

const Announcement = z.object({
  origin: z.string().max(32),
  conferenceId: z.string().min(1).max(64),
  topic: z.enum(MEETING_TOPICS),
})

export interface MeetingPresenceOptions {
  /** How long an instance counts as alive after its last heartbeat. */
  ttlMs?: number
  /** How often an instance renews its heartbeat and checks the others'. */
  beatMs?: number
}

type Listener = (conferenceId: string, topic: MeetingTopic) => void
type LeftListener = (conferenceId: string, participantId: string) => void

export class MeetingPresence {
  readonly instance: string
  private readonly ttlMs: number
  private readonly beatMs: number
  private readonly listeners = new Set<Listener>()
  private readonly leftListeners = new Set<LeftListener>()
  /** This instance's own fields, by hash key, to write again after Redis lost them. */
  private readonly mine = new Map<string, Map<string, string>>()
  /** Other instances seen holding sockets, and in which conferences (to tell when they die). */
  private readonly seen = new Map<string, Set<string>>()
  /** Instances whose heartbeat was missing at the last check: gone if it is still missing at the next. */
  private readonly missing = new Set<string>()
  /** Listed instances whose heartbeat was missing at the last sweep (the same two-checks rule). */
  private readonly unanswered = new Set<string>()
  private timer: NodeJS.Timeout | null = null
  private unsubscribe: () => void = () => {}
  private offResubscribed: () => void = () => {}
  private closed = false

  private constructor(
    private readonly cluster: Cluster,
    private readonly redis: Redis,
    private readonly logger: Logger,
    options: MeetingPresenceOptions,
  ) {
    this.instance = cluster.instanceId.toString('hex')
    this.ttlMs = options.ttlMs ?? 6_000
    this.beatMs = options.beatMs ?? Math.max(250, Math.floor(this.ttlMs / 3))
  }

  /** Alive (first heartbeat written) and listening before it returns. */
  static async start(cluster: Cluster, logger: Logger, options: MeetingPresenceOptions = {}): Promise<MeetingPresence> {
    const presence = new MeetingPresence(cluster, cluster.newConnection('meeting presence'), logger.child({ component: 'scale-out' }), options)
    await presence.beat()
    presence.unsubscribe = await cluster.subscribe(CHANNEL, (message) => presence.onMessage(message))
    presence.offResubscribed = cluster.onResubscribed(() => void presence.restore())
    presence.timer = setInterval(() => void presence.tick(), presence.beatMs)
    presence.timer.unref()
    return presence
  }

  /** Record (or update) one of this instance's sockets. */
  async put(kind: PresenceKind, conferenceId: string, socketId: string, entry: SharedSocket): Promise<void> {
    const key = hashKey(kind, conferenceId)
    const field = `${this.instance}/${socketId}`
    const value = JSON.stringify(SharedSocket.parse(entry))
    let fields = this.mine.get(key)
    if (!fields) this.mine.set(key, (fields = new Map()))
    fields.set(field, value)
    await this.run('presence write', async () => {
      const write = this.redis.multi().hset(key, field, value).pexpire(key, HASH_TTL_MS)
      // Where to look for this instance's people if it dies (the sweep).
      if (kind === 'roster') write.sadd(heldKey(this.instance), conferenceId).pexpire(heldKey(this.instance), HASH_TTL_MS)
      await write.exec()
    })
  }

  /** Forget one of this instance's sockets. */
  async drop(kind: PresenceKind, conferenceId: string, socketId: string): Promise<void> {
    const key = hashKey(kind, conferenceId)
    const field = `${this.instance}/${socketId}`
    const fields = this.mine.get(key)
    if (!fields?.delete(field)) return
    const last = fields.size === 0
    if (last) this.mine.delete(key)
    await this.run('presence delete', async () => {
      const removal = this.redis.multi().hdel(key, field)
      if (last && kind === 'roster') removal.srem(heldKey(this.instance), conferenceId)
      await removal.exec()
    })
  }

  /** The sockets other live instances hold in this conference (this instance's own are not included). */
  async others(kind: PresenceKind, conferenceId: string): Promise<RemoteSocket[]> {
    return (await this.read(kind, conferenceId)).sockets
  }

  /**
   * The roster's sockets on other live instances, and the people whose sockets this call found
   * left behind by an instance that died: each such person is handed to exactly one instance
   * (the one whose HDEL removed the field, then a SET NX per dead instance and person), so the
   * roster audits their leaving once however many instances read at the same moment.
   */
  async rosterOthers(conferenceId: string): Promise<{ sockets: RemoteSocket[]; departed: string[] }> {
    return this.read('roster', conferenceId)
  }

  private async read(kind: PresenceKind, conferenceId: string): Promise<{ sockets: RemoteSocket[]; departed: string[] }> {
    const key = hashKey(kind, conferenceId)
    const all = await this.redis.hgetall(key)
    const byInstance = new Map<string, RemoteSocket[]>()
    for (const [field, value] of Object.entries(all)) {
      const slash = field.indexOf('/')
      const instance = field.slice(0, slash)
      if (slash <= 0 || instance === this.instance) continue
      const entry = parseEntry(value)
      if (!entry) continue
      const list = byInstance.get(instance) ?? []
      list.push({ ...entry, instance, socketId: field.slice(slash + 1) })
      byInstance.set(instance, list)
    }
    if (byInstance.size === 0) return { sockets: [], departed: [] }
    const instances = [...byInstance.keys()]
    const alive = await this.redis.mget(...instances.map(instanceKey))
    const result: RemoteSocket[] = []
    const dead: RemoteSocket[] = []
    instances.forEach((instance, i) => {
      const sockets = byInstance.get(instance) ?? []
      if (alive[i] === null) {
        dead.push(...sockets)
        return
      }
      let conferences = this.seen.get(instance)
      if (!conferences) this.seen.set(instance, (conferences = new Set()))
      conferences.add(conferenceId)
      result.push(...sockets)
    })
    // Left behind by an instance that died: nobody else will remove them.
    const departed = dead.length > 0 ? await this.removeDead(kind, key, conferenceId, dead) : []
    return { sockets: result, departed }
  }

  /** Remove dead instances' fields; the roster's people whose fields this instance removed, claimed once each. */
  private async removeDead(kind: PresenceKind, key: string, conferenceId: string, dead: RemoteSocket[]): Promise<string[]> {
    const removal = this.redis.multi()
    for (const s of dead) removal.hdel(key, `${s.instance}/${s.socketId}`)
    const removed = (await removal.exec()) ?? []
    // Waiting in the lobby is not taking part: nobody to audit (and the roster's claim stays free).
    if (kind !== 'roster') return []
    const mine = new Map<string, RemoteSocket>()
    dead.forEach((s, i) => {
      if (removed[i]?.[1] === 1) mine.set(`${s.instance}/${s.participantId}`, s)
    })
    if (mine.size === 0) return []
    const claim = this.redis.multi()
    for (const s of mine.values()) claim.set(departedKey(s.instance, conferenceId, s.participantId), '1', 'PX', HASH_TTL_MS, 'NX')
    const claimed = (await claim.exec()) ?? []
    return [...mine.values()].filter((_, i) => claimed[i]?.[1] === 'OK').map((s) => s.participantId)
  }

  /** Tell the other instances that `topic` changed in this conference. */
  announce(conferenceId: string, topic: MeetingTopic): void {
    this.cluster.publish(CHANNEL, Buffer.from(JSON.stringify({ origin: this.instance, conferenceId, topic })))
  }

  /** Changes made on other instances (and their death), for the desks to read again. */
  onChanged(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * People found by this instance's sweep of a dead instance, in a conference where they are not
   * connected on any live instance now: they left. Each is handed to one instance only.
   */
  onLeft(listener: LeftListener): () => void {
    this.leftListeners.add(listener)
    return () => this.leftListeners.delete(listener)
  }

  /** Stop the heartbeat and take this instance's sockets out (a clean shutdown; kill -9 leaves it to the TTL). */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    if (this.timer) clearInterval(this.timer)
    this.unsubscribe()
    this.offResubscribed()
    const conferences = new Set<string>()
    await this.run('presence shutdown', async () => {
      const multi = this.redis.multi().del(instanceKey(this.instance)).srem(INSTANCES_KEY, this.instance).del(heldKey(this.instance))
      for (const [key, fields] of this.mine) {
        multi.hdel(key, ...fields.keys())
        conferences.add(conferenceOfKey(key))
      }
      await multi.exec()
    })
    for (const conferenceId of conferences) {
      this.announce(conferenceId, 'roster')
      this.announce(conferenceId, 'lobby')
    }
    this.mine.clear()
  }

  /** Alive, and listed; true when this instance was not listed (just started, Redis emptied, or taken for dead). */
  private async beat(): Promise<boolean> {
    const [, listed] = (await this.redis.multi().set(instanceKey(this.instance), '1', 'PX', this.ttlMs).sadd(INSTANCES_KEY, this.instance).exec()) ?? []
    return listed?.[1] === 1
  }

  /** Renew the heartbeat; tell the desks of conferences where an instance seen before is gone. */
  private async tick(): Promise<void> {
    if (this.closed) return
    let unlisted = false
    await this.run('heartbeat', async () => {
      unlisted = await this.beat()
    })
    // Unlisted (Redis emptied, or swept while this process stood still longer than the TTL): its people are written back.
    if (unlisted) void this.restore()
    await this.run('sweep of dead instances', () => this.sweep())
    const instances = [...this.seen.keys()]
    if (instances.length === 0) return
    await this.run('heartbeat check', async () => {
      const alive = await this.redis.mget(...instances.map(instanceKey))
      instances.forEach((instance, i) => {
        if (alive[i] !== null) {
          this.missing.delete(instance)
          return
        }
        // Twice in a row: a Redis that just restarted (every heartbeat gone for a moment) is not a death.
        if (!this.missing.has(instance)) {
          this.missing.add(instance)
          return
        }
        this.missing.delete(instance)
        const conferences = this.seen.get(instance) ?? new Set<string>()
        this.seen.delete(instance)
        this.logger.info({ conferences: conferences.size }, 'another instance stopped answering: its meeting sockets are dropped')
        for (const conferenceId of conferences) {
          this.emit(conferenceId, 'roster')
          this.emit(conferenceId, 'lobby')
          this.emit(conferenceId, 'departed')
        }
      })
    })
  }

  /**
   * Every listed instance without a heartbeat at two checks in a row is dead: go through the
   * conferences it held people in, drop its fields and hand on who left, then unlist it. Several
   * instances may sweep the same dead one at once; the claims in `read` keep each person once.
   */
  private async sweep(): Promise<void> {
    const listed = (await this.redis.smembers(INSTANCES_KEY)).filter((instance) => instance !== this.instance)
    if (listed.length === 0) {
      this.unanswered.clear()
      return
    }
    const alive = await this.redis.mget(...listed.map(instanceKey))
    const dead: string[] = []
    listed.forEach((instance, i) => {
      if (alive[i] !== null) this.unanswered.delete(instance)
      else if (this.unanswered.has(instance)) dead.push(instance)
      else this.unanswered.add(instance)
    })
    for (const instance of dead) {
      if (this.closed) return
      for (const conferenceId of await this.redis.smembers(heldKey(instance))) await this.sweepConference(conferenceId)
      await this.redis.multi().srem(INSTANCES_KEY, instance).del(heldKey(instance)).exec()
      this.unanswered.delete(instance)
    }
  }

  /** Drop what dead instances left in this conference's roster; whoever is connected nowhere now has left. */
  private async sweepConference(conferenceId: string): Promise<void> {
    const { sockets, departed } = await this.read('roster', conferenceId)
    if (departed.length === 0) return
    const connected = new Set(sockets.map((s) => s.participantId))
    for (const value of this.mine.get(hashKey('roster', conferenceId))?.values() ?? []) {
      const entry = parseEntry(value)
      if (entry) connected.add(entry.participantId)
    }
    for (const participantId of new Set(departed)) {
      if (connected.has(participantId)) continue
      for (const listener of this.leftListeners) {
        try {
          listener(conferenceId, participantId)
        } catch (err) {
          this.logger.error({ err }, 'meeting presence: a departure listener failed')
        }
      }
    }
    // A roster shown here may still list them.
    this.emit(conferenceId, 'roster')
  }

  /** Redis came back (perhaps empty): alive first, then this instance's sockets again, then tell. */
  private async restore(): Promise<void> {
    if (this.closed) return
    await this.run('presence restore', async () => {
      await this.beat()
      for (const [key, fields] of this.mine) {
        if (fields.size === 0) continue
        const write = this.redis.multi().hset(key, Object.fromEntries(fields)).pexpire(key, HASH_TTL_MS)
        if (key.startsWith(hashKey('roster', ''))) write.sadd(heldKey(this.instance), conferenceOfKey(key)).pexpire(heldKey(this.instance), HASH_TTL_MS)
        await write.exec()
      }
    })
    const conferences = new Set<string>()
    for (const key of this.mine.keys()) {
      conferences.add(conferenceOfKey(key))
      this.announce(conferenceOfKey(key), key.includes(':lobby:') ? 'lobby' : 'roster')
    }
    for (const conferenceId of conferences) this.emit(conferenceId, 'restored')
  }

  private onMessage(message: Buffer): void {
    if (message.length > MAX_ANNOUNCEMENT_BYTES) return
    let announcement: z.infer<typeof Announcement>
    try {
      announcement = Announcement.parse(JSON.parse(message.toString()))
    } catch {
      this.logger.warn('a meeting announcement from Redis could not be read; dropped')
      return
    }
    if (announcement.origin === this.instance) return
    this.emit(announcement.conferenceId, announcement.topic)
  }

  private emit(conferenceId: string, topic: MeetingTopic): void {
    for (const listener of this.listeners) {
      try {
        listener(conferenceId, topic)
      } catch (err) {
        this.logger.error({ err, topic }, 'meeting presence listener failed')
      }
    }
  }

  private async run(what: string, work: () => Promise<unknown>): Promise<void> {
    try {
      await work()
    } catch (err) {
      // Redis away: this instance's own sockets still work; the others see them again on restore.
      this.logger.warn({ err, what }, 'meeting presence: Redis did not answer')
    }
  }
}

function hashKey(kind: PresenceKind, conferenceId: string): string {
  return `kring:meeting:${kind}:${conferenceId}`
}

function conferenceOfKey(key: string): string {
  return key.split(':').slice(3).join(':')
}

/** Set by the one instance that takes over a dead instance's person in a conference (to audit their leaving once). */
function departedKey(instance: string, conferenceId: string, participantId: string): string {
  return `kring:meeting:departed:${instance}:${conferenceId}:${participantId}`
}

/** The conferences an instance holds roster sockets in: where the sweep looks once it died. */
function heldKey(instance: string): string {
  return `kring:meeting:held:${instance}`
}

function instanceKey(instance: string): string {
  return `kring:instance:${instance}`
}

function parseEntry(value: string): SharedSocket | null {
  if (value.length > MAX_ENTRY_BYTES) return null
  try {
    return SharedSocket.parse(JSON.parse(value))
  } catch {
    return null
  }
}
