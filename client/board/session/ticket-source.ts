import { ApiCallError, callApi } from '@/client/web/api-client'
import { TicketResponse } from '@/lib/protocol/api'

/**
 * Why the board may not talk to the server any more:
 * - `withdrawn`: the invitation was revoked (or belongs elsewhere): 403 from the ticket route, 4403 on a socket;
 * - `removed`: the facilitator took this person out of the meeting (4403 `removed`);
 * - `declined`: the facilitator did not let this person in from the lobby (4403 `declined`);
 * - `signed-out`: no credential left (session or invitation cookie gone): 401;
 * - `not-found`: the conference no longer exists.
 * Waiting (private family time, the lobby) is not a loss: see meeting/access-place.ts.
 */
export type AccessLoss = 'withdrawn' | 'removed' | 'declined' | 'signed-out' | 'not-found'

export class AccessLostError extends Error {
  constructor(readonly loss: AccessLoss) {
    super(`board access lost: ${loss}`)
    this.name = 'AccessLostError'
  }
}

export interface TicketSource {
  /** The latest ticket (possibly close to expiry). */
  current(): string
  /** A ticket that is still valid for a while: the current one, or a fresh one. */
  fresh(): Promise<string>
  /** Ask the server for a new ticket now (one request at a time). Rejects with AccessLostError when access is gone. */
  refresh(): Promise<string>
  /** Called with every new ticket. */
  onTicket(listener: (ticket: string) => void): () => void
  dispose(): void
}

export interface TicketSourceOptions {
  initialTicket: string
  ticketUrl: string
  ttlSeconds: number
  onAccessLost(loss: AccessLoss): void
}

// Renew when this share of the lifetime is used up; a failed renewal is retried after RETRY_MS.
const RENEW_AT = 0.7
const RETRY_MS = 15_000
// A ticket this close to expiry is not handed out for a new connection.
const MIN_REMAINING_MS = 10_000

/**
 * The short-lived tickets both sockets use. Renews ahead of expiry, and again when the page comes
 * back to the foreground or online (timers sleep on a locked phone), so a reconnect always has a
 * valid ticket. Access loss is reported once and ends all renewals.
 */
export function createTicketSource(options: TicketSourceOptions): TicketSource {
  let ticket = options.initialTicket
  let expiresAt = Date.now() + options.ttlSeconds * 1000
  let lifetimeMs = options.ttlSeconds * 1000
  let inFlight: Promise<string> | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  let lost: AccessLoss | null = null
  let disposed = false
  const listeners = new Set<(ticket: string) => void>()

  const schedule = (delayMs: number) => {
    if (timer) clearTimeout(timer)
    if (disposed || lost) return
    timer = setTimeout(() => {
      timer = null
      refresh().catch(() => {
        // Reported through onAccessLost, or retried below.
      })
    }, Math.max(1_000, delayMs))
  }

  const refresh = (): Promise<string> => {
    if (lost) return Promise.reject(new AccessLostError(lost))
    if (inFlight) return inFlight
    inFlight = callApi('POST', options.ticketUrl, TicketResponse)
      .then((response) => {
        ticket = response.ticket
        const parsedExpiry = Date.parse(response.expiresAt)
        expiresAt = Number.isFinite(parsedExpiry) ? parsedExpiry : Date.now() + lifetimeMs
        lifetimeMs = Math.max(MIN_REMAINING_MS, expiresAt - Date.now())
        for (const listener of [...listeners]) listener(ticket)
        schedule(lifetimeMs * RENEW_AT)
        return ticket
      })
      .catch((error: unknown) => {
        const loss = lossOf(error)
        if (loss && !lost && !disposed) {
          lost = loss
          if (timer) clearTimeout(timer)
          options.onAccessLost(loss)
        }
        if (loss) throw new AccessLostError(loss)
        schedule(RETRY_MS)
        throw error
      })
      .finally(() => {
        inFlight = null
      })
    return inFlight
  }

  const renewIfStale = () => {
    if (document.visibilityState === 'hidden' || lost) return
    if (expiresAt - Date.now() < lifetimeMs * (1 - RENEW_AT)) refresh().catch(() => {})
  }
  window.addEventListener('online', renewIfStale)
  document.addEventListener('visibilitychange', renewIfStale)
  schedule(lifetimeMs * RENEW_AT)

  return {
    current: () => ticket,
    fresh: () => (expiresAt - Date.now() > MIN_REMAINING_MS ? Promise.resolve(ticket) : refresh()),
    refresh,
    onTicket(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    dispose() {
      disposed = true
      if (timer) clearTimeout(timer)
      listeners.clear()
      window.removeEventListener('online', renewIfStale)
      document.removeEventListener('visibilitychange', renewIfStale)
    },
  }
}

function lossOf(error: unknown): AccessLoss | null {
  if (!(error instanceof ApiCallError)) return null
  if (error.code === 'forbidden') return 'withdrawn'
  if (error.code === 'unauthenticated') return 'signed-out'
  if (error.code === 'not_found') return 'not-found'
  return null
}
