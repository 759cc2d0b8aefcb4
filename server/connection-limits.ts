import type { IncomingMessage } from 'node:http'
import type { TrustProxy } from '../lib/server/config/env'
import { clientAddressOf, limitKeyOfAddress } from '../lib/server/http/client-address'
import { CloseCode } from '../lib/protocol/close-codes'
import type { MeetingSocket } from './meeting/types'
import type { SharedSocketCaps } from './scale-out/shared-caps'
import type { Logger } from '../lib/server/log/logger'

/**
 * Caps on simultaneous sockets, sync and meeting counted together: per client address (so one
 * machine cannot hold thousands of sockets open) and per participant (so one stolen ticket
 * cannot either). A place is taken when a socket is let in and given back when it closes; the
 * caller hands back exactly once through the Place it got.
 */
export interface SocketCaps {
  perAddress: number
  perParticipant: number
}

export interface Place {
  /** Give the place back; calling it again does nothing. */
  release(): void
}

export const TOO_MANY_CONNECTIONS = { code: CloseCode.TooManyConnections, reason: 'too many connections' } as const

export class ConnectionLimits {
  private readonly byAddress = new Map<string, number>()
  private readonly byParticipant = new Map<string, number>()

  constructor(
    private readonly caps: SocketCaps,
    private readonly trustProxy: TrustProxy,
    /** Several instances (REDIS_URL): the caps count every instance's sockets. */
    private readonly shared?: { caps: SharedSocketCaps; logger: Logger },
  ) {}

  /** Whether places are counted across instances (then take them with `takeAnywhere`). */
  get isShared(): boolean {
    return this.shared !== undefined
  }

  /**
   * A place counted across every instance (REDIS_URL), or null when either cap is full there.
   * When Redis does not answer, this instance's own count decides (each instance still caps).
   * With one instance, the same as `take`.
   */
  async takeAnywhere(address: string, participantId: string): Promise<Place | null> {
    if (!this.shared) return this.take(address, participantId)
    try {
      return await this.shared.caps.take(address, participantId, this.caps)
    } catch (err) {
      this.shared.logger.warn({ err }, 'socket caps: Redis did not answer; counted on this instance')
      return this.take(address, participantId)
    }
  }

  /** The address key a socket's handshake request counts against. */
  addressOf(req: Pick<IncomingMessage, 'headers' | 'socket'>): string {
    return limitKeyOfAddress(clientAddressOf(req, this.trustProxy))
  }

  /** A place for one more socket of this address and participant, or null when either is full. */
  take(address: string, participantId: string): Place | null {
    if ((this.byAddress.get(address) ?? 0) >= this.caps.perAddress) return null
    if ((this.byParticipant.get(participantId) ?? 0) >= this.caps.perParticipant) return null
    increment(this.byAddress, address)
    increment(this.byParticipant, participantId)
    let held = true
    return {
      release: () => {
        if (!held) return
        held = false
        decrement(this.byAddress, address)
        decrement(this.byParticipant, participantId)
      },
    }
  }

  /** Sockets currently counted for an address key (tests, diagnostics). */
  countForAddress(address: string): number {
    return this.byAddress.get(address) ?? 0
  }
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1)
}

function decrement(counts: Map<string, number>, key: string): void {
  const left = (counts.get(key) ?? 0) - 1
  if (left > 0) counts.set(key, left)
  else counts.delete(key)
}

/** Socket caps from the config, one instance shared by the sync and meeting planes (and, with REDIS_URL, by every instance). */
export function connectionLimitsFor(
  config: { socketLimits: SocketCaps; trustProxy: TrustProxy },
  shared?: { caps: SharedSocketCaps; logger: Logger },
): ConnectionLimits {
  return new ConnectionLimits(config.socketLimits, config.trustProxy, shared)
}

/**
 * socket.io middleware, after the handshake's authentication: refuse a socket over either cap
 * with 4429 in `connect_error` (the client backs off and tries again), else hold its place until
 * it disconnects or its connection closes, whichever comes first.
 */
export function limitMeetingSockets(limits: ConnectionLimits) {
  return (socket: MeetingSocket, next: (err?: Error) => void): void => {
    const address = limits.addressOf(socket.request)
    if (!limits.isShared) return admitUnder(socket, limits.take(address, socket.data.participantId), next)
    void limits.takeAnywhere(address, socket.data.participantId).then((place) => admitUnder(socket, place, next))
  }
}

function admitUnder(socket: MeetingSocket, place: Place | null, next: (err?: Error) => void): void {
  if (!place) {
    const { code, reason } = TOO_MANY_CONNECTIONS
    return next(Object.assign(new Error(reason), { data: { code, reason } }))
  }
  socket.once('disconnect', place.release)
  socket.conn.once('close', place.release)
  // Closed while authenticating (or while the place was taken in Redis): socket.io drops the socket without a `disconnect`.
  if (socket.conn.readyState === 'closed') place.release()
  next()
}
