'use client'

import { useEffect, useRef, useState } from 'react'
import type { Device } from '@/lib/conference/model'
import { connectMeeting, type MeetingClient } from '@/lib/meeting/meeting-client'
import { CloseCode } from '@/lib/protocol/close-codes'
import type { RosterMessage } from '@/lib/protocol/meeting'
import { AccessLostError, type AccessLoss, type TicketSource } from './ticket-source'

export type MeetingState = 'connecting' | 'connected' | 'unavailable'

const RETRY_AFTER_REFUSAL_MS = 5_000

/**
 * The meeting plane (socket.io): the roster (who is here, role, phone or desktop, online) and the
 * conference's phase. Tells the server which layout this device shows, and again when it changes.
 * A 4403 means access was withdrawn; a final 4401 (the ticket was not accepted even after one
 * retry) gets a fresh ticket and a new connection.
 */
export function useMeeting(options: {
  conferenceId: string
  tickets: TicketSource | null
  device: Device
  enabled: boolean
  onAccessLost(loss: AccessLoss): void
}): { roster: RosterMessage | null; state: MeetingState } {
  const { conferenceId, tickets, device, enabled, onAccessLost } = options
  const [roster, setRoster] = useState<RosterMessage | null>(null)
  const [state, setState] = useState<MeetingState>('connecting')
  const [generation, setGeneration] = useState(0)
  const client = useRef<MeetingClient | null>(null)
  const deviceNow = useRef(device)

  useEffect(() => {
    if (!tickets || !enabled) return
    let alive = true
    let retryTimer: ReturnType<typeof setTimeout> | null = null
    const meeting = connectMeeting({ conferenceId, device: deviceNow.current, getToken: () => tickets.fresh() })
    client.current = meeting

    const reconnectWithFreshTicket = (delayMs: number) => {
      retryTimer = setTimeout(() => {
        tickets.refresh().then(
          () => alive && setGeneration((g) => g + 1),
          (error: unknown) => {
            // Access loss is reported by the ticket source; a network error is retried, more slowly.
            if (alive && !(error instanceof AccessLostError)) reconnectWithFreshTicket(Math.min(60_000, delayMs * 2))
          },
        )
      }, delayMs)
    }

    const stops = [
      meeting.onRoster((message) => {
        if (alive && message.conferenceId === conferenceId) setRoster(message)
      }),
      meeting.onStatus((status) => {
        if (!alive) return
        if (status.state === 'connected') setState('connected')
        else if (status.state === 'connecting') setState('connecting')
        else setState('unavailable')
        if (status.state !== 'refused') return
        if (status.code === CloseCode.Forbidden) return onAccessLost('withdrawn')
        if (status.code === CloseCode.Unauthenticated) reconnectWithFreshTicket(RETRY_AFTER_REFUSAL_MS)
      }),
      meeting.onClosing((closing) => {
        if (alive && closing.code === CloseCode.Forbidden) onAccessLost('withdrawn')
      }),
    ]

    return () => {
      alive = false
      if (retryTimer) clearTimeout(retryTimer)
      for (const stop of stops) stop()
      meeting.close()
      client.current = null
    }
  }, [conferenceId, tickets, enabled, onAccessLost, generation])

  useEffect(() => {
    deviceNow.current = device
    void client.current?.setDevice(device)
  }, [device])

  return { roster, state }
}
