import { createHmac, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'

/**
 * A ticket is a short-lived, signed pass to one conference for one participant. The browser
 * gets one from the app (after sign-in or after opening an invitation) and hands it to the
 * sync and meeting sockets, so the long-lived invitation token does not travel in socket URLs.
 * Format: `t1.<base64url(json)>.<base64url(hmac-sha256)>`.
 */
const TicketPayload = z.object({
  p: z.string().min(1).max(64), // participant id
  c: z.string().min(1).max(64), // conference id
  exp: z.number().int(), // unix seconds
})
export type TicketPayload = z.infer<typeof TicketPayload>

const PREFIX = 't1'

function sign(secret: string, body: string): Buffer {
  return createHmac('sha256', secret).update(`${PREFIX}.${body}`).digest()
}

export function createTicket(secret: string, participantId: string, conferenceId: string, ttlSeconds: number, now = Date.now()): string {
  const payload: TicketPayload = { p: participantId, c: conferenceId, exp: Math.floor(now / 1000) + ttlSeconds }
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url')
  return `${PREFIX}.${body}.${sign(secret, body).toString('base64url')}`
}

export function isTicket(token: string): boolean {
  return token.startsWith(`${PREFIX}.`)
}

/** The ticket's payload when its signature holds and it has not expired; otherwise null. */
export function verifyTicket(secret: string, ticket: string, now = Date.now()): TicketPayload | null {
  const parts = ticket.split('.')
  if (parts.length !== 3 || parts[0] !== PREFIX || ticket.length > 1024) return null
  const [, body, mac] = parts as [string, string, string]
  const expected = sign(secret, body)
  const given = Buffer.from(mac, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  let json: unknown
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    return null
  }
  const parsed = TicketPayload.safeParse(json)
  if (!parsed.success || parsed.data.exp * 1000 < now) return null
  return parsed.data
}
