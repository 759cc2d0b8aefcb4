'use client'

import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import { notFollowing, type FollowView } from '@/lib/conference/facilitation-follow'
import type { HandQueue } from '@/lib/conference/facilitation-hands'
import { clockOffsetMs, phaseTimeLeft } from '@/lib/conference/facilitation-timer'
import type { FacilitationClient } from '@/lib/meeting/facilitation-client'
import type { PageBox } from '@/lib/protocol/facilitation'
import { followStoreFor, type FollowStore } from './follow-store'

/**
 * The facilitation tools' state as React sees it, from the binding of the board's meeting socket
 * (lib/meeting/facilitation-client.ts). Every hook takes the binding, or null while there is none.
 */

/** The queue of raised hands, oldest first. */
export function useHands(client: FacilitationClient | null): HandQueue {
  const [queue, setQueue] = useState<HandQueue>([])
  useEffect(() => {
    if (!client) return setQueue([])
    return client.onHands((message) => setQueue(message.queue))
  }, [client])
  return client ? queue : []
}

/** Who leads "follow me", where they look, and whether this device stepped out. */
export function useFollowView(client: FacilitationClient | null): { view: FollowView; store: FollowStore | null } {
  const store = client ? followStoreFor(client) : null
  const subscribe = useCallback((listener: () => void) => store?.subscribe(listener) ?? (() => undefined), [store])
  const view = useSyncExternalStore(
    subscribe,
    () => store?.getView() ?? notFollowing,
    () => notFollowing,
  )
  return { view, store }
}

/** The spotlighted region, or null. */
export function useSpotlightRegion(client: FacilitationClient | null): PageBox | null {
  const [region, setRegion] = useState<PageBox | null>(null)
  useEffect(() => {
    if (!client) return setRegion(null)
    return client.onSpotlight((message) => setRegion(message.region))
  }, [client])
  return client ? region : null
}

export interface PhaseTimerState {
  /** Milliseconds left (see phaseTimeLeft); null when no timer runs. */
  remaining: number | null
}

/**
 * The phase timer, counting down once a second while it runs: the facilitation binding's
 * `timer` messages, else `conferenceEndsAt` (the conference state's) on this device's clock.
 */
export function usePhaseTimer(client: FacilitationClient | null, conferenceEndsAt: string | null = null): PhaseTimerState {
  const [timer, setTimer] = useState<{ endsAt: string | null; offsetMs: number }>({ endsAt: null, offsetMs: 0 })
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!client) return setTimer({ endsAt: null, offsetMs: 0 })
    return client.onTimer((message) => {
      setTimer({ endsAt: message.endsAt, offsetMs: clockOffsetMs(message.serverNow, message.receivedAt) })
      setNow(Date.now())
    })
  }, [client])
  // A new end from the conference state starts counting from now, not from the last tick.
  useEffect(() => setNow(Date.now()), [conferenceEndsAt])
  const left = phaseTimeLeft(client ? timer : { endsAt: null, offsetMs: 0 }, conferenceEndsAt, now)
  const running = left !== null && left > 0
  useEffect(() => {
    if (!running) return
    const tick = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(tick)
  }, [running])
  return { remaining: left }
}
