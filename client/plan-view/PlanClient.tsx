'use client'

import Link from 'next/link'
import { useMemo, type JSX } from 'react'
import { useT } from '@/client/i18n/I18nProvider'
import type { ParticipantRole } from '@/lib/conference/model'
import { readinessOf } from '@/lib/plan/readiness'
import { AccessNotice } from '../board/AccessNotice'
import { refusedEditMessage } from '../board/BoardNotices'
import { ConnectionStatus } from '../board/ConnectionStatus'
import { PhaseBadge } from '../board/meeting/PhaseBadge'
import { PrivateTimeReady } from '../board/meeting/PrivateTimeReady'
import { WaitingScreen } from '../board/meeting/WaitingScreen'
import { useBoardSession } from '../board/session/useBoardSession'
import { AgreementBar } from './agreement/AgreementBar'
import { bottomLineTicker } from './bottom-line-ticker'
import { planIntroKey } from './plan-intro'
import { planLookup } from './plan-lookup'
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

/** Out of the meeting for good: nothing of the board stays on this device (child-protection data). */

// The agreement bar's own meeting socket hears every 4403 this page's meeting socket hears, with
// the same reason; this page decides whether it means "wait" or "out", so the bar need not.
const decidedByThePage = () => {}

/**
 * The plan view: the board's Yjs document over the same connection the board uses (stock
 * y-websocket provider, the device's copy in IndexedDB), without tldraw; the plan is derived from
 * it on every change and shown as plain, accessible HTML. Also the reading view on a phone.
 *
 * The meeting is connected here too: the phase is always shown, "We zijn klaar" is offered during
 * private family time, and whoever has no board now (private time, the lobby) sees the same
 * waiting screen as on the board instead of the plan: no sync connection, nothing of the document.
 */
export function PlanClient(props: PlanClientProps): JSX.Element {
  const { conferenceId, ticket, ticketUrl, ticketTtlSeconds, me } = props
  const t = useT()

  const session = useBoardSession({ conferenceId, ticket, ticketUrl, ticketTtlSeconds, me })
  const { accessLoss, tickets, meeting, role, phase, access, permissions, sync } = session
  const derived = useDerivedPlan(sync.session && sync.ready ? sync.session.doc : null)
  const readiness = useMemo(() => (derived ? readinessOf(derived.plan, derived.settings) : null), [derived])
  const lookup = useMemo(() => (derived ? planLookup(derived.plan, derived.findings) : undefined), [derived])

  if (accessLoss) return <AccessNotice loss={accessLoss} conferenceId={conferenceId} />

  const place = access.view.place
  const meNow = { ...me, role }

  return (
    <div className={styles.plan} data-testid="plan-view" data-place={place}>
      <header className={styles.header}>
        <div className={styles.headerRow}>
          <Link className={`back-link ${styles.back}`} href={`/board/${conferenceId}`}>
            <span aria-hidden="true" className="flip-in-rtl">←</span> {t('plan.view.backToBoard')}
          </Link>
          {place === 'in' ? <ConnectionStatus status={sync.status} /> : null}
        </div>
        <h1 className={styles.title}>{t('plan.view.heading', { title: props.conferenceTitle })}</h1>
        {place !== 'lobby' ? (
          <p className={styles.intro}>
            <PhaseBadge phase={phase} timerEndsAt={meeting.conference?.timerEndsAt ?? null} facilitation={meeting.facilitation} />
          </p>
        ) : null}
        {place === 'in' ? (
          <p className={styles.intro} data-testid="plan-intro">
            {t(planIntroKey(phase))}
          </p>
        ) : null}
        {place === 'in' && sync.status === 'offline' ? <p className={styles.offline}>{t('plan.view.notYetSynced')}</p> : null}
        {place === 'in' && sync.refusedEdit ? (
          <p className={styles.offline} role="status" data-testid="refused-edit-notice" data-reason={sync.refusedEdit.reason}>
            {t(refusedEditMessage(sync.refusedEdit.reason))}
          </p>
        ) : null}
        {place === 'in' && permissions.canEndPrivateTime ? (
          <PrivateTimeReady actions={meeting.actions} disabled={meeting.state !== 'connected'} />
        ) : null}
      </header>

      {place !== 'in' ? (
        <WaitingScreen place={place} role={role} variant="page" />
      ) : (
        <>
          <AgreementBar
            conferenceId={conferenceId}
            tickets={tickets}
            me={meNow}
            currentPlan={derived?.plan ?? null}
            readiness={readiness}
            lookup={lookup}
            mayExport={permissions.canExport}
            mayPropose={permissions.canProposePlan}
            enabled={accessLoss === null}
            onAccessLost={decidedByThePage}
          />

          {derived && sync.session ? (
            <PlanView derived={derived} doc={sync.session.doc} canSetThreshold={permissions.canChangeSettings} ticker={bottomLineTicker(meNow, phase)} />
          ) : (
            <p className={styles.loading} role="status" aria-live="polite">
              <span className="board-loading__ring" aria-hidden="true" />
              {t('plan.view.loading')}
            </p>
          )}
        </>
      )}
    </div>
  )
}
