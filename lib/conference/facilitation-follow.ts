import type { FollowMessage, PageBox } from '../protocol/facilitation'

/**
 * "Follow me" as one participant's device sees it, pure. The facilitator leads; everyone else's
 * camera follows the leader's viewport until they step out (a button, or moving the board
 * themselves), and can step back in. A new round of following brings everyone along again.
 */

/** The server relays the leader's viewport at most this often (the leader sends a little less). */
export const MAX_FOLLOW_UPDATES_PER_SECOND = 10
/** What a leading client sends: under the server's cap, so nothing it sends is dropped. */
export const LEADER_UPDATES_PER_SECOND = 8

export interface FollowView {
  /** The participant leading, or null when nobody does. */
  leader: string | null
  /** The leader's last viewport in page coordinates. */
  viewport: PageBox | null
  /** This person chose to look around on their own while the leader leads. */
  steppedOut: boolean
}

export const notFollowing: FollowView = { leader: null, viewport: null, steppedOut: false }

export type FollowEvent = { type: 'message'; message: Pick<FollowMessage, 'leader' | 'viewport'> } | { type: 'step-out' } | { type: 'rejoin' }

export function followReducer(view: FollowView, event: FollowEvent): FollowView {
  switch (event.type) {
    case 'message': {
      const { leader, viewport } = event.message
      if (leader === null) return notFollowing
      // Someone starts leading (or another person takes over): everyone follows again.
      const newRound = leader !== view.leader
      return { leader, viewport, steppedOut: newRound ? false : view.steppedOut }
    }
    case 'step-out':
      return view.leader === null || view.steppedOut ? view : { ...view, steppedOut: true }
    case 'rejoin':
      return view.steppedOut ? { ...view, steppedOut: false } : view
  }
}

/** Whether this device's camera should move to the leader's viewport now. */
export function followsLeader(view: FollowView, me: string): boolean {
  return view.leader !== null && view.leader !== me && !view.steppedOut && view.viewport !== null
}

/** Whether this person is shown the "you are following" banner (or the "follow again" button). */
export function isFollower(view: FollowView, me: string): boolean {
  return view.leader !== null && view.leader !== me
}

/** Two viewports the same to within a pixel at page scale: a camera that did not really move is not sent. */
export function sameBox(a: PageBox | null, b: PageBox | null, tolerance = 0.5): boolean {
  if (a === null || b === null) return a === b
  return Math.abs(a.x - b.x) <= tolerance && Math.abs(a.y - b.y) <= tolerance && Math.abs(a.w - b.w) <= tolerance && Math.abs(a.h - b.h) <= tolerance
}
