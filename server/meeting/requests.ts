import type { z } from 'zod'
import type { Db } from '../../lib/server/db/connect'
import type { Logger } from '../../lib/server/log/logger'
import { authorize, type Authorized } from './authorize'
import { onClientEvent } from './client-events'
import { REQUEST_ACTIONS, type RequestName } from './request-actions'
import type { MeetingSocket } from './types'

export interface RequestDeps {
  db: Db
  logger: Logger
}

/**
 * The one path of every meeting-plane request: the payload is parsed (onClientEvent), then the
 * gate is asked, with the participant and conference read fresh, for the action the request
 * needs (REQUEST_ACTIONS), and only then does the handler run, with the rows the gate decided on.
 * A handler never decides who may; it applies the request's own rules (is a proposal open, is
 * that person waiting in the lobby). Every refusal is answered through the ack.
 */
export function onRequest<S extends z.ZodType>(
  socket: MeetingSocket,
  deps: RequestDeps,
  event: RequestName,
  schema: S,
  handler: (payload: z.infer<S>, asker: Authorized) => void | Promise<void>,
): void {
  const action = REQUEST_ACTIONS[event]
  onClientEvent(socket, deps.logger, event, schema, async (payload) => handler(payload, await authorize(deps.db, socket, action)))
}
