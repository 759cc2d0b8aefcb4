/**
 * The queue of raised hands: pure state, oldest first. Who may raise or clear is decided by the
 * policy (`hand.raise`, `hand.clear`) before any of this runs; these functions only keep the
 * queue honest (one place per person, the order in which hands went up).
 */

export interface RaisedHand {
  participantId: string
  /** ISO time the hand went up; the queue is ordered by it. */
  raisedAt: string
}

export type HandQueue = readonly RaisedHand[]

export interface HandStep {
  queue: HandQueue
  /** false when nothing changed (a second raise, lowering a hand that was down): nobody needs telling. */
  changed: boolean
}

/** Raise a hand. A hand already up keeps its place: pressing twice does not push you back. */
export function raiseHand(queue: HandQueue, participantId: string, at: string): HandStep {
  if (queue.some((hand) => hand.participantId === participantId)) return { queue, changed: false }
  return { queue: [...queue, { participantId, raisedAt: at }], changed: true }
}

/** Lower one person's hand (their own, or the facilitator giving them the floor). */
export function lowerHand(queue: HandQueue, participantId: string): HandStep {
  return keepHands(queue, (hand) => hand.participantId !== participantId)
}

/** The facilitator's "clear": one person's hand, or every hand when no one is named. */
export function clearHands(queue: HandQueue, participantId?: string): HandStep {
  if (participantId !== undefined) return lowerHand(queue, participantId)
  return { queue: [], changed: queue.length > 0 }
}

/** Keep only the hands for which `keep` holds (people who left, or may no longer raise one, are lowered). */
export function keepHands(queue: HandQueue, keep: (hand: RaisedHand) => boolean): HandStep {
  const next = queue.filter(keep)
  return next.length === queue.length ? { queue, changed: false } : { queue: next, changed: true }
}

/** 1-based place in the queue, or null when this person's hand is down. */
export function placeInQueue(queue: HandQueue, participantId: string): number | null {
  const index = queue.findIndex((hand) => hand.participantId === participantId)
  return index === -1 ? null : index + 1
}
