'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import type { ParticipantRole } from '@/lib/conference/model'
import { defaultPolicyContext } from '@/lib/conference/policy'
import { forgetLocalBoard } from './board-connection'
import { currentPhase, currentRole, meetingPermissions, policyContextOf } from '../meeting/meeting-role'
import { useMeetingAccess } from '../meeting/useMeetingAccess'
import { createTicketSource, type AccessLoss, type TicketSource } from './ticket-source'
import { useBoardSync } from './useBoardSync'
import { useDevice } from './useDevice'
import { useMeeting } from './useMeeting'

export interface BoardSessionOptions {
  conferenceId: string
  /** Initial short-lived ticket for both sockets. */
  ticket: string
  /** POST here for a fresh ticket; 403 means access is gone. */
  ticketUrl: string
  ticketTtlSeconds: number
  me: { participantId: string; role: ParticipantRole }
}

// Losses after which nothing of the board may stay on the device.
const ERASING_LOSSES: ReadonlySet<AccessLoss> = new Set(['withdrawn', 'removed', 'declined'])

/**
 * Everything a page about one board needs to be live, shared by the board and the plan view:
 * the ticket source, the meeting connection (phase, role, where this person stands), and the
 * board's Yjs connection, opened only while the person may have the board. When access is lost
 * for good, the device's copy is erased.
 */
export function useBoardSession({ conferenceId, ticket, ticketUrl, ticketTtlSeconds, me }: BoardSessionOptions) {
  const device = useDevice()
  const [accessLoss, setAccessLoss] = useState<AccessLoss | null>(null)
  const onAccessLost = useCallback((loss: AccessLoss) => setAccessLoss((current) => current ?? loss), [])

  // Tickets renew on timers and listen to window events: browser only, one source per page.
  const [tickets, setTickets] = useState<TicketSource | null>(null)
  useEffect(() => {
    const source = createTicketSource({ initialTicket: ticket, ticketUrl, ttlSeconds: ticketTtlSeconds, onAccessLost })
    setTickets(source)
    return () => source.dispose()
  }, [ticket, ticketUrl, ticketTtlSeconds, onAccessLost])

  // Both sockets report a 4403 here; where it goes is decided once the meeting is known.
  const forbiddenHandler = useRef<(reason: string) => void>(() => {})
  const onForbidden = useCallback((reason: string) => forbiddenHandler.current(reason), [])

  const meeting = useMeeting({ conferenceId, tickets, device, enabled: accessLoss === null, onForbidden })
  const role = currentRole(me.participantId, meeting.roster, meeting.welcome, me.role)
  const phase = currentPhase(meeting.conference, meeting.roster)
  const context = meeting.conference ? policyContextOf(meeting.conference) : defaultPolicyContext
  const access = useMeetingAccess({ meeting, role, phase, context, onAccessLost })
  useEffect(() => {
    forbiddenHandler.current = access.onForbidden
  }, [access.onForbidden])
  const permissions = meetingPermissions(role, phase, context)

  const sync = useBoardSync({ conferenceId, tickets, enabled: accessLoss === null && access.boardOpen, onForbidden, onAccessLost })

  useEffect(() => {
    if (accessLoss && ERASING_LOSSES.has(accessLoss)) void forgetLocalBoard(conferenceId)
  }, [accessLoss, conferenceId])

  return { device, accessLoss, onAccessLost, tickets, meeting, role, phase, context, access, permissions, sync }
}
