'use client'

import { useRef, useState, type FormEvent } from 'react'
import { useLocale, useT } from '@/client/i18n/I18nProvider'
import { apiErrorMessageKey, callApi } from '@/client/web/api-client'
import { FormFooter } from '@/client/web/common/FormFooter'
import { HydratedFieldset } from '@/client/web/common/HydratedFieldset'
import { formatDate } from '@/lib/i18n/format'
import type { MessageKey } from '@/lib/i18n'
import { DeleteConferenceResponse, DeletionSummaryResponse, RetentionResponse } from '@/lib/protocol/retention'
import styles from './RetentionSection.module.css'

const DAY_MS = 86_400_000

/** A YYYY-MM-DD day shown as a date in the reader's language (noon UTC: the same day everywhere in Europe). */
function dayLabel(day: string, locale: ReturnType<typeof useLocale>): string {
  return formatDate(`${day}T12:00:00.000Z`, locale)
}

/**
 * The facilitator's "Keeping and deleting" part of the conference page: when Kring deletes the
 * conference (and choosing another date within the bounds, PUT …/retention), and deleting it now
 * after a confirmation that names what goes (GET …/deletion, then DELETE /api/conferences/[id]).
 */
export function RetentionSection({ conferenceId, retention: initial, mayDelete }: { conferenceId: string; retention: RetentionResponse; mayDelete: boolean }) {
  const t = useT()
  const locale = useLocale()
  const [retention, setRetention] = useState(initial)
  // The date field is not controlled: what is saved is read from the field itself on submit,
  // so it is always the date the person sees (see client/web/common/use-hydrated.ts).
  const dayInput = useRef<HTMLInputElement>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<MessageKey | null>(null)
  const [saved, setSaved] = useState(false)

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const day = String(new FormData(event.currentTarget).get('retainUntil') ?? '')
    setBusy(true)
    setError(null)
    setSaved(false)
    try {
      const updated = await callApi('PUT', `/api/conferences/${conferenceId}/retention`, RetentionResponse, { retainUntil: day })
      setRetention(updated)
      if (dayInput.current) dayInput.current.value = updated.retainUntil.slice(0, 10)
      setSaved(true)
    } catch (err) {
      setError(apiErrorMessageKey(err))
    } finally {
      setBusy(false)
    }
  }

  const days = Math.round((Date.parse(retention.retainUntil) - Date.parse(retention.lastActivityAt)) / DAY_MS)
  return (
    <section className="card stack" data-testid="retention-section" aria-labelledby="retention-title">
      <h2 id="retention-title">{t('retention.title')}</h2>
      <p data-testid="retain-until">{t('retention.retainUntil', { date: formatDate(retention.retainUntil, locale), days })}</p>
      <p className="field__hint">{t('retention.activityHint')}</p>
      <form className="form" onSubmit={save}>
        <HydratedFieldset>
          <label className="field">
            <span className="field__label">{t('retention.chooseLabel')}</span>
            <input
              ref={dayInput}
              type="date"
              name="retainUntil"
              defaultValue={initial.retainUntil.slice(0, 10)}
              min={retention.earliest}
              max={retention.latest}
              required
              onChange={() => setSaved(false)}
              data-testid="retention-date"
            />
            <span className="field__hint">{t('retention.chooseHint', { earliest: dayLabel(retention.earliest, locale), latest: dayLabel(retention.latest, locale) })}</span>
          </label>
          {saved && <p role="status">{t('retention.saved')}</p>}
          <FormFooter error={error} busy={busy} submit="retention.save" busyLabel="retention.saving" />
        </HydratedFieldset>
      </form>
      {mayDelete && <DeleteConference conferenceId={conferenceId} />}
    </section>
  )
}

type Confirmation = { state: 'closed' } | { state: 'loading' } | { state: 'open'; summary: DeletionSummaryResponse }

function DeleteConference({ conferenceId }: { conferenceId: string }) {
  const t = useT()
  const [confirmation, setConfirmation] = useState<Confirmation>({ state: 'closed' })
  const [understood, setUnderstood] = useState(false)
  const [deleting, setDeleting] = useState(false)
  const [error, setError] = useState<MessageKey | null>(null)

  async function open() {
    setError(null)
    setConfirmation({ state: 'loading' })
    try {
      const summary = await callApi('GET', `/api/conferences/${conferenceId}/deletion`, DeletionSummaryResponse)
      setConfirmation({ state: 'open', summary })
    } catch (err) {
      setError(apiErrorMessageKey(err))
      setConfirmation({ state: 'closed' })
    }
  }

  async function remove() {
    setDeleting(true)
    setError(null)
    try {
      await callApi('DELETE', `/api/conferences/${conferenceId}`, DeleteConferenceResponse)
      // The conference is gone: back to the overview, which no longer lists it.
      window.location.assign('/')
    } catch (err) {
      setError(apiErrorMessageKey(err))
      setDeleting(false)
    }
  }

  if (confirmation.state !== 'open') {
    return (
      <div className="stack">
        {error && (
          <p className="form-error" role="alert">
            {t(error)}
          </p>
        )}
        <div className="button-row">
          <button type="button" className="button button--danger" onClick={open} disabled={confirmation.state === 'loading'} data-testid="delete-conference">
            {confirmation.state === 'loading' ? t('retention.delete.loading') : t('retention.delete.open')}
          </button>
        </div>
      </div>
    )
  }
  const { summary } = confirmation
  return (
    <div className="notice notice--warning stack" role="alertdialog" aria-labelledby="delete-title" aria-describedby="delete-what" data-testid="delete-confirmation">
      <h3 id="delete-title" className="notice__title">
        {t('retention.delete.title')}
      </h3>
      <div id="delete-what" className="notice__body">
        <p>{t('retention.delete.intro')}</p>
        <ul>
          <li data-testid="delete-items">{t('retention.delete.items', { count: summary.items })}</li>
          <li data-testid="delete-versions">{t('retention.delete.versions', { count: summary.versions })}</li>
          <li data-testid="delete-participants">{t('retention.delete.participants', { count: summary.participants })}</li>
          <li>{t('retention.delete.checkpoints', { count: summary.checkpoints })}</li>
        </ul>
        <p>{t('retention.delete.audit', { days: summary.auditDays })}</p>
        {summary.versions > 0 && <p>{t('retention.delete.export')}</p>}
      </div>
      <label className={styles.understood}>
        <input type="checkbox" checked={understood} onChange={(event) => setUnderstood(event.target.checked)} data-testid="delete-understood" />
        {t('retention.delete.confirmCheck')}
      </label>
      {error && (
        <p className="form-error" role="alert">
          {t(error)}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button button--danger" onClick={remove} disabled={!understood || deleting} data-testid="delete-confirm">
          {deleting ? t('retention.delete.deleting') : t('retention.delete.confirm')}
        </button>
        <button type="button" className="button button--quiet" onClick={() => setConfirmation({ state: 'closed' })} disabled={deleting}>
          {t('retention.delete.cancel')}
        </button>
      </div>
    </div>
  )
}
