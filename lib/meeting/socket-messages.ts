import type { z } from 'zod'
import { AckResult, type MeetingError } from '../protocol/meeting'

/**
 * The two halves of talking to the meeting plane, shared by every client binding (the meeting
 * client, agreeing on the plan, the facilitation tools): a request that always gets an answer,
 * and a listener that parses a server message before anyone sees it.
 */

/** The part of a socket.io client socket a request needs. */
export interface RequestSocket {
  readonly connected: boolean
  timeout(ms: number): unknown
}

type TimedEmitter = {
  emit(event: string, payload: unknown, ack: (err: Error | null, result?: unknown) => void): void
}

const NOT_CONNECTED = 'not connected'
const NO_ANSWER = 'no answer from server'

/**
 * Send a request and wait for the server's acknowledgement; never throws. Not connected, no
 * answer within `timeoutMs`, or an unreadable answer become a `server_error` result.
 */
export function requestWithAck(socket: RequestSocket, event: string, payload: unknown, timeoutMs: number): Promise<AckResult> {
  if (!socket.connected) return Promise.resolve({ ok: false, error: { code: 'server_error', message: NOT_CONNECTED } })
  return new Promise((resolve) => {
    // socket.io's types cannot decorate an optional ack with the timeout error; spell it out.
    const timed = socket.timeout(timeoutMs) as TimedEmitter
    timed.emit(event, payload, (err, result) => {
      if (err) return resolve({ ok: false, error: { code: 'server_error', message: NO_ANSWER } })
      const ack = AckResult.safeParse(result)
      resolve(ack.success ? ack.data : { ok: false, error: { code: 'server_error', message: 'unreadable answer from server' } })
    })
  })
}

/** The request never reached the server or no answer came back (the connection, not a refusal). */
export function isUnanswered(error: MeetingError): boolean {
  return error.code === 'server_error' && (error.message === NOT_CONNECTED || error.message === NO_ANSWER)
}

/** The error reported when a server message of kind `what` does not parse (a protocol mismatch). */
export function unreadableMessage(what: string): MeetingError {
  return { code: 'server_error', message: `unreadable ${what} from server` }
}

/**
 * A socket listener that parses the raw payload with `schema` and hands the result to `deliver`,
 * or calls `onUnreadable` (never throws): nothing from the network is used unparsed.
 */
export function parsedListener<S extends z.ZodType>(
  schema: S,
  deliver: (message: z.output<S>) => void,
  onUnreadable: () => void,
): (raw: unknown) => void {
  return (raw) => {
    const parsed = schema.safeParse(raw)
    if (parsed.success) deliver(parsed.data)
    else onUnreadable()
  }
}
