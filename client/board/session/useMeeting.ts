'use client'

import { useEffect, useMemo, useRef, useState } from 'react'
import type { ConferencePhase, Device, InvitableRole } from '@/lib/conference/model'
import { bindFacilitation, type FacilitationClient } from '@/lib/meeting/facilitation-client'
import { connectMeeting, isWaitingReason, type MeetingClient } from '@/lib/meeting/meeting-client'
import { CloseCode } from '@/lib/protocol/close-codes'
import type { AckResult, RosterMessage, WelcomeMessage } from '@/lib/protocol/meeting'
import type { AccessStateMessage, ConferenceStateMessage, LobbyMessage, PrivateTimeEndedMessage } from '@/lib/protocol/meeting-control'
import { AccessLostError, type TicketSource } from './ticket-source'

export type MeetingState = 'connecting' | 'connected' | 'unavailable'

/** The requests of running the meeting; each resolves with the server's answer, never throws. */
export interface MeetingActions {
  setPhase(phase: ConferencePhase): Promise<AckResult>
  endPrivateTime(): Promise<AckResult>
  setFacilitatorStaysInPrivateTime(stays: boolean): Promise<AckResult>
  admit(participantId: string): Promise<AckResult>
  decline(participantId: string): Promise<AckResult>
  removeParticipant(participantId: string, keepInvitation: boolean): Promise<AckResult>
  setRole(participantId: string, role: InvitableRole): Promise<AckResult>
}

export interface MeetingView {
  roster: RosterMessage | null
  state: MeetingState
  /** Who the server says I am (my role may change later: the roster has the current one). */
  welcome: WelcomeMessage | null
  /** Phase, private-time setting, timer. */
  conference: ConferenceStateMessage | null
  /** Where I stand, as the server last said. */
  access: AccessStateMessage | null
  /** Who waits to be let in (facilitator only). */
  lobby: LobbyMessage | null
  /** The latest end of private time (a new object each time it happens). */
  privateTimeEnded: PrivateTimeEndedMessage | null
  /** The facilitation tools (hands, follow me, timer, spotlight) over this connection; null while there is none. */
  facilitation: FacilitationClient | null
  actions: MeetingActions
}

const RETRY_AFTER_REFUSAL_MS = 5_000
const notConnected: AckResult = { ok: false, error: { code: 'server_error', message: 'not connected' } }

/**
 * The meeting plane (socket.io): the roster (who is here, role, phone or desktop, online), the
 * conference's phase and settings, where I stand, the lobby, the requests that run the meeting,
 * and the facilitation tools' binding over the same connection. Tells the server which layout this device shows, and again when it changes.
 *
 * A 4403 goes to `onForbidden` with its reason: the page tells "wait" (private time, the lobby:
 * the client keeps knocking by itself) from "out". A final 4401 (the ticket was not accepted
 * even after one retry) gets a fresh ticket and a new connection.
 */
export function useMeeting(options: {
  conferenceId: string
  tickets: TicketSource | null
  device: Device
  enabled: boolean
  /** A 4403 on this socket, with its reason (see meeting/access-place.ts). Lost tickets are reported by the ticket source. */
  onForbidden(reason: string): void
}): MeetingView {
  const { conferenceId, tickets, device, enabled, onForbidden } = options
  const [roster, setRoster] = useState<RosterMessage | null>(null)
  const [state, setState] = useState<MeetingState>('connecting')
  const [welcome, setWelcome] = useState<WelcomeMessage | null>(null)
  const [conference, setConference] = useState<ConferenceStateMessage | null>(null)
  const [access, setAccess] = useState<AccessStateMessage | null>(null)
  const [lobby, setLobby] = useState<LobbyMessage | null>(null)
  const [privateTimeEnded, setPrivateTimeEnded] = useState<PrivateTimeEndedMessage | null>(null)
  const [facilitation, setFacilitation] = useState<FacilitationClient | null>(null)
  const [generation, setGeneration] = useState(0)
  const client = useRef<MeetingClient | null>(null)
  const deviceNow = useRef(device)

  useEffect(() => {
    if (!tickets || !enabled) return
    let alive = true
    let retryTimer: ReturnType<typeof setTimeout> | null = null
    const meeting = connectMeeting({ conferenceId, device: deviceNow.current, getToken: () => tickets.fresh() })
    client.current = meeting
    // Bound at once, before the server's first messages arrive (they are replayed to late subscribers).
    const tools = bindFacilitation(meeting.socket)
    setFacilitation(tools)

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

    // Only messages about this conference count (one socket serves one conference, but be strict).
    const mine = <T extends { conferenceId: string }>(set: (message: T) => void) => (message: T) => {
      if (alive && message.conferenceId === conferenceId) set(message)
    }

    const stops = [
      meeting.onWelcome((message) => alive && setWelcome(message)),
      meeting.onRoster(mine<RosterMessage>(setRoster)),
      meeting.onConferenceState(mine<ConferenceStateMessage>(setConference)),
      meeting.onAccessState(mine<AccessStateMessage>(setAccess)),
      meeting.onLobby(mine<LobbyMessage>(setLobby)),
      meeting.onPrivateTimeEnded(mine<PrivateTimeEndedMessage>(setPrivateTimeEnded)),
      meeting.onStatus((status) => {
        if (!alive) return
        if (status.state === 'connected') setState('connected')
        else if (status.state === 'connecting') setState('connecting')
        else setState('unavailable')
        // Refused at the door with "wait": the client knocks again by itself.
        if (status.state === 'disconnected' && isWaitingReason(status.reason)) return onForbidden(status.reason)
        if (status.state !== 'refused') return
        if (status.code === CloseCode.Forbidden) return onForbidden(status.reason)
        if (status.code === CloseCode.Unauthenticated) reconnectWithFreshTicket(RETRY_AFTER_REFUSAL_MS)
      }),
      meeting.onClosing((closing) => {
        if (alive && closing.code === CloseCode.Forbidden) onForbidden(closing.reason)
      }),
    ]

    return () => {
      alive = false
      if (retryTimer) clearTimeout(retryTimer)
      for (const stop of stops) stop()
      tools.dispose()
      setFacilitation(null)
      meeting.close()
      client.current = null
    }
  }, [conferenceId, tickets, enabled, onForbidden, generation])

  useEffect(() => {
    deviceNow.current = device
    void client.current?.setDevice(device)
  }, [device])

  // Stable functions over whichever connection is current.
  const actions = useMemo<MeetingActions>(() => {
    const call = <A extends unknown[]>(run: (meeting: MeetingClient, ...args: A) => Promise<AckResult>) =>
      (...args: A) => (client.current ? run(client.current, ...args) : Promise.resolve(notConnected))
    return {
      setPhase: call((m, phase: ConferencePhase) => m.setPhase(phase)),
      endPrivateTime: call((m) => m.endPrivateTime()),
      setFacilitatorStaysInPrivateTime: call((m, stays: boolean) => m.setFacilitatorStaysInPrivateTime(stays)),
      admit: call((m, participantId: string) => m.admit(participantId)),
      decline: call((m, participantId: string) => m.decline(participantId)),
      removeParticipant: call((m, participantId: string, keep: boolean) => m.removeParticipant(participantId, keep)),
      setRole: call((m, participantId: string, role: InvitableRole) => m.setRole(participantId, role)),
    }
  }, [])

  return { roster, state, welcome, conference, access, lobby, privateTimeEnded, facilitation, actions }
}
