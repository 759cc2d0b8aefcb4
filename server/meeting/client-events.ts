import type { z } from 'zod'
import type { Logger } from '../../lib/server/log/logger'
import type { AckResult, ClientToServerEvents, MeetingError } from '../../lib/protocol/meeting'
import type { MeetingSocket } from './types'

/**
 * Every client → server event has the same shape, `(payload, ack?)`, and goes through
 * `onClientEvent`: the payload is parsed with its zod schema before any handler sees it, and
 * every refusal is answered (an `error` event, plus a failed ack when the client asked for
 * one). Nothing a client sends can crash the server or vanish without an answer.
 *
 * Handlers register through `onRequest` (requests.ts), which adds the gate between parsing and
 * the handler; nothing else calls `onClientEvent` (tests/unit/one-gate.test.ts checks).
 */

/** A handler's way to refuse a well-formed request (not allowed now, unknown target, ...). */
export class MeetingRequestError extends Error {
  constructor(
    readonly code: MeetingError['code'],
    message: string,
    /** What the client needs to act on the refusal (ids and codes, never content). */
    readonly details?: MeetingError['details'],
  ) {
    super(message)
    this.name = 'MeetingRequestError'
  }
}

export type ClientEventName = keyof ClientToServerEvents

type Ack = (result: AckResult) => void

export function onClientEvent<S extends z.ZodType>(
  socket: MeetingSocket,
  logger: Logger,
  event: ClientEventName,
  schema: S,
  handler: (payload: z.infer<S>) => void | Promise<void>,
): void {
  const listener = (payload: unknown, ack?: unknown) => {
    const reply = typeof ack === 'function' ? (ack as Ack) : undefined
    const parsed = schema.safeParse(payload)
    if (!parsed.success) {
      logger.debug({ event, socketId: socket.id, issues: parsed.error.issues.length }, 'bad payload')
      refuse(socket, reply, { code: 'bad_request', message: `${event}: ${describeIssues(parsed.error.issues)}` })
      return
    }
    Promise.resolve()
      .then(() => handler(parsed.data))
      .then(
        () => reply?.({ ok: true }),
        (err: unknown) => {
          if (err instanceof MeetingRequestError) {
            refuse(socket, reply, { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) })
          } else {
            logger.error({ err, event, socketId: socket.id }, 'handler failed')
            refuse(socket, reply, { code: 'server_error', message: `${event}: could not be handled` })
          }
        },
      )
  }
  socket.on(event, listener as ClientToServerEvents[typeof event])
}

/** Events nobody listens for are answered too, so a client with a typo learns about it. */
export function reportUnknownEvents(socket: MeetingSocket, known: ReadonlySet<string>): void {
  socket.onAny((event: unknown, ...args: unknown[]) => {
    if (typeof event === 'string' && known.has(event)) return
    const last = args[args.length - 1]
    const name = typeof event === 'string' ? event.slice(0, 40) : typeof event
    refuse(socket, typeof last === 'function' ? (last as Ack) : undefined, { code: 'bad_request', message: `unknown event: ${name}` })
  })
}

/**
 * A socket in the lobby may not act on the conference: every request it sends is refused
 * ('forbidden') until it is let in. Runs before the handlers (socket.io middleware); unknown
 * events are left to `reportUnknownEvents`.
 */
export function refuseUntilAdmitted(socket: MeetingSocket, known: ReadonlySet<string>, admitted: () => boolean): void {
  socket.use(([event, ...args], next) => {
    if (admitted() || typeof event !== 'string' || !known.has(event)) return next()
    const last = args[args.length - 1]
    refuse(socket, typeof last === 'function' ? (last as Ack) : undefined, { code: 'forbidden', message: `${event}: waiting to be let in` })
  })
}

function refuse(socket: MeetingSocket, reply: Ack | undefined, error: MeetingError): void {
  socket.emit('error', error)
  reply?.({ ok: false, error })
}

/** A short, value-free description of what was wrong (never echoes the payload back). */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const text = issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || 'payload'}: ${issue.message}`)
    .join('; ')
  return text.length > 200 ? `${text.slice(0, 197)}...` : text
}
