'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import type { Socket } from 'socket.io-client'
import { bindAgreement, type AgreementClient } from '@/lib/conference/agreement-client'
import { VersionListResponse } from '@/lib/protocol/versions'
import type { Device } from '@/lib/conference/model'
import type { RequestFailure } from '@/lib/meeting/request-outcome'
import type { AckResult, OpenProposal } from '@/lib/protocol/meeting'
import type { AccessLoss, TicketSource } from '../../board/session/ticket-source'
import { useRequest } from '../../board/meeting/useRequest'
import { useDevice } from '../../board/session/useDevice'
import { openAgreementSocket, type AgreementConnection } from './agreement-socket'

export type AgreementAction = 'propose' | 'confirm' | 'confirm-for' | 'withdraw'

/** What happened last that the bar tells everyone about until it is dismissed. */
export type AgreementNotice = { kind: 'frozen'; version: number; frozenAt: string } | { kind: 'withdrawn' } | { kind: 'not-saved' }

export type AgreementFailure = RequestFailure<AgreementAction>

export interface AgreementState {
  connection: AgreementConnection
  /** The open proposal, or null. */
  proposal: OpenProposal | null
  /** The newest frozen version, or null when none is known (yet). */
  latest: { version: number; frozenAt: string } | null
  notice: AgreementNotice | null
  /** The request on its way: the action, and for confirm-for whose yes. */
  busy: { action: AgreementAction; participantId?: string } | null
  failure: AgreementFailure | null
  /** Propose the plan, confirming these open warnings (their ids). */
  propose(acceptedWarnings: readonly string[]): void
  confirm(): void
  confirmFor(participantId: string): void
  withdraw(): void
  dismiss(): void
}

/**
 * Agreeing on the plan from the plan view: its own meeting connection (see agreement-socket.ts),
 * the open proposal as the server announces it, the newest frozen version (from the versions
 * route, then from `plan:frozen`), and the four requests with their outcome.
 */
export function useAgreement(options: {
  conferenceId: string
  tickets: TicketSource | null
  /** Phone or desktop layout, for the roster; detected when not given. */
  device?: Device
  enabled?: boolean
  onAccessLost(loss: AccessLoss): void
}): AgreementState {
  const { conferenceId, tickets, onAccessLost } = options
  const detectedDevice = useDevice()
  const device = options.device ?? detectedDevice
  const enabled = options.enabled ?? true
  const [connection, setConnection] = useState<AgreementConnection>('connecting')
  const [proposal, setProposal] = useState<OpenProposal | null>(null)
  const [latest, setLatest] = useState<AgreementState['latest']>(null)
  const [notice, setNotice] = useState<AgreementNotice | null>(null)
  const request = useRequest<AgreementAction>()
  const client = useRef<AgreementClient | null>(null)
  const socket = useRef<Socket | null>(null)
  // The device for the next handshake; a change while connected is sent as `device:set`.
  const deviceNow = useRef(device)

  useEffect(() => {
    if (!tickets || !enabled) return
    let alive = true
    const connection = openAgreementSocket({
      conferenceId,
      device: deviceNow.current,
      tickets,
      onStatus: (state) => alive && setConnection(state),
      onAccessLost,
    })
    const agreement = bindAgreement(connection.socket)
    client.current = agreement
    socket.current = connection.socket
    const stops = [
      agreement.onProposal((message) => {
        if (alive && message.conferenceId === conferenceId) setProposal(message.proposal)
      }),
      agreement.onFrozen((message) => {
        if (!alive || message.conferenceId !== conferenceId) return
        setLatest({ version: message.version, frozenAt: message.frozenAt })
        setNotice({ kind: 'frozen', version: message.version, frozenAt: message.frozenAt })
      }),
      agreement.onWithdrawn((message) => {
        if (alive && message.conferenceId === conferenceId) setNotice({ kind: message.reason === 'withdrawn' ? 'withdrawn' : 'not-saved' })
      }),
    ]
    return () => {
      alive = false
      for (const stop of stops) stop()
      agreement.dispose()
      connection.close()
      client.current = null
      socket.current = null
    }
  }, [conferenceId, tickets, enabled, onAccessLost])

  // The roster shows which layout each person uses (this may be their only meeting connection).
  useEffect(() => {
    deviceNow.current = device
    if (socket.current?.connected) socket.current.emit('device:set', { device })
  }, [device])

  // The newest version so far; a version frozen while this runs arrives as `plan:frozen`.
  useEffect(() => {
    if (!enabled) return
    const abort = new AbortController()
    fetch(`/api/conferences/${encodeURIComponent(conferenceId)}/versions`, { credentials: 'same-origin', signal: abort.signal })
      .then(async (response) => (response.ok ? VersionListResponse.safeParse(await response.json()) : null))
      .then((parsed) => {
        const newest = parsed?.success ? parsed.data.versions[0] : undefined
        if (newest) setLatest((known) => (known && known.version >= newest.version ? known : { version: newest.version, frozenAt: newest.frozenAt }))
      })
      .catch(() => {
        // Not knowing the last version only hides the "version N" line; agreeing still works.
      })
    return () => abort.abort()
  }, [conferenceId, enabled])

  const { run: send } = request
  const run = useCallback(
    (action: AgreementAction, ask: (agreement: AgreementClient) => Promise<AckResult>, participantId?: string) => {
      const agreement = client.current
      if (agreement) void send(action, () => ask(agreement), participantId)
    },
    [send],
  )

  const proposalId = proposal?.id
  return {
    connection,
    proposal,
    latest,
    notice,
    busy: request.busy && { action: request.busy.action, participantId: request.busy.subject },
    failure: request.failure,
    propose: (acceptedWarnings) => {
      setNotice(null)
      run('propose', (a) => a.propose(acceptedWarnings))
    },
    confirm: () => proposalId && run('confirm', (a) => a.confirm(proposalId)),
    confirmFor: (participantId) => proposalId && run('confirm-for', (a) => a.confirmFor(proposalId, participantId), participantId),
    withdraw: () => proposalId && run('withdraw', (a) => a.withdraw(proposalId)),
    dismiss: () => {
      setNotice(null)
      request.dismiss()
    },
  }
}
