import { z } from 'zod'
import { getLiveEvents, type LiveEventMap } from '../../lib/server/conference/live-events'
import type { Logger } from '../../lib/server/log/logger'
import type { Cluster } from './cluster'

const CHANNEL = 'kring:live'
const MAX_EVENT_BYTES = 4 * 1024

/** Every live event, and what it carries (ids and a phase: nothing personal). */
const EVENTS = [
  'participant.revoked',
  'participant.invited',
  'conference.phase-changed',
  'conference.settings-changed',
  'participant.access-changed',
  'board.restored',
  'board.version-agreed',
  'conference.deleted',
] as const satisfies readonly (keyof LiveEventMap)[]

const Envelope = z.object({
  origin: z.string().max(32),
  event: z.enum(EVENTS),
  payload: z.record(z.string().max(64), z.union([z.string().max(200), z.number()])),
})

const REMOTE = Symbol.for('kring.live-event.remote')

/** Whether a live event came from another instance (its own instance already acted on it there). */
export function isRemoteEvent(payload: object): boolean {
  return (payload as Record<symbol, unknown>)[REMOTE] === true
}

/**
 * The live events (lib/server/conference/live-events.ts) of every instance reach every other at
 * once: an event emitted here is published on Redis, and one published elsewhere is emitted here
 * (marked remote, so it is not sent back out), where the same listeners act on it as on a local
 * one: the sync plane closes a connection that may no longer read (4403), the meeting plane
 * re-sends the access state, a revoked participant is disconnected. No polling needed.
 */
export async function bridgeLiveEvents(cluster: Cluster, logger: Logger, { receive = true } = {}): Promise<{ stop(): Promise<void> }> {
  const events = getLiveEvents()
  const self = cluster.instanceId.toString('hex')
  const publishers = EVENTS.map((event) => {
    const listener = (payload: object) => {
      if (isRemoteEvent(payload)) return
      cluster.publish(CHANNEL, Buffer.from(JSON.stringify({ origin: self, event, payload })))
    }
    events.on(event, listener as never)
    return () => events.off(event, listener as never)
  })

  const onMessage = (message: Buffer) => {
    if (message.length > MAX_EVENT_BYTES) return
    let envelope: z.infer<typeof Envelope>
    try {
      envelope = Envelope.parse(JSON.parse(message.toString()))
    } catch {
      logger.warn('a live event from Redis could not be read; dropped')
      return
    }
    if (envelope.origin === self) return
    const payload = Object.defineProperty({ ...envelope.payload }, REMOTE, { value: true })
    events.emit(envelope.event, payload as never)
  }
  // Resolves once Redis confirmed the subscription: from then on no event of another instance is missed.
  const unsubscribe = receive ? await cluster.subscribe(CHANNEL, onMessage) : () => {}

  return {
    async stop() {
      for (const off of publishers) off()
      unsubscribe()
    },
  }
}
