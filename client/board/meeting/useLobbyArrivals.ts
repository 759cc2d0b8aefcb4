'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import type { LobbyEntry, LobbyMessage } from '@/lib/protocol/meeting-control'
import { newArrivals } from './meeting-role'

/**
 * For the facilitator's notice "X wacht om binnen te komen": who started waiting since the notice
 * was last closed, and still waits. Someone let in or turned away drops out of it by themselves.
 */
export function useLobbyArrivals(lobby: LobbyMessage | null): { arrivals: LobbyEntry[]; dismiss(): void } {
  const [arrivals, setArrivals] = useState<LobbyEntry[]>([])
  const previous = useRef<readonly LobbyEntry[] | null>(null)

  useEffect(() => {
    if (!lobby) return
    const fresh = newArrivals(previous.current, lobby.waiting)
    previous.current = lobby.waiting
    const stillWaiting = new Set(lobby.waiting.map((entry) => entry.participantId))
    setArrivals((shown) => [...shown.filter((entry) => stillWaiting.has(entry.participantId)), ...fresh])
  }, [lobby])

  const dismiss = useCallback(() => setArrivals([]), [])
  return { arrivals, dismiss }
}
