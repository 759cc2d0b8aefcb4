/**
 * WebSocket close codes Kring's servers use. The 44xx codes mirror HTTP statuses so a client
 * can tell "sign in again" from "you may not" from "your message was bad".
 */
export const CloseCode = {
  /** ws closes with this itself when a message exceeds the configured maximum size. */
  MessageTooBig: 1009,
  /** The server is shutting down; reconnect later. */
  GoingAway: 1001,
  /** A message could not be decoded (not y-protocols sync/awareness, or corrupt). */
  BadMessage: 4400,
  /** No token, or an unknown, malformed or expired one. */
  Unauthenticated: 4401,
  /** A valid token for another conference, or a revoked invitation. */
  Forbidden: 4403,
  /** Unknown path under /sync. */
  NotFound: 4404,
  /** The server could not load or store the board; nothing was lost, reconnect later. */
  ServerError: 4500,
} as const

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]
