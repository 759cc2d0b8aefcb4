/**
 * When each awareness client's latest state may next go out to one class of receivers: at most once
 * per `intervalMs` per client, the latest state winning (a change while a client waits only marks it).
 */
export class PresencePace {
  private readonly lastSent = new Map<number, number>()
  private readonly waiting = new Set<number>()

  constructor(readonly intervalMs: number) {}

  /** The client's state changed; it goes out when due. */
  mark(clientId: number): void {
    this.waiting.add(clientId)
  }

  /** The client's state went out now (with its arrival, say): the next waits a full interval. */
  sent(clientIds: Iterable<number>, now: number): void {
    for (const id of clientIds) {
      this.lastSent.set(id, now)
      this.waiting.delete(id)
    }
  }

  /** The client is gone: nothing more to send, nothing to remember. */
  forget(clientId: number): void {
    this.lastSent.delete(clientId)
    this.waiting.delete(clientId)
  }

  /** The waiting clients whose interval has passed. */
  due(now: number): number[] {
    const due: number[] = []
    for (const id of this.waiting) if ((this.lastSent.get(id) ?? -Infinity) + this.intervalMs <= now) due.push(id)
    return due
  }

  /** When the next waiting client falls due (Infinity when none waits). */
  nextDue(): number {
    let next = Infinity
    for (const id of this.waiting) next = Math.min(next, (this.lastSent.get(id) ?? -Infinity) + this.intervalMs)
    return next
  }
}
