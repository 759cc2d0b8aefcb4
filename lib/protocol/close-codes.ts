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
  /**
   * Too many connections at once from this address or for this participant
   * (MAX_SOCKETS_PER_ADDRESS, MAX_SOCKETS_PER_PARTICIPANT): the socket is refused at its
   * handshake. Try again later, backing off; a tab that closes frees its place.
   */
  TooManyConnections: 4429,
  /** The server could not load or store the board; nothing was lost, reconnect later. */
  ServerError: 4500,
} as const

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]

/**
 * Why a 4403 happened, as the close reason (sync) or `closing.reason` (socket.io). The client
 * tells "wait, you will be let back in" (private time, lobby) from "you are out" (revoked, removed).
 */
export const ForbiddenReason = {
  /** Private family time: professionals (and the facilitator unless they stay) have no board now. */
  PrivateTime: 'private-time',
  /** The invitation needs the facilitator to admit this person; they wait in the lobby. */
  AwaitingAdmission: 'awaiting-admission',
  /** The facilitator declined this person at the lobby. */
  Declined: 'declined',
  /** The facilitator removed this person (the invitation may still be valid: then they can ask again). */
  Removed: 'removed',
  /** The invitation was revoked. */
  Revoked: 'invitation revoked',
} as const
export type ForbiddenReason = (typeof ForbiddenReason)[keyof typeof ForbiddenReason]

/**
 * Why a write was refused: the reason of the y-protocols permission-denied message the client
 * gets. `read-only`: this role may not change the board in this phase (observers; everyone once the
 * conference is closed). `bottom-line`: the update creates, changes or deletes a bottom line, which
 * only a professional may do. `scale-mark`: it moves, changes or creates someone else's mark on a
 * scale (only its owner may; the facilitator may also remove a mark, e.g. of someone who left).
 * `out-of-sync`: the update builds on content the board does not have
 * (the client kept an edit that was refused, so everything it writes after builds on it): the
 * client must load the board afresh.
 * `delete`: it removes an item the writer did not add (someone else's, the template's) or part
 * of the board's structure; only the facilitator (`board.arrange`) removes those.
 * `locked`: it adds to or changes the board's structure (areas, the page, the document record),
 * which only the facilitator arranges. (Removing structure is `delete`: what the person did.)
 *
 * What the server checks on every write whatever the role (server/sync/record-validation.ts):
 * `invalid-record`: a record the board's tldraw schema or Kring's item definitions refuse, one that
 * does not belong in the document (session state, an unknown type, a key that is not its id, a
 * parent that is missing or makes a cycle, too deep or too large), or a write outside the
 * document's known maps. `newer-schema`: the records are in a newer board format than this server
 * knows (a newer app wrote them); nothing of it is stored until the server is updated.
 * `board-full`: the board has reached its size limit (SYNC_MAX_BOARD_BYTES); deleting still works.
 * `rate-limited`: this connection writes faster than SYNC_WRITES_PER_SECOND / SYNC_WRITE_BYTES_PER_SECOND
 * allow for longer than the server waits; slow down.
 */
export const WriteRefusal = {
  ReadOnly: 'read-only',
  BottomLine: 'bottom-line',
  ScaleMark: 'scale-mark',
  OutOfSync: 'out-of-sync',
  Delete: 'delete',
  Locked: 'locked',
  InvalidRecord: 'invalid-record',
  NewerSchema: 'newer-schema',
  BoardFull: 'board-full',
  RateLimited: 'rate-limited',
} as const
export type WriteRefusal = (typeof WriteRefusal)[keyof typeof WriteRefusal]
