'use client'

import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useState, type JSX } from 'react'
import type { ParticipantRole } from '@/lib/conference/model'
import { AccessNotice } from '../AccessNotice'
import { forgetLocalBoard } from '../session/board-connection'
import { createTicketSource, type AccessLoss, type TicketSource } from '../session/ticket-source'
import { useDevice } from '../session/useDevice'
import { useMeeting } from '../session/useMeeting'
import { accessStateOutcome, forbiddenOutcome } from './access-place'
import { WaitingScreen } from './WaitingScreen'

// As on the board (../useBoardSession.ts): out for good, nothing of the board stays on this device.
const ERASING_LOSSES: ReadonlySet<AccessLoss> = new Set(['withdrawn', 'removed', 'declined'])

export interface LobbyDoorProps {
  conferenceId: string
  /** A ticket the meeting socket knocks with (the sync server refuses it: 4403 awaiting-admission). */
  ticket: string
  ticketUrl: string
  ticketTtlSeconds: number
  me: { role: ParticipantRole }
  variant: 'canvas' | 'page'
}

/**
 * The board and plan pages for someone who has not been let in (lib/server/web/open-board.tsx):
 * the lobby screen and nothing of the conference, not its title, not who is there. The meeting
 * socket knocks (the server puts this person in the lobby and tells the facilitator); let in, the
 * page is fetched again from the server, which now renders the board with the conference; declined
 * or removed, the person is told so.
 */
export function LobbyDoor({ conferenceId, ticket, ticketUrl, ticketTtlSeconds, me, variant }: LobbyDoorProps): JSX.Element {
  const router = useRouter()
  const device = useDevice()
  const [loss, setLoss] = useState<AccessLoss | null>(null)
  const onAccessLost = useCallback((next: AccessLoss) => setLoss((current) => current ?? next), [])

  const [tickets, setTickets] = useState<TicketSource | null>(null)
  useEffect(() => {
    const source = createTicketSource({ initialTicket: ticket, ticketUrl, ttlSeconds: ticketTtlSeconds, onAccessLost })
    setTickets(source)
    return () => source.dispose()
  }, [ticket, ticketUrl, ticketTtlSeconds, onAccessLost])

  // "Wait" reasons keep knocking (the meeting client does that by itself); "out" reasons end it.
  const onForbidden = useCallback(
    (reason: string) => {
      const outcome = forbiddenOutcome(reason)
      if (outcome.kind === 'out') onAccessLost(outcome.loss)
    },
    [onAccessLost],
  )
  const meeting = useMeeting({ conferenceId, tickets, device, enabled: loss === null, onForbidden })

  useEffect(() => {
    if (!meeting.access) return
    const outcome = accessStateOutcome(meeting.access.state)
    if (outcome.kind === 'out') onAccessLost(outcome.loss)
    // Let in: the server renders the page again, now with the conference.
    else if (outcome.place !== 'lobby') router.refresh()
  }, [meeting.access, onAccessLost, router])

  useEffect(() => {
    // Someone removed earlier may still have a copy of the board on this device.
    if (loss && ERASING_LOSSES.has(loss)) void forgetLocalBoard(conferenceId)
  }, [loss, conferenceId])

  if (loss) return <AccessNotice loss={loss} conferenceId={conferenceId} />
  return <WaitingScreen place="lobby" role={me.role} variant={variant} />
}
