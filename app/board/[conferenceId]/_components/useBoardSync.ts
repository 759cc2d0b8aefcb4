'use client'

import { useEffect, useState } from 'react'
import { openBoardConnection, type BoardConnection, type ConnectionStatus } from './board-connection'
import type { AccessLoss, TicketSource } from './ticket-source'

export type { ConnectionStatus } from './board-connection'

export type BoardSession = Pick<BoardConnection, 'doc' | 'awareness'>

export interface BoardSyncState {
  session: BoardSession | null
  /** The device's copy is loaded and the server's state arrived (or could not, for now): show the canvas. */
  ready: boolean
  status: ConnectionStatus
  /** How often the server refused a message as too large (1009): an edit that cannot be sent. */
  tooLarge: number
}

/** The board's connection (see board-connection.ts) for as long as the board is shown and allowed. */
export function useBoardSync(options: {
  conferenceId: string
  tickets: TicketSource | null
  enabled: boolean
  onAccessLost(loss: AccessLoss): void
}): BoardSyncState {
  const { conferenceId, tickets, enabled, onAccessLost } = options
  const [session, setSession] = useState<BoardSession | null>(null)
  const [ready, setReady] = useState(false)
  const [status, setStatus] = useState<ConnectionStatus>('connecting')
  const [tooLarge, setTooLarge] = useState(0)

  useEffect(() => {
    if (!tickets || !enabled) return
    let cancelled = false
    let connection: BoardConnection | null = null
    const events = {
      onStatus: (next: ConnectionStatus) => !cancelled && setStatus(next),
      onReady: () => !cancelled && setReady(true),
      onTooLarge: () => !cancelled && setTooLarge((n) => n + 1),
      onAccessLost: (loss: AccessLoss) => !cancelled && onAccessLost(loss),
    }
    void openBoardConnection(conferenceId, tickets, events).then((opened) => {
      if (cancelled) return opened.destroy()
      connection = opened
      setSession({ doc: opened.doc, awareness: opened.awareness })
    })
    return () => {
      cancelled = true
      connection?.destroy()
      setSession(null)
      setReady(false)
      setStatus('connecting')
    }
  }, [conferenceId, tickets, enabled, onAccessLost])

  return { session, ready, status, tooLarge }
}
