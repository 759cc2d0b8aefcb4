'use client'

import dynamic from 'next/dynamic'
import { useCallback, useRef, useState, type JSX } from 'react'
import { useLocale, useT } from '@/client/i18n/I18nProvider'
import type { ParticipantRole } from '@/lib/conference/model'
import type { RecordRejectedError } from '@/lib/sync/record-rejection'
import { AccessNotice } from './AccessNotice'
import styles from './Board.module.css'
import { BoardHeader } from './BoardHeader'
import { BoardLoadFailed, BoardNotices } from './BoardNotices'
import { CanvasLoading } from './canvas/CanvasLoading'
import { MeetingStrip } from './meeting/MeetingStrip'
import { useLobbyArrivals } from './meeting/useLobbyArrivals'
import { WaitingScreen } from './meeting/WaitingScreen'
import { RosterPanel } from './RosterPanel'
import { useBoardSession } from './session/useBoardSession'

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
const BoardCanvas = dynamic(() => import('./canvas/BoardCanvas'), { ssr: false, loading: () => <CanvasLoading /> })
// What the meeting puts inside the canvas needs tldraw too: it comes with the canvas, not before.
const BoardLayers = dynamic(() => import('./meeting/BoardLayers').then((module) => module.BoardLayers), { ssr: false })

/** Out of the meeting for good: nothing of the board stays on this device (child-protection data). */

/**
 * The live board: header (conference, who I am, phase, connection), the meeting strip (phase
 * controls, "We zijn klaar", notices), the canvas bound to the board's Yjs document, the roster.
 *
 * Where this person stands decides what is on the page: on the board; in the waiting room during
 * private family time or in the lobby until let in (no canvas and no sync connection at all, the
 * meeting stays connected and brings the board back by itself); or out (removed, declined,
 * revoked: everything of the board is taken off the screen and off the device).
 */
export function BoardClient(props: BoardClientProps): JSX.Element {
  const { conferenceId, ticket, ticketUrl, ticketTtlSeconds, me, licenseKey } = props
  const t = useT()
  const locale = useLocale()

  const session = useBoardSession({ conferenceId, ticket, ticketUrl, ticketTtlSeconds, me })
  const { accessLoss, meeting, role, phase, context, access, permissions, sync } = session

  const [refusedSeen, setRefusedSeen] = useState(0)
  // Items, not events: a record refused again at every change of it counts once.
  const rejectedIds = useRef(new Set<string>())
  const [rejected, setRejected] = useState(0)
  const onRejected = useCallback((recordId: string, _error: RecordRejectedError) => {
    rejectedIds.current.add(recordId)
    setRejected(rejectedIds.current.size)
  }, [])
  const reparentedIds = useRef(new Set<string>())
  const [reparented, setReparented] = useState(0)
  const onReparented = useCallback((recordIds: string[]) => {
    for (const id of recordIds) reparentedIds.current.add(id)
    setReparented(reparentedIds.current.size)
  }, [])
  const [contentRefused, setContentRefused] = useState(false)
  const onContentRefused = useCallback(() => setContentRefused(true), [])
  const [outdated, setOutdated] = useState(false)
  const onOutdated = useCallback(() => setOutdated(true), [])
  const [tooLargeSeen, setTooLargeSeen] = useState(0)

  const [rosterOpen, setRosterOpen] = useState(false)
  const rosterId = `roster-${conferenceId}`

  const lobby = useLobbyArrivals(permissions.canManageParticipants ? meeting.lobby : null)
  const showLobby = useCallback(() => {
    setRosterOpen(true)
    lobby.dismiss()
    // After the drawer opened (phones): bring the lobby into view and to the keyboard.
    requestAnimationFrame(() => {
      const first = document.querySelector<HTMLButtonElement>('[data-testid="lobby-admit"]')
      first?.scrollIntoView({ block: 'nearest' })
      first?.focus()
    })
  }, [lobby])

  if (accessLoss) return <AccessNotice loss={accessLoss} conferenceId={conferenceId} />

  const place = access.view.place
  const onBoard = place === 'in'
  const connected = meeting.state === 'connected'

  return (
    <div className={styles.board} data-place={place}>
      <BoardHeader
        conferenceId={conferenceId}
        title={props.conferenceTitle}
        me={{ displayName: me.displayName, role }}
        phase={phase}
        timerEndsAt={meeting.conference?.timerEndsAt ?? null}
        facilitation={meeting.facilitation}
        onBoard={onBoard}
        status={sync.status}
        roster={meeting.roster}
        rosterId={rosterId}
        rosterOpen={rosterOpen}
        inMeeting={place !== 'lobby'}
        onToggleRoster={() => setRosterOpen((open) => !open)}
      />
      <MeetingStrip
        phase={phase}
        facilitatorStays={context.facilitatorStaysInPrivateTime}
        permissions={permissions}
        onBoard={onBoard}
        connected={connected}
        actions={meeting.actions}
        notice={access.view.notice}
        onDismissNotice={access.dismissNotice}
        arrivals={lobby.arrivals}
        onShowLobby={showLobby}
        onDismissArrivals={lobby.dismiss}
      />
      {onBoard ? (
        <BoardNotices
          offline={sync.status === 'offline'}
          rejected={rejected}
          onDismissRejected={() => {
            rejectedIds.current.clear()
            setRejected(0)
          }}
          reparented={reparented}
          onDismissReparented={() => {
            reparentedIds.current.clear()
            setReparented(0)
          }}
          contentRefused={contentRefused}
          onDismissContentRefused={() => setContentRefused(false)}
          outdated={outdated}
          tooLarge={sync.tooLarge > tooLargeSeen}
          onDismissTooLarge={() => setTooLargeSeen(sync.tooLarge)}
          refusedEdit={sync.refusedEdit && sync.refusedEdit.count > refusedSeen ? sync.refusedEdit.reason : null}
          onDismissRefusedEdit={() => setRefusedSeen(sync.refusedEdit?.count ?? 0)}
        />
      ) : null}
      <div className={styles.body}>
        <main className={styles.canvas} data-testid="board-canvas" aria-label={t('board.canvas.label')}>
          {place !== 'in' ? (
            <WaitingScreen place={place} role={role} />
          ) : sync.loadFailed ? (
            <BoardLoadFailed />
          ) : sync.session && sync.ready ? (
            <BoardCanvas
              session={sync.session}
              me={{ participantId: me.participantId, displayName: me.displayName, role }}
              locale={locale}
              licenseKey={licenseKey}
              onRejected={onRejected}
              onReparented={onReparented}
              onContentRefused={onContentRefused}
              onOutdated={onOutdated}
              phase={phase}
              policyContext={context}
            >
              <BoardLayers
                readOnly={!permissions.canWrite}
                facilitation={meeting.facilitation}
                me={{ participantId: me.participantId, role }}
                phase={phase}
                context={context}
                roster={meeting.roster}
              />
            </BoardCanvas>
          ) : (
            <CanvasLoading />
          )}
        </main>
        {place !== 'lobby' ? (
          <RosterPanel
            id={rosterId}
            roster={meeting.roster}
            state={meeting.state}
            meId={me.participantId}
            open={rosterOpen}
            manage={permissions.canManageParticipants ? { lobby: meeting.lobby?.waiting ?? [], actions: meeting.actions, disabled: !connected } : null}
          />
        ) : null}
      </div>
    </div>
  )
}
