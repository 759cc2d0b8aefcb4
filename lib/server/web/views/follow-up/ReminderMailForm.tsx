import type { Translate } from '@/lib/i18n'
import styles from './follow-up.module.css'

/** Give (or remove) an address for reminders: only shown when the server can send mail (SMTP_URL). */
export function ReminderMailForm({ conferenceId, email, saved, t }: { conferenceId: string; email: string | null; saved: boolean; t: Translate }) {
  const action = `/api/conferences/${conferenceId}/contact`
  return (
    <section className="card stack" aria-labelledby="reminder-mail">
      <h2 id="reminder-mail">{t('followUp.mail.title')}</h2>
      <p className="muted">{t('followUp.mail.intro')}</p>
      {saved && <p role="status">{t('followUp.mail.saved')}</p>}
      {email && <p>{t('followUp.mail.current', { email })}</p>}
      <form method="post" action={action} className="stack">
        <label className={styles.field}>
          <span>{t('followUp.mail.address')}</span>
          <input type="email" name="email" required maxLength={200} autoComplete="email" defaultValue={email ?? ''} />
        </label>
        <button type="submit" className="button">
          {t('followUp.mail.save')}
        </button>
      </form>
      {email && (
        <form method="post" action={action}>
          <input type="hidden" name="email" value="" />
          <button type="submit" className="button button--quiet button--small">
            {t('followUp.mail.remove')}
          </button>
        </form>
      )}
    </section>
  )
}
