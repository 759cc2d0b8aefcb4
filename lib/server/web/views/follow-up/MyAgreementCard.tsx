import type { Locale, Translate } from '@/lib/i18n'
import { formatDate } from '@/lib/i18n/format'
import type { MyAgreement } from '@/lib/plan/follow-up/follow-up'
import { CHECK_IN_REASON_MAX } from '@/lib/plan/follow-up/model'
import styles from './follow-up.module.css'

interface Props {
  conferenceId: string
  mine: MyAgreement
  names: ReadonlyMap<string, string>
  t: Translate
  locale: Locale
  saved: boolean
}

/**
 * One agreement on the phone page: what, when, how we will know; for an owner the question of this
 * period with three big answers (plain form posts: it works on any phone, also without scripts);
 * for the backup the open "lukt niet" requests with "Ik neem het over".
 */
export function MyAgreementCard({ conferenceId, mine, names, t, locale, saved }: Props) {
  const { agreement, periodDays, current } = mine.followUp
  const weekly = periodDays === 7
  const backupName = agreement.backup?.name ?? null
  const formId = `checkin-${agreement.id.replace(/[^A-Za-z0-9_-]/g, '')}`
  const lastDay = new Date(current.end.getTime() - 1).toISOString()
  return (
    <section className={`card ${styles.agreement}`} data-testid="my-agreement" data-agreement={agreement.id} aria-labelledby={`${formId}-what`}>
      <span className={styles.badge}>{mine.owner ? t('followUp.mine.owner') : t('followUp.mine.backup')}</span>
      <h2 id={`${formId}-what`}>{agreement.what}</h2>
      <dl className={styles.facts}>
        {agreement.owners.length > 0 && (
          <>
            <dt>{t('followUp.mine.owners')}</dt>
            <dd>{agreement.owners.map((o) => o.name ?? '?').join(', ')}</dd>
          </>
        )}
        <dt>{t('followUp.mine.when')}</dt>
        <dd>{agreement.when || '—'}</dd>
        <dt>{t('followUp.mine.howWeKnow')}</dt>
        <dd>{agreement.howWeKnow || '—'}</dd>
        {backupName && !mine.backup && (
          <>
            <dt>{t('followUp.mine.backupName')}</dt>
            <dd>{backupName}</dd>
          </>
        )}
      </dl>
      {mine.owner && (
        <>
          <p className="muted">{weekly ? t('followUp.mine.rhythm.week') : t('followUp.mine.rhythm.weeks', { weeks: Math.round(periodDays / 7) })}</p>
          {saved && <p role="status" className={`${styles.badge} ${styles.answered}`}>{t('followUp.mine.saved')}</p>}
          {mine.answered ? (
            <p className={`${styles.badge} ${styles.answered}`} data-testid="answered">
              {t('followUp.mine.answered', { outcome: t(`followUp.outcome.${mine.answered.outcome}`), date: formatDate(mine.answered.at, locale) })}
            </p>
          ) : (
            <p className={`${styles.badge} ${styles.due}`} data-testid="due">
              {weekly ? t('followUp.mine.due.week') : t('followUp.mine.due.period', { date: formatDate(lastDay, locale) })}
            </p>
          )}
          <form method="post" action={`/api/conferences/${conferenceId}/checkins`} className="stack" aria-label={weekly ? t('followUp.mine.question.week') : t('followUp.mine.question.period')}>
            <input type="hidden" name="agreementId" value={agreement.id} />
            <p>
              <strong>{weekly ? t('followUp.mine.question.week') : t('followUp.mine.question.period')}</strong>
            </p>
            <label className={styles.field}>
              <span>{t('followUp.mine.reason')}</span>
              <input type="text" name="reason" maxLength={CHECK_IN_REASON_MAX} autoComplete="off" />
            </label>
            {backupName && (
              <label className={styles.check}>
                <input type="checkbox" name="askBackup" value="on" />
                <span>{t('followUp.mine.askBackup', { name: backupName })}</span>
              </label>
            )}
            <div className={styles.outcomes}>
              <button type="submit" name="outcome" value="done" className="button button--big">
                {t('followUp.outcome.done')}
              </button>
              <button type="submit" name="outcome" value="cannot" className="button button--big button--quiet">
                {t('followUp.outcome.cannot')}
              </button>
              <button type="submit" name="outcome" value="help" className="button button--big button--quiet">
                {t('followUp.outcome.help')}
              </button>
            </div>
          </form>
        </>
      )}
      {mine.backup &&
        mine.followUp.requests.map(({ checkIn, takenOverBy }) => {
          const name = names.get(checkIn.participantId) ?? '?'
          return (
            <div key={checkIn.id} className={styles.request} data-testid="backup-request">
              <p>{checkIn.reason ? t('followUp.mine.request', { name, reason: checkIn.reason }) : t('followUp.mine.requestNoReason', { name })}</p>
              {takenOverBy ? (
                <p className={`${styles.badge} ${styles.answered}`}>{t('followUp.mine.takenOver', { name: names.get(takenOverBy.participantId) ?? '?' })}</p>
              ) : (
                mine.openRequests.some((r) => r.id === checkIn.id) && (
                  <form method="post" action={`/api/conferences/${conferenceId}/takeovers`}>
                    <input type="hidden" name="checkInId" value={checkIn.id} />
                    <button type="submit" className="button button--big">
                      {t('followUp.mine.takeOver')}
                    </button>
                  </form>
                )
              )}
            </div>
          )
        })}
      <a className="button button--quiet button--small" href={`/api/conferences/${conferenceId}/calendar?agreement=${encodeURIComponent(agreement.id)}`} download>
        {t('followUp.mine.calendar')}
      </a>
    </section>
  )
}
