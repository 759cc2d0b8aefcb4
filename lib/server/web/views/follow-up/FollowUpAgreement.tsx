import type { Locale, Translate } from '@/lib/i18n'
import { formatDate } from '@/lib/i18n/format'
import type { AgreementFollowUp } from '@/lib/plan/follow-up/follow-up'
import styles from './follow-up.module.css'

/** One agreement in the follow-up view: its status and why, its periods, the latest answers. */
export function FollowUpAgreement({ item, names, t, locale }: { item: AgreementFollowUp; names: ReadonlyMap<string, string>; t: Translate; locale: Locale }) {
  const { agreement, status, reasons, periods, recent, requests } = item
  const tookOver = new Map(requests.flatMap((r) => (r.takenOverBy ? [[r.checkIn.id, r.takenOverBy]] : [])))
  return (
    <section className={`card ${styles.agreement}`} data-testid="follow-up-agreement" data-status={status} data-agreement={agreement.id}>
      <span className={`${styles.badge} ${styles[`status-${status}`]}`} data-testid="follow-up-status">
        {t(`followUp.status.${status}`)}
        {reasons.length > 0 && `: ${reasons.map((r) => t(`followUp.reason.${r}`)).join(', ')}`}
      </span>
      <h2>{agreement.what}</h2>
      <p className="muted">
        {agreement.owners.map((o) => o.name ?? '?').join(', ')}
        {agreement.when && ` · ${agreement.when}`}
        {agreement.backup?.name && ` · ${t('followUp.mine.backupName')}: ${agreement.backup.name}`}
      </p>
      {item.ownerIds.length === 0 && <p className="muted">{t('followUp.view.noOwnerOnKring')}</p>}
      <div>
        <strong>{t('followUp.view.periods')}</strong>
        <ol className={styles.periods}>
          {periods.map((p) => (
            <li key={p.index} className={styles.badge} title={formatDate(p.start, locale)}>
              {formatDate(p.start, locale)}:{' '}
              {p.result === null
                ? t('followUp.view.period.open')
                : p.result === 'missing'
                  ? t('followUp.view.period.missing')
                  : p.result === 'covered'
                    ? t('followUp.view.period.covered')
                    : t(`followUp.outcome.${p.result}`)}
            </li>
          ))}
        </ol>
      </div>
      <div>
        <strong>{t('followUp.view.recent')}</strong>
        {recent.length === 0 ? (
          <p className="muted">{t('followUp.view.noAnswers')}</p>
        ) : (
          <ul className={styles.list}>
            {recent.map((c) => {
              const takeover = tookOver.get(c.id)
              return (
                <li key={c.id} data-testid="follow-up-check-in">
                  {t('followUp.view.checkIn', { date: formatDate(c.at, locale), name: names.get(c.participantId) ?? '?', outcome: t(`followUp.outcome.${c.outcome}`) })}
                  {c.reason && ` — “${c.reason}”`}
                  {takeover && ` · ${t('followUp.view.tookOver', { name: names.get(takeover.participantId) ?? '?' })}`}
                </li>
              )
            })}
          </ul>
        )}
      </div>
    </section>
  )
}
