'use client'

import { useEffect, useState } from 'react'
import { forgetLocalBoard, openBoardConnection, type BoardConnection, type ConnectionStatus, type LoadFailure } from './board-connection'
import type { AccessLoss, TicketSource } from './ticket-source'

export type { ConnectionStatus, LoadFailure } from './board-connection'

export type BoardSession = Pick<BoardConnection, 'doc' | 'awareness'>

export interface BoardSyncState {
  session: BoardSession | null
  /** The device's copy is loaded and the server's state arrived (or could not, for now): show the canvas. */
  ready: boolean
  status: ConnectionStatus
  /** How often the server refused a message as too large (1009): an edit that cannot be sent. */
  tooLarge: number
  /** The last edit the server refused (its `WriteRefusal` reason), and how many so far. */
  refusedEdit: { reason: string; count: number } | null
  /** The board could not be loaded (see LoadFailure): show a notice, never an empty canvas. */
  loadFailed: LoadFailure | null
}

/**
 * The board's connection (see board-connection.ts) for as long as the board is shown and allowed.
 * When `enabled` turns false (private time, the lobby, access lost) the provider, the document
 * and the session are torn down at once: nothing of the board stays in memory or keeps syncing.
 */
export function useBoardSync(options: {
  conferenceId: string
  tickets: TicketSource | null
  enabled: boolean
  /** A 4403 on the sync socket, with its close reason. */
  onForbidden(reason: string): void
  onAccessLost(loss: AccessLoss): void
}): BoardSyncState {
  const { conferenceId, tickets, enabled, onForbidden, onAccessLost } = options
  const [session, setSession] = useState<BoardSession | null>(null)
  const [ready, setReady] = useState(false)
  const [status, setStatus] = useState<ConnectionStatus>('connecting')
  const [tooLarge, setTooLarge] = useState(0)
  const [refusedEdit, setRefusedEdit] = useState<{ reason: string; count: number } | null>(null)
  const [loadFailed, setLoadFailed] = useState<LoadFailure | null>(null)
  // Bumped to load the board afresh (a new document) after the server refused one of our edits.
  const [generation, setGeneration] = useState(0)

  useEffect(() => {
    if (!tickets || !enabled) return
    let cancelled = false
    let connection: BoardConnection | null = null
    const events = {
      onStatus: (next: ConnectionStatus) => !cancelled && setStatus(next),
      onReady: () => !cancelled && setReady(true),
      onTooLarge: () => !cancelled && setTooLarge((n) => n + 1),
      onForbidden: (reason: string) => !cancelled && onForbidden(reason),
      onEditRefused: (reason: string) => {
        if (cancelled) return
        cancelled = true
        setRefusedEdit((last) => ({ reason, count: (last?.count ?? 0) + 1 }))
        // Drop this copy (memory and device) with the refused edit in it, then load the board again.
        connection?.destroy()
        connection = null
        void forgetLocalBoard(conferenceId).finally(() => setGeneration((n) => n + 1))
      },
      onAccessLost: (loss: AccessLoss) => !cancelled && onAccessLost(loss),
      onLoadFailed: (failure: LoadFailure) => !cancelled && setLoadFailed(failure),
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
      setLoadFailed(null)
    }
  }, [conferenceId, tickets, enabled, onForbidden, onAccessLost, generation])

  return { session, ready, status, tooLarge, refusedEdit, loadFailed }
}
