import type { Duplex } from 'node:stream'

/**
 * Everything written to a socket during one turn of the event loop leaves in one write.
 *
 * ws writes each message as a frame header plus its payload, one `writev` system call per message
 * per receiver: the biggest single cost of relaying (a profile of a busy server: about 16% of its
 * CPU). A socket written to is corked on its first message of the turn and uncorked in the same
 * turn's check phase (setImmediate), so an edit, a presence batch and another edit to the same
 * receiver go out in one call. Nothing waits for a later turn: a quiet server sends as before,
 * a busy one (many messages per turn) saves the most.
 */
export class CorkedSends {
  private readonly corked = new Set<Duplex>()
  private scheduled = false

  /** Call before writing to the socket. */
  cork(socket: Duplex): void {
    if (this.corked.has(socket)) return
    socket.cork()
    this.corked.add(socket)
    if (!this.scheduled) {
      this.scheduled = true
      setImmediate(this.flush)
    }
  }

  private readonly flush = (): void => {
    this.scheduled = false
    const sockets = [...this.corked]
    this.corked.clear()
    for (const socket of sockets) socket.uncork()
  }
}

/** One per process: a socket is corked once per turn whichever room or server writes to it. */
export const corkedSends = new CorkedSends()
