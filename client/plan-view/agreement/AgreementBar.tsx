'use client'

import Link from 'next/link'
import type { JSX } from 'react'
import { useLocale, useT } from '@/client/i18n/I18nProvider'
import type { Device, ParticipantRole } from '@/lib/conference/model'
import type { MessageKey } from '@/lib/i18n'
import type { PlanReadiness } from '@/lib/plan/readiness'
import type { Plan } from '@/lib/plan/schema'
import type { OpenProposal, ProposalParty } from '@/lib/protocol/meeting'
import type { AccessLoss, TicketSource } from '../../board/session/ticket-source'
import type { PlanLookup } from '../plan-lookup'
import styles from './AgreementBar.module.css'
import { formatMoment } from './format-time'
import { ProposeReadiness } from './ProposeReadiness'
import { useAgreement, type AgreementFailure, type AgreementNotice, type AgreementState } from './useAgreement'

export interface AgreementBarProps {
  conferenceId: string
  /** The board's ticket source (null until the page has one). */
  tickets: TicketSource | null
  me: { participantId: string; role: ParticipantRole }
  /** Phone or desktop layout, for the roster; detected when not given. */
  device?: Device
  /** The plan as the board shows it now: when it differs from the proposal, the bar says so. */
  currentPlan?: Plan | null
  /** Whether the plan as the board shows it now can be proposed, and its open warnings (null while loading). */
  readiness?: PlanReadiness | null
  /** Names of the plan's items, to say what each warning is about. */
  lookup?: PlanLookup
  /** Whether the policy lets me export the frozen versions now (the bar links to them then). */
  mayExport?: boolean
  /** Whether the policy lets me lead the agreeing now (`plan.propose`): propose, withdraw, record a spoken yes. */
  mayPropose: boolean
  enabled?: boolean
  onAccessLost(loss: AccessLoss): void
}

/**
 * Agreeing on the plan, for the plan view. Whoever leads the agreeing (the facilitator, when the
 * policy lets them: `plan.propose`) proposes the plan as it stands; everyone present sees who has
 * agreed and agrees on their own device with one big button; the one leading can record the
 * spoken yes of someone present; when all have agreed the version is frozen and the bar says
 * which version, and when.
 */
export function AgreementBar(props: AgreementBarProps): JSX.Element {
  const { me, conferenceId } = props
  const t = useT()
  const state = useAgreement(props)
  const leads = props.mayPropose
  const headingId = `agreement-${conferenceId}`

  return (
    <section className={styles.bar} aria-labelledby={headingId} data-testid="agreement-bar">
      <h2 id={headingId} className={styles.title}>
        {t('versions.bar.title')}
      </h2>
      <div aria-live="polite">
        <NoticeLine state={state} />
        {state.failure && <FailureLine failure={state.failure} onDismiss={state.dismiss} />}
      </div>
      {state.proposal ? (
        <ProposalView proposal={state.proposal} state={state} me={me} leads={leads} currentPlan={props.currentPlan ?? null} />
      ) : (
        <>
          <LatestVersion state={state} />
          {leads && props.readiness && props.lookup && (
            <ProposeReadiness readiness={props.readiness} lookup={props.lookup}>
              {(accepted, ready) => (
                <div className={styles.action}>
                  <button
                    type="button"
                    className="button"
                    onClick={() => state.propose(accepted)}
                    disabled={!ready || state.connection !== 'connected' || state.busy !== null}
                    data-testid="agreement-propose"
                  >
                    {state.busy?.action === 'propose' ? t('versions.bar.proposing') : t('versions.bar.propose')}
                  </button>
                  <p className={styles.hint}>{t('versions.bar.proposeHint')}</p>
                </div>
              )}
            </ProposeReadiness>
          )}
          {!leads && state.latest === null && <p className={styles.hint}>{t('versions.bar.nothingYet')}</p>}
        </>
      )}
      {props.mayExport && state.latest && !state.proposal && (
        <p className={styles.exportLink}>
          <Link href={`/conferences/${conferenceId}#versions`}>{t('versions.bar.toExport')}</Link>
        </p>
      )}
      {state.connection !== 'connected' && (
        <p className={styles.connection} role="status">
          {t(state.connection === 'connecting' ? 'versions.bar.connecting' : 'versions.bar.unavailable')}
        </p>
      )}
    </section>
  )
}

