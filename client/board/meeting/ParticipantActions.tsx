'use client'

import { useId, useState } from 'react'
import { useT } from '@/client/i18n/I18nProvider'
import { InvitableRole, invitableRoles } from '@/lib/conference/model'
import { isManageableTarget } from '@/lib/conference/policy'
import type { RosterEntry } from '@/lib/protocol/meeting'
import type { MeetingActions } from '../session/useMeeting'
import { Dialog } from './Dialog'
import styles from './meeting.module.css'
import { ackErrorKey } from './ack-errors'
import { useRequest } from './useRequest'

export interface ParticipantActionsProps {
  entry: RosterEntry
  actions: Pick<MeetingActions, 'setRole' | 'removeParticipant'>
  disabled: boolean
}

/**
 * The facilitator's controls for one person in the roster, folded away behind "Wijzigen": their
 * role (takes effect at once, on every device of theirs) and "Verwijderen", which asks whether the
 * invitation stays valid ("Mag later opnieuw binnenkomen") or is revoked.
 */
export function ParticipantActions({ entry, actions, disabled }: ParticipantActionsProps) {
  const t = useT()
  const request = useRequest<'remove' | 'role'>()
  const [open, setOpen] = useState(false)
  const [removing, setRemoving] = useState(false)
  const panelId = useId()
  const name = entry.displayName
  // Whom one may remove or give another role is the policy's question (never the facilitator's
  // own row); the parse gives the select its type.
  const role = InvitableRole.safeParse(entry.role)
  if (!isManageableTarget(entry.role) || !role.success) return null

  const remove = (keepInvitation: boolean) => {
    setRemoving(false)
    void request.run('remove', () => actions.removeParticipant(entry.participantId, keepInvitation)).then((ok) => ok && setOpen(false))
  }

  return (
    <div className={styles.manage}>
      <button
        type="button"
        className={styles.manageToggle}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('meeting.participant.manageLabel', { name })}
        data-testid="participant-manage"
        onClick={() => setOpen((value) => !value)}
      >
        {t('meeting.participant.manage')}
      </button>
      {open ? (
        <div id={panelId} className={styles.managePanel}>
          <label className={styles.roleField}>
            <span>{t('meeting.participant.role')}</span>
            <select
              className="select"
              value={role.data}
              disabled={disabled || request.busy !== null}
              aria-label={t('meeting.participant.roleLabel', { name })}
              data-testid="participant-role"
              onChange={(event) => {
                const next = InvitableRole.safeParse(event.currentTarget.value)
                if (next.success) void request.run('role', () => actions.setRole(entry.participantId, next.data))
              }}
            >
              {invitableRoles.map((option) => (
                <option key={option} value={option}>
                  {t(`common.role.${option}`)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button button--quiet button--small"
            disabled={disabled || request.busy !== null}
            aria-label={t('meeting.participant.removeLabel', { name })}
            data-testid="participant-remove"
            onClick={() => setRemoving(true)}
          >
            {t('meeting.participant.remove')}
          </button>
          {request.failure ? (
            <p className={styles.inlineError} role="alert">
              {t(ackErrorKey(request.failure))}
            </p>
          ) : null}
        </div>
      ) : null}
      <Dialog
        open={removing}
        title={t('meeting.participant.removeTitle', { name })}
        onCancel={() => setRemoving(false)}
        testId="confirm-remove"
        actions={
          <>
            <button type="button" className="button" data-testid="remove-keep-invitation" onClick={() => remove(true)}>
              {t('meeting.participant.removeKeep')}
            </button>
            <button type="button" className="button button--danger" data-testid="remove-revoke-invitation" onClick={() => remove(false)}>
              {t('meeting.participant.removeRevoke')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setRemoving(false)}>
              {t('common.cancel')}
            </button>
          </>
        }
      >
        <p>{t('meeting.participant.removeBody', { name })}</p>
        <ul className={styles.choiceHints}>
          <li>
            <strong>{t('meeting.participant.removeKeep')}</strong>: {t('meeting.participant.removeKeepHint', { name })}
          </li>
          <li>
            <strong>{t('meeting.participant.removeRevoke')}</strong>: {t('meeting.participant.removeRevokeHint', { name })}
          </li>
        </ul>
      </Dialog>
    </div>
  )
}
