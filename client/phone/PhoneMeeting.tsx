'use client'

import { useCallback, useEffect, useState } from 'react'
import type { ConferencePhase, ParticipantRole } from '@/lib/conference/model'
import { defaultPolicyContext } from '@/lib/conference/policy'
import type { RosterEntry } from '@/lib/protocol/meeting'
import { currentPhase, currentRole, meetingPermissions, policyContextOf } from '../board/meeting/meeting-role'
import { createTicketSource, type TicketSource } from '../board/session/ticket-source'
import { useMeeting } from '../board/session/useMeeting'

export interface PhoneMeetingState {
  phase: ConferencePhase | null
  role: ParticipantRole
  /** The gate's answer for `board.write` now (the server refuses anyway). */
  canWrite: boolean
  roster: RosterEntry[] | null
  connected: boolean
}

interface Props {
  conferenceId: string
  ticket: string
  ticketUrl: string
  ticketTtlSeconds: number
  me: { participantId: string; role: ParticipantRole }
  onState(state: PhoneMeetingState): void
  onOut(reason: string): void
}

/**
 * The meeting plane for the phone view (socket.io, the board's own client): who is there, the
 * phase as it changes, and what the gate lets this person do now. Loaded after the phone view is
 * usable (React.lazy): socket.io and the protocol's schemas are not on the first paint's path.
 * Renders nothing; it reports to the view.
 */
export default function PhoneMeeting({ conferenceId, ticket, ticketUrl, ticketTtlSeconds, me, onState, onOut }: Props) {
  const [tickets, setTickets] = useState<TicketSource | null>(null)
  useEffect(() => {
    const source = createTicketSource({ initialTicket: ticket, ticketUrl, ttlSeconds: ticketTtlSeconds, onAccessLost: onOut })
    setTickets(source)
    return () => source.dispose()
  }, [ticket, ticketUrl, ticketTtlSeconds, onOut])

  // One function for the life of the view: the meeting socket reconnects whenever it changes.
  const onForbidden = useCallback(
    (reason: string) => {
      // Waiting (private time, lobby) is shown from the sync connection; anything else is out.
      if (reason !== 'private-time' && reason !== 'lobby') onOut(reason)
    },
    [onOut],
  )
  const meeting = useMeeting({ conferenceId, tickets, device: 'phone', enabled: true, onForbidden })
  const role = currentRole(me.participantId, meeting.roster, meeting.welcome, me.role)
  const phase = currentPhase(meeting.conference, meeting.roster)
  const context = meeting.conference ? policyContextOf(meeting.conference) : defaultPolicyContext
  const canWrite = phase !== null && meetingPermissions(role, phase, context).canWrite
  const roster = meeting.roster?.entries ?? null
  const connected = meeting.state === 'connected'

  useEffect(() => {
    if (phase !== null) onState({ phase, role, canWrite, roster, connected })
  }, [phase, role, canWrite, roster, connected, onState])
  return null
}
