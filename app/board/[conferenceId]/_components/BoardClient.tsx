'use client'

import dynamic from 'next/dynamic'
import { useCallback, useEffect, useState, type JSX } from 'react'
import { useLocale, useT } from '@/app/_i18n/I18nProvider'
import type { ParticipantRole } from '@/lib/conference/model'
import type { RecordRejectedError } from '@/lib/sync/record-rejection'
import { AccessNotice } from './AccessNotice'
import styles from './Board.module.css'
import { forgetLocalBoard } from './board-connection'
import { BoardHeader } from './BoardHeader'
import { BoardNotices } from './BoardNotices'
import { CanvasLoading } from './CanvasLoading'
import { RosterPanel } from './RosterPanel'
import { createTicketSource, type AccessLoss, type TicketSource } from './ticket-source'
import { useBoardSync } from './useBoardSync'
import { useDevice } from './useDevice'
import { useMeeting } from './useMeeting'

export interface BoardClientProps {
  conferenceId: string
  conferenceTitle: string
  /** Initial short-lived ticket for the sockets (`params: { token }` for sync, `auth.token` for socket.io). */
  ticket: string
  /** POST here (same-origin, cookies included) to get { ticket: string } when the ticket nears expiry or a socket is refused with 4401. 403 means access is gone. */
  ticketUrl: string
  ticketTtlSeconds: number
  me: { participantId: string; displayName: string; role: ParticipantRole }
  licenseKey?: string
}

// tldraw (about 700 KB of script) loads only in the browser and only for the canvas; the header,
// roster and connection status show before it arrives.
const BoardCanvas = dynamic(() => import('./BoardCanvas'), { ssr: false, loading: () => <CanvasLoading /> })

/**
 * The live board: header (conference, who I am, phase, connection), the canvas bound to the
 * board's Yjs document, the roster, and notices for what went wrong. When access is withdrawn,
 * everything of the board is taken off the screen and off the device.
 */
export function BoardClient(props: BoardClientProps): JSX.Element {
  const { conferenceId, ticket, ticketUrl, ticketTtlSeconds, me, licenseKey } = props
  const t = useT()
  const locale = useLocale()
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

  const enabled = accessLoss === null
  const sync = useBoardSync({ conferenceId, tickets, enabled, onAccessLost })
  const meeting = useMeeting({ conferenceId, tickets, device, enabled, onAccessLost })

  useEffect(() => {
    // Child-protection data: a withdrawn person keeps nothing of the board on their device.
    if (accessLoss === 'withdrawn') void forgetLocalBoard(conferenceId)
  }, [accessLoss, conferenceId])

  const [rejected, setRejected] = useState(0)
  const onRejected = useCallback((_recordId: string, _error: RecordRejectedError) => setRejected((n) => n + 1), [])
  const [outdated, setOutdated] = useState(false)
  const onOutdated = useCallback(() => setOutdated(true), [])
  const [tooLargeSeen, setTooLargeSeen] = useState(0)

  const [rosterOpen, setRosterOpen] = useState(false)
  const rosterId = `roster-${conferenceId}`

  if (accessLoss) return <AccessNotice loss={accessLoss} conferenceId={conferenceId} />

  return (
    <div className={styles.board}>
      <BoardHeader
        conferenceId={conferenceId}
        title={props.conferenceTitle}
        me={me}
        phase={meeting.roster?.phase ?? null}
        status={sync.status}
        roster={meeting.roster}
        rosterId={rosterId}
        rosterOpen={rosterOpen}
        onToggleRoster={() => setRosterOpen((open) => !open)}
      />
      <BoardNotices
        offline={sync.status === 'offline'}
        rejected={rejected}
        onDismissRejected={() => setRejected(0)}
        outdated={outdated}
        tooLarge={sync.tooLarge > tooLargeSeen}
        onDismissTooLarge={() => setTooLargeSeen(sync.tooLarge)}
      />
      <div className={styles.body}>
        <main className={styles.canvas} data-testid="board-canvas" aria-label={t('board.canvas.label')}>
          {sync.session && sync.ready ? (
            <BoardCanvas
              session={sync.session}
              me={me}
              locale={locale}
              licenseKey={licenseKey}
              onRejected={onRejected}
              onOutdated={onOutdated}
            />
          ) : (
            <CanvasLoading />
          )}
        </main>
        <RosterPanel
          id={rosterId}
          roster={meeting.roster}
          state={meeting.state}
          meId={me.participantId}
          open={rosterOpen}
        />
      </div>
    </div>
  )
}
