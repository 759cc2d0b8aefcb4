'use client'

import { useId, useState } from 'react'
import type * as Y from 'yjs'
import { useLocale, useT } from '@/client/i18n/I18nProvider'
import { setBottomLineTick, TICK_REASON_MAX, type Ticker } from '@/lib/plan/bottom-line-tick'
import type { PlanAgreement, PlanBottomLine } from '@/lib/plan/schema'
import { formatMoment } from './agreement/format-time'
import styles from './BottomLines.module.css'
import planStyles from './Plan.module.css'
import { anchorOf, shorten } from './plan-labels'
import { Empty, PlanSection } from './PlanSection'

interface Props {
  bottomLines: PlanBottomLine[]
  agreements: PlanAgreement[]
  doc: Y.Doc
  /** Who ticks off from this device, when they may now (a professional in plan en afspraken); null otherwise. */
  ticker: Ticker | null
}

/**
 * The professionals' bottom lines (ondergrenzen), near the top of the plan: for each, whether an
 * agreement answers it and whether a professional ticked it off. A professional in plan en
 * afspraken ticks it off right here; the tick is an edit of the board like any other.
 */
export function BottomLinesSection({ bottomLines, agreements, doc, ticker }: Props) {
  const t = useT()
  const [failed, setFailed] = useState<string | null>(null)
  const whats = new Map(agreements.map((agreement) => [agreement.id, agreement.what.trim() || t('plan.agreement.noWhat')]))

  const tick = (line: PlanBottomLine, on: boolean, reason = '') => {
    if (!ticker) return
    setFailed(setBottomLineTick(doc, line.id, on ? ticker : null, new Date(), reason) ? null : line.id)
  }

  return (
    <PlanSection name="bottomLines" title={t('plan.section.bottomLines')}>
      {bottomLines.length === 0 ? (
        <Empty>{t('plan.empty.bottomLines')}</Empty>
      ) : (
        <>
          <p className={planStyles.muted}>{t('plan.bottomLine.intro')}</p>
          <ul className={planStyles.cards} data-testid="plan-bottom-lines">
            {bottomLines.map((line) => (
              <BottomLine
                key={line.id}
                line={line}
                answeredBy={line.answeredBy.flatMap((id) => (whats.has(id) ? [whats.get(id)!] : []))}
                onTick={ticker ? (on, reason) => tick(line, on, reason) : null}
                failed={failed === line.id}
              />
            ))}
          </ul>
        </>
      )}
    </PlanSection>
  )
}

function BottomLine({
  line,
  answeredBy,
  onTick,
  failed,
}: {
  line: PlanBottomLine
  answeredBy: string[]
  onTick: ((on: boolean, reason?: string) => void) | null
  failed: boolean
}) {
  const t = useT()
  const locale = useLocale()
  const answered = answeredBy.length > 0
  const name = line.tickedBy?.name.trim() || '—'
  const when = line.tickedAt ? formatMoment(line.tickedAt, locale) : null
  return (
    <li id={anchorOf(line.id)} className={styles.card} data-testid="plan-bottom-line" data-answered={answered} data-ticked={line.ticked}>
      <p className={styles.text} dir="auto">
        {line.text}
      </p>
      <ul className={styles.states}>
        <li className={answered ? styles.done : styles.open} data-testid="bottom-line-answered">
          <span aria-hidden="true">{answered ? '✓' : '!'}</span> {answered ? t('plan.bottomLine.answered') : t('plan.bottomLine.notAnswered')}
        </li>
        <li className={line.ticked ? styles.done : styles.waiting} data-testid="bottom-line-tick-state">
          <span aria-hidden="true">{line.ticked ? '✓' : '○'}</span> {line.ticked ? t('plan.bottomLine.ticked') : t('plan.bottomLine.open')}
        </li>
      </ul>
      {answered ? <p className={styles.detail}>{t('plan.bottomLine.answeredBy', { items: answeredBy.join('; ') })}</p> : null}
      {line.ticked ? (
        <p className={styles.detail}>
          {when ? t('plan.bottomLine.tickedByAt', { name, time: `${when.date} ${when.time}` }) : t('plan.bottomLine.tickedBy', { name })}
        </p>
      ) : null}
      {line.ticked && line.tickReason ? (
        <p className={styles.detail} dir="auto" data-testid="bottom-line-tick-reason">
          {t('plan.bottomLine.reason', { reason: line.tickReason })}
        </p>
      ) : null}
      {onTick && !line.ticked && !answered ? (
        <TickWithReason text={line.text} onTick={(reason) => onTick(true, reason)} />
      ) : onTick ? (
        <div className={styles.action}>
          <button
            type="button"
            className={line.ticked ? 'button button--quiet' : 'button'}
            aria-label={line.ticked ? t('plan.bottomLine.untickLabel', { text: shorten(line.text) }) : t('plan.bottomLine.tickLabel', { text: shorten(line.text) })}
            onClick={() => onTick(!line.ticked)}
            data-testid="plan-bottom-line-tick"
          >
            {line.ticked ? t('plan.bottomLine.untick') : t('plan.bottomLine.tick')}
          </button>
        </div>
      ) : null}
      {failed ? (
        <p className={planStyles.formError} role="alert">
          {t('plan.bottomLine.tickFailed')}
        </p>
      ) : null}
    </li>
  )
}

/**
 * No agreement answers this bottom line: a professional may still tick it off, but only with the
 * reason written down (lib/plan/bottom-line-tick.ts); the reason is shown wherever the tick is.
 */
function TickWithReason({ text, onTick }: { text: string; onTick(reason: string): void }) {
  const t = useT()
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const id = useId()
  if (!open) {
    return (
      <div className={styles.action}>
        <button type="button" className="button button--quiet" onClick={() => setOpen(true)} data-testid="plan-bottom-line-tick-reason-open">
          {t('plan.bottomLine.tickWithReason')}
        </button>
      </div>
    )
  }
  return (
    <form
      className={styles.action}
      onSubmit={(event) => {
        event.preventDefault()
        if (reason.trim() !== '') onTick(reason)
      }}
    >
      <label htmlFor={id}>{t('plan.bottomLine.reasonLabel', { text: shorten(text) })}</label>
      <textarea id={id} value={reason} maxLength={TICK_REASON_MAX} rows={3} onChange={(event) => setReason(event.currentTarget.value)} data-testid="plan-bottom-line-reason" />
      <button type="submit" className="button" disabled={reason.trim() === ''} data-testid="plan-bottom-line-tick">
        {t('plan.bottomLine.tickWithReasonConfirm')}
      </button>
    </form>
  )
}
