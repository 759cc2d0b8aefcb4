import type { ConnectionIdentity } from './connection'

/** Whether a document write from a connection is accepted, and if not, why (sent to the client). */
export type WriteDecision = { allowed: true } | { allowed: false; reason: string }

/**
 * The one place that decides whether an incoming document write is accepted. Every update and
 * sync step 2 from a client passes through it before it is stored or applied. A refused write
 * is reported back to the client (y-protocols permission-denied) and logged, never dropped silently.
 */
export type WritePolicy = (connection: ConnectionIdentity) => WriteDecision

/** Everyone admitted to a board may edit it (phases and read-only roles narrow this later). */
export const everyoneMayWrite: WritePolicy = () => ({ allowed: true })
