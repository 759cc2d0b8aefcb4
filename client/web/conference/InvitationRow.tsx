'use client'

import { useState } from 'react'
import { apiErrorMessageKey, callApi } from '@/client/web/api-client'
import { useLocale, useT } from '@/client/i18n/I18nProvider'
import { formatDateTime } from '@/lib/i18n/format'
import { defaultLocale, type MessageKey } from '@/lib/i18n'
import { reachOf } from './invitation-reach'
import { InviteResponse, RevokeResponse, type ParticipantSummary } from '@/lib/protocol/api'

type Pending = 'revoke' | 'reissue' | null

/**
 * One invitation: name, role, status and, while active, "Intrekken" and "Nieuwe link". Both
 * ask for confirmation in place first (no browser pop-up), because both cut off a person.
 */
export function InvitationRow({
  conferenceId,
  invitation,
  onChanged,
  onReissued,
}: {
  conferenceId: string
  invitation: ParticipantSummary
  onChanged: () => void
  onReissued: (invitation: InviteResponse) => void
}) {
  const t = useT()
  const locale = useLocale()
  const [confirming, setConfirming] = useState<Pending>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<MessageKey | null>(null)
  const name = invitation.displayName
  const base = `/api/conferences/${conferenceId}/invitations/${invitation.id}`

  async function run(action: Exclude<Pending, null>) {
    setBusy(true)
    setError(null)
    try {
      if (action === 'revoke') {
        await callApi('DELETE', base, RevokeResponse)
        setConfirming(null)
        onChanged()
      } else {
        const invitation = await callApi('POST', `${base}/reissue`, InviteResponse)
        setConfirming(null)
        onReissued(invitation)
      }
    } catch (err) {
      setError(apiErrorMessageKey(err))
    }
    setBusy(false)
  }

  const active = invitation.status === 'active'
  const reach = reachOf(invitation)
  return (
    <tr className={active ? 'invitation-row' : 'invitation-row invitation-row--revoked'} data-testid="invitation-row" data-status={invitation.status}>
      <td className="invitation-row__name" dir="auto">{name}</td>
      <td>{t(`common.role.${invitation.role}`)}</td>
      <td lang={invitation.locale ?? defaultLocale} data-testid="invitation-language">
        {t(`web.language.${invitation.locale ?? defaultLocale}`)}
      </td>
      <td>
        <span className={active ? 'tag' : 'tag tag--revoked'}>{t(`web.invitations.status.${invitation.status}`)}</span>
      </td>
      <td data-testid="invitation-reach" data-step={reach.step}>
        {reach.step === 'notOpened' ? (
          <span className="muted">{t('web.reach.notOpened')}</span>
        ) : (
          t(`web.reach.${reach.step}`, { when: formatDateTime(reach.at, locale) })
        )}
      </td>
      <td className="invitation-row__actions">
        {active && confirming === null && (
          <div className="button-row">
            <button type="button" className="button button--quiet button--small" onClick={() => setConfirming('reissue')} aria-label={t('web.invitations.newLinkLabel', { name })}>
              {t('web.invitations.newLink')}
            </button>
            <button type="button" className="button button--quiet button--small" onClick={() => setConfirming('revoke')} aria-label={t('web.invitations.revokeLabel', { name })}>
              {t('web.invitations.revoke')}
            </button>
          </div>
        )}
        {active && confirming !== null && (
          <div className="confirm" role="group" aria-label={confirming === 'revoke' ? t('web.invitations.revokeLabel', { name }) : t('web.invitations.newLinkLabel', { name })}>
            <p>{confirming === 'revoke' ? t('web.invitations.revokeConfirm', { name }) : t('web.invitations.newLinkConfirm', { name })}</p>
            <div className="button-row">
              <button type="button" className={confirming === 'revoke' ? 'button button--danger button--small' : 'button button--small'} disabled={busy} onClick={() => void run(confirming)}>
                {confirming === 'revoke' ? t('web.invitations.revokeYes') : t('web.invitations.newLinkYes')}
              </button>
              <button type="button" className="button button--quiet button--small" disabled={busy} onClick={() => setConfirming(null)}>
                {t('common.cancel')}
              </button>
            </div>
          </div>
        )}
        {error && (
          <p className="form-error" role="alert">
            {t(error)}
          </p>
        )}
      </td>
    </tr>
  )
}