function ProposalView({
  proposal,
  state,
  me,
  leads,
  currentPlan,
}: {
  proposal: OpenProposal
  state: AgreementState
  me: AgreementBarProps['me']
  leads: boolean
  currentPlan: Plan | null
}): JSX.Element {
  const t = useT()
  const locale = useLocale()
  const mine = proposal.parties.find((p) => p.participantId === me.participantId)
  const agreed = proposal.parties.filter((p) => p.agreedAt !== null).length
  const total = proposal.parties.length
  const complete = agreed === total
  const changed = currentPlan !== null && JSON.stringify(currentPlan) !== JSON.stringify(proposal.plan)
  const canAct = state.connection === 'connected' && state.busy === null
  const proposedAt = formatMoment(proposal.proposedAt, locale)

  return (
    <div className={styles.proposal} data-testid="agreement-proposal">
      <p className={styles.lead}>
        {t(leads ? 'versions.bar.openFacilitator' : mine ? 'versions.bar.open' : 'versions.bar.openOthers', { time: proposedAt.time })}
      </p>
      <p className={styles.progress} data-testid="agreement-progress">
        {complete ? t('versions.bar.freezing') : t('versions.bar.progress', { agreed, total })}
      </p>
      {changed && <p className={styles.changed}>{t('versions.bar.changedSince')}</p>}
      {proposal.acceptedWarnings.length > 0 && (
        <p className={styles.hint} data-testid="agreement-accepted-warnings">
          {t('plan.ready.acceptedWarnings', { count: proposal.acceptedWarnings.length })}
        </p>
      )}

      {mine && mine.agreedAt === null && (
        <div className={styles.mine}>
          <button type="button" className="button button--big" onClick={state.confirm} disabled={!canAct} data-testid="agreement-confirm">
            {state.busy?.action === 'confirm' ? t('versions.bar.agreeing') : t('versions.bar.agree')}
          </button>
          <p className={styles.hint}>{t('versions.bar.agreeHint')}</p>
        </div>
      )}
      {mine && mine.agreedAt !== null && (
        <p className={styles.done} data-testid="agreement-mine-done">
          <span aria-hidden="true">✓ </span>
          {t('versions.bar.youAgreed')}
        </p>
      )}
      {!mine && !leads && <p className={styles.hint}>{t('versions.bar.notOnList')}</p>}
      {leads && !complete && <p className={styles.hint}>{t('versions.bar.facilitatorWaits')}</p>}

      <ul className={styles.parties} aria-label={t('versions.bar.partiesLabel')}>
        {proposal.parties.map((party) => (
          <PartyRow key={party.participantId} party={party} me={me} leads={leads} state={state} canAct={canAct} />
        ))}
      </ul>

      {leads && !complete && (
        <button type="button" className="button button--quiet button--small" onClick={state.withdraw} disabled={!canAct} data-testid="agreement-withdraw">
          {t('versions.bar.withdraw')}
        </button>
      )}
    </div>
  )
}

function PartyRow({
  party,
  me,
  leads,
  state,
  canAct,
}: {
  party: ProposalParty
  me: AgreementBarProps['me']
  leads: boolean
  state: AgreementState
  canAct: boolean
}): JSX.Element {
  const t = useT()
  const locale = useLocale()
  const isMe = party.participantId === me.participantId
  const at = party.agreedAt ? formatMoment(party.agreedAt, locale) : null
  const recordingThis = state.busy?.action === 'confirm-for' && state.busy.participantId === party.participantId
  return (
    <li className={styles.party} data-agreed={at !== null} data-testid="agreement-party">
      <span className={styles.mark} aria-hidden="true">
        {at ? '✓' : '…'}
      </span>
      <span className={styles.who}>
        <span className={styles.name}>
          {party.name}
          {isMe && ` (${t('versions.bar.you')})`}
        </span>
        <span className={styles.status}>
          {t(`common.role.${party.role}`)} ·{' '}
          {at === null
            ? t('versions.party.waiting')
            : party.recordedBy
              ? t('versions.party.recorded', { time: at.time })
              : t('versions.party.agreed', { time: at.time })}
        </span>
      </span>
      {leads && at === null && (
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={() => state.confirmFor(party.participantId)}
          disabled={!canAct}
          data-testid="agreement-confirm-for"
        >
          {recordingThis ? t('versions.bar.recording') : t('versions.bar.confirmFor', { name: party.name })}
        </button>
      )}
    </li>
  )
}

function LatestVersion({ state }: { state: AgreementState }): JSX.Element | null {
  const t = useT()
  const locale = useLocale()
  if (!state.latest || state.notice?.kind === 'frozen') return null
  const at = formatMoment(state.latest.frozenAt, locale)
  return (
    <p className={styles.latest} data-testid="agreement-latest">
      {t('versions.bar.frozen', { version: state.latest.version, date: at.date, time: at.time })}
    </p>
  )
}

function NoticeLine({ state }: { state: AgreementState }): JSX.Element | null {
  const t = useT()
  const locale = useLocale()
  const notice: AgreementNotice | null = state.notice
  if (!notice) return null
  if (notice.kind === 'frozen') {
    const at = formatMoment(notice.frozenAt, locale)
    return (
      <p className={styles.frozen} data-testid="agreement-frozen">
        <span aria-hidden="true">✓ </span>
        {t('versions.bar.frozen', { version: notice.version, date: at.date, time: at.time })}
      </p>
    )
  }
  return (
    <p className={styles.withdrawn}>
      {t(notice.kind === 'withdrawn' ? 'versions.bar.withdrawn' : 'versions.bar.notSaved')}{' '}
      <button type="button" className={styles.dismiss} onClick={state.dismiss}>
        {t('versions.bar.dismiss')}
      </button>
    </p>
  )
}

function FailureLine({ failure, onDismiss }: { failure: AgreementFailure; onDismiss(): void }): JSX.Element {
  const t = useT()
  return (
    <p className={styles.failure} role="alert">
      {t(failureKey(failure))}{' '}
      <button type="button" className={styles.dismiss} onClick={onDismiss}>
        {t('versions.bar.dismiss')}
      </button>
    </p>
  )
}

/** What to say when the server refused a request: by the request and the refusal's code. */
function failureKey({ action, code }: AgreementFailure): MessageKey {
  if (code === 'not_proposable') return 'plan.ready.refused.notProposable'
  if (code === 'warnings_changed') return 'plan.ready.refused.warningsChanged'
  if (code === 'not_found') return 'versions.error.stale'
  if (code === 'forbidden') return action === 'confirm' ? 'versions.error.notOnList' : 'versions.error.onlyFacilitator'
  if (code === 'conflict') return action === 'propose' ? 'versions.error.alreadyOpen' : 'versions.error.freezing'
  if (code === 'bad_request' && action === 'propose') return 'versions.error.nobodyPresent'
  return 'versions.error.generic'
}
