'use client'

import Link from 'next/link'
import { useCallback, useEffect, useState, type JSX } from 'react'
import { useT } from '@/app/_i18n/I18nProvider'
import type { ParticipantRole } from '@/lib/conference/model'
import { AccessNotice } from '../../_components/AccessNotice'
import { forgetLocalBoard } from '../../_components/board-connection'
import { ConnectionStatus } from '../../_components/ConnectionStatus'
import { createTicketSource, type AccessLoss, type TicketSource } from '../../_components/ticket-source'
import { useBoardSync } from '../../_components/useBoardSync'
import { AgreementBar } from './agreement/AgreementBar'
import styles from './Plan.module.css'
import { PlanView } from './PlanView'
import { useDerivedPlan } from './useDerivedPlan'

export interface PlanClientProps {
  conferenceId: string
  conferenceTitle: string
  /** Initial short-lived ticket for the sync socket (as on the board page). */
  ticket: string
  ticketUrl: string
  ticketTtlSeconds: number
  me: { participantId: string; displayName: string; role: ParticipantRole }
}

/**
 * The plan view: the board's Yjs document over the same connection the board uses (stock
 * y-websocket provider, the device's copy in IndexedDB), without tldraw; the plan is derived from
 * it on every change and shown as plain, accessible HTML. Also the reading view on a phone.
 */
export function PlanClient(props: PlanClientProps): JSX.Element {
  const { conferenceId, ticket, ticketUrl, ticketTtlSeconds, me } = props
  const t = useT()

  const [accessLoss, setAccessLoss] = useState<AccessLoss | null>(null)
  const onAccessLost = useCallback((loss: AccessLoss) => setAccessLoss((current) => current ?? loss), [])

  const [tickets, setTickets] = useState<TicketSource | null>(null)
  useEffect(() => {
    const source = createTicketSource({ initialTicket: ticket, ticketUrl, ttlSeconds: ticketTtlSeconds, onAccessLost })
    setTickets(source)
    return () => source.dispose()
  }, [ticket, ticketUrl, ticketTtlSeconds, onAccessLost])

  const sync = useBoardSync({ conferenceId, tickets, enabled: accessLoss === null, onAccessLost })
  const derived = useDerivedPlan(sync.session && sync.ready ? sync.session.doc : null)

  useEffect(() => {
    // Child-protection data: a withdrawn person keeps nothing of the board on their device.
    if (accessLoss === 'withdrawn') void forgetLocalBoard(conferenceId)
  }, [accessLoss, conferenceId])

  if (accessLoss) return <AccessNotice loss={accessLoss} conferenceId={conferenceId} />

  return (
    <div className={styles.plan} data-testid="plan-view">
      <header className={styles.header}>
        <div className={styles.headerRow}>
          <Link className={`back-link ${styles.back}`} href={`/board/${conferenceId}`}>
            <span aria-hidden="true">←</span> {t('plan.view.backToBoard')}
          </Link>
          <ConnectionStatus status={sync.status} />
        </div>
        <h1 className={styles.title}>{t('plan.view.heading', { title: props.conferenceTitle })}</h1>
        <p className={styles.intro}>{t('plan.view.intro')}</p>
        {sync.status === 'offline' ? <p className={styles.offline}>{t('plan.view.notYetSynced')}</p> : null}
      </header>

      <AgreementBar
        conferenceId={conferenceId}
        tickets={tickets}
        me={me}
        currentPlan={derived?.plan ?? null}
        enabled={accessLoss === null}
        onAccessLost={onAccessLost}
      />

      {derived && sync.session ? (
        <PlanView derived={derived} doc={sync.session.doc} canSetThreshold={me.role === 'facilitator'} />
      ) : (
        <p className={styles.loading} role="status" aria-live="polite">
          <span className="board-loading__ring" aria-hidden="true" />
          {t('plan.view.loading')}
        </p>
      )}
    </div>
  )
}
