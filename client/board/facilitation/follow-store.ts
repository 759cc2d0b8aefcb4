import { followReducer, notFollowing, type FollowEvent, type FollowView } from '@/lib/conference/facilitation-follow'
import type { FacilitationClient } from '@/lib/meeting/facilitation-client'

/**
 * This device's side of "follow me", shared by everything that moves the camera for someone
 * else (following, spotlight) and what shows it (the banner): whom we follow, whether we stepped
 * out, and when the camera last moved on the leader's behalf (so that move is not mistaken for
 * the person looking around). One per facilitation binding, for as long as it lives.
 */
export interface FollowStore {
  getView(): FollowView
  subscribe(listener: () => void): () => void
  dispatch(event: Exclude<FollowEvent, { type: 'message' }>): void
  /** The camera is about to move for the leader (for `durationMs`): not the person's own doing. */
  markLeaderMove(durationMs: number): void
  /** Whether the camera is moving for the leader right now. */
  leaderMoving(): boolean
}

const stores = new WeakMap<FacilitationClient, FollowStore>()

/** Grace after an animated move before a camera change counts as the person's own again. */
const SETTLE_MS = 150

export function followStoreFor(client: FacilitationClient): FollowStore {
  const existing = stores.get(client)
  if (existing) return existing
  let view: FollowView = notFollowing
  let leaderMoveUntil = 0
  const listeners = new Set<() => void>()
  const apply = (event: FollowEvent) => {
    const next = followReducer(view, event)
    if (next === view) return
    view = next
    for (const listener of [...listeners]) listener()
  }
  // Lives as long as the binding (its channels go when it is disposed).
  client.onFollow((message) => apply({ type: 'message', message }))
  const store: FollowStore = {
    getView: () => view,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    dispatch: apply,
    markLeaderMove(durationMs) {
      leaderMoveUntil = Math.max(leaderMoveUntil, performance.now() + durationMs + SETTLE_MS)
    },
    leaderMoving: () => performance.now() < leaderMoveUntil,
  }
  stores.set(client, store)
  return store
}
