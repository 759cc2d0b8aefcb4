'use client'

import { useId, useState, type FormEvent } from 'react'
import { apiErrorMessageKey, callApi } from '@/client/web/api-client'
import { useT } from '@/client/i18n/I18nProvider'
import { invitableRoles, type InvitableRole } from '@/lib/conference/model'
import { defaultLocale, locales, type Locale, type MessageKey } from '@/lib/i18n'
import { InviteRequest, InviteResponse } from '@/lib/protocol/api'
import styles from './InviteForm.module.css'
import { FormFooter } from '@/client/web/common/FormFooter'
import { HydratedFieldset } from '@/client/web/common/HydratedFieldset'

/**
 * Invite by name and role, optionally to be let in from the lobby by the facilitator first;
 * hands the fresh link to the parent to show once.
 */
export function InviteForm({ conferenceId, onInvited }: { conferenceId: string; onInvited: (invitation: InviteResponse) => void }) {
  const t = useT()
  const [displayName, setDisplayName] = useState('')
  const [role, setRole] = useState<InvitableRole>('family')
  const [requiresAdmission, setRequiresAdmission] = useState(false)
  const [locale, setLocale] = useState<Locale>(defaultLocale)
  const admissionId = useId()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<MessageKey | null>(null)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const input = InviteRequest.safeParse({ displayName, role, requiresAdmission, locale })
    if (!input.success) {
      setError('web.apiError.bad_request')
      return
    }
    setBusy(true)
    setError(null)
    try {
      const invitation = await callApi('POST', `/api/conferences/${conferenceId}/invitations`, InviteResponse, input.data)
      setDisplayName('')
      setRequiresAdmission(false)
      setLocale(defaultLocale)
      onInvited(invitation)
    } catch (err) {
      setError(apiErrorMessageKey(err))
    }
    setBusy(false)
  }

  return (
    <form className="form" onSubmit={submit} data-testid="invite-form" aria-labelledby="invite-heading">
      <HydratedFieldset>
        <h2 id="invite-heading">{t('web.invite.title')}</h2>
        <div className="field">
          <label className="field__label" htmlFor="invite-name">
            {t('web.invite.name')}
          </label>
          <input
            id="invite-name"
            name="displayName"
            className="input"
            required
            maxLength={80}
            autoComplete="off"
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
            aria-describedby="invite-name-hint"
          />
          <span id="invite-name-hint" className="field__hint">
            {t('web.invite.nameHint')}
          </span>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="invite-role">
            {t('web.invite.role')}
          </label>
          <select id="invite-role" name="role" className="select" value={role} onChange={(e) => setRole(e.target.value as InvitableRole)}>
            {invitableRoles.map((r) => (
              <option key={r} value={r}>
                {t(`common.role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="invite-language">
            {t('web.invite.language')}
          </label>
          <select
            id="invite-language"
            name="locale"
            className="select"
            value={locale}
            onChange={(e) => setLocale(e.target.value as Locale)}
            aria-describedby="invite-language-hint"
            data-testid="invite-language"
          >
            {locales.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(`web.language.${l}`)}
              </option>
            ))}
          </select>
          <span id="invite-language-hint" className="field__hint">
            {t('web.invite.languageHint')}
          </span>
        </div>
        <div className={styles.admission}>
          <input
            id={admissionId}
            type="checkbox"
            name="requiresAdmission"
            checked={requiresAdmission}
            onChange={(e) => setRequiresAdmission(e.target.checked)}
            aria-describedby={`${admissionId}-hint`}
            data-testid="invite-requires-admission"
          />
          <label htmlFor={admissionId}>
            <span className={styles.admissionLabel}>{t('web.invite.admission')}</span>
            <span id={`${admissionId}-hint`} className={styles.admissionHint}>
              {t('web.invite.admissionHint')}
            </span>
          </label>
        </div>
        <FormFooter error={error} busy={busy} submit="web.invite.submit" busyLabel="web.invite.busy" />
      </HydratedFieldset>
    </form>
  )
}
