'use client'

import { useState } from 'react'
import { useLocale, useT } from '@/client/i18n/I18nProvider'
import type { LobbyEntry } from '@/lib/protocol/meeting-control'
import { formatMoment } from '../../plan-view/agreement/format-time'
import type { MeetingActions } from '../session/useMeeting'
import { Dialog } from './Dialog'
import styles from './meeting.module.css'
import { ackErrorKey } from './ack-errors'
import { useRequest } from './useRequest'

export interface LobbyPanelProps {
  waiting: readonly LobbyEntry[]
  actions: Pick<MeetingActions, 'admit' | 'decline'>
  disabled: boolean
}

/**
 * The facilitator's lobby, at the top of the roster: who waits to come in (name, role, since when),
 * each with "Toelaten" and "Weigeren" (asked once more: it cannot be undone from here).
 */
export function LobbyPanel({ waiting, actions, disabled }: LobbyPanelProps) {
  const t = useT()
  const locale = useLocale()
  const request = useRequest<'admit' | 'decline'>()
  const [declining, setDeclining] = useState<LobbyEntry | null>(null)
  if (waiting.length === 0) return null

  return (
    <section className={styles.lobby} aria-labelledby="lobby-title" data-testid="lobby-panel">
      <h2 id="lobby-title" className={styles.lobbyTitle}>
        {t('meeting.lobby.listTitle')} <span className={styles.count}>{waiting.length}</span>
      </h2>
      <ul className={styles.lobbyList}>
        {waiting.map((entry) => (
          <li key={entry.participantId} className={styles.lobbyEntry} data-testid="lobby-entry" data-participant={entry.participantId}>
            <span className={styles.lobbyWho}>
              <span className={styles.lobbyName}>{entry.displayName}</span>
              <span className={styles.lobbyMeta}>
                {t(`common.role.${entry.role}`)} · {t('meeting.lobby.since', { time: formatMoment(entry.since, locale).time })}
              </span>
            </span>
            <span className={styles.lobbyButtons}>
              <button
                type="button"
                className="button button--small"
                disabled={disabled || request.busy !== null}
                aria-label={t('meeting.lobby.admitLabel', { name: entry.displayName })}
                data-testid="lobby-admit"
                onClick={() => void request.run('admit', () => actions.admit(entry.participantId))}
              >
                {t('meeting.lobby.admit')}
              </button>
              <button
                type="button"
                className="button button--quiet button--small"
                disabled={disabled || request.busy !== null}
                aria-label={t('meeting.lobby.declineLabel', { name: entry.displayName })}
                data-testid="lobby-decline"
                onClick={() => setDeclining(entry)}
              >
                {t('meeting.lobby.decline')}
              </button>
            </span>
          </li>
        ))}
      </ul>
      {request.failure ? (
        <p className={styles.inlineError} role="alert">
          {t(ackErrorKey(request.failure))}
        </p>
      ) : null}
      <Dialog
        open={declining !== null}
        title={t('meeting.lobby.confirmDeclineTitle', { name: declining?.displayName ?? '' })}
        onCancel={() => setDeclining(null)}
        testId="confirm-decline"
        actions={
          <>
            <button
              type="button"
              className="button button--danger"
              data-testid="confirm-decline-yes"
              onClick={() => {
                const entry = declining
                setDeclining(null)
                if (entry) void request.run('decline', () => actions.decline(entry.participantId))
              }}
            >
              {t('meeting.lobby.confirmDeclineYes')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setDeclining(null)}>
              {t('common.cancel')}
            </button>
          </>
        }
      >
        <p>{t('meeting.lobby.confirmDeclineBody', { name: declining?.displayName ?? '' })}</p>
      </Dialog>
    </section>
  )
}
