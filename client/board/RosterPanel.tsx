'use client'

import { useLocale, useT } from '@/client/i18n/I18nProvider'
import { participantRoles } from '@/lib/conference/model'
import type { RosterEntry, RosterMessage } from '@/lib/protocol/meeting'
import type { LobbyEntry } from '@/lib/protocol/meeting-control'
import { participantColor } from '@/lib/sync/participant-color'
import { PhoneIcon } from './icons'
import { LobbyPanel } from './meeting/LobbyPanel'
import { ParticipantActions } from './meeting/ParticipantActions'
import styles from './RosterPanel.module.css'
import type { MeetingActions, MeetingState } from './session/useMeeting'

export interface RosterPanelProps {
  id: string
  roster: RosterMessage | null
  state: MeetingState
  meId: string
  /** Phones show the roster as a drawer opened from the header; wider screens always show it. */
  open: boolean
  /** The facilitator's controls (lobby, role, removal); null for everyone else. */
  manage: { lobby: readonly LobbyEntry[]; actions: MeetingActions; disabled: boolean } | null
}

/** Online first, then the facilitator and the others in role order, then by name. */
function byPresence(locale: string) {
  return (a: RosterEntry, b: RosterEntry) =>
    Number(b.online) - Number(a.online) ||
    participantRoles.indexOf(a.role) - participantRoles.indexOf(b.role) ||
    a.displayName.localeCompare(b.displayName, locale)
}

/**
 * Who is at the table: name, role, online or not, and a phone icon for whoever is on a phone. The
 * facilitator also sees who waits in the lobby (on top) and can change a role or remove someone.
 */
export function RosterPanel({ id, roster, state, meId, open, manage }: RosterPanelProps) {
  const t = useT()
  const locale = useLocale()
  const entries = roster ? [...roster.entries].sort(byPresence(locale)) : []

  return (
    <aside id={id} className={styles.panel} data-open={open} data-testid="roster" aria-labelledby={`${id}-title`}>
      {manage ? <LobbyPanel waiting={manage.lobby} actions={manage.actions} disabled={manage.disabled} /> : null}
      <h2 id={`${id}-title`} className={styles.title}>
        {t('board.roster.title')}
      </h2>
      {!roster ? (
        <p className={styles.hint}>{state === 'unavailable' ? t('board.roster.unavailable') : t('board.roster.loading')}</p>
      ) : (
        <ul className={styles.list}>
          {entries.map((entry) => (
            <li
              key={entry.participantId}
              className={styles.entry}
              data-testid="roster-entry"
              data-role={entry.role}
              data-device={entry.device ?? 'none'}
              data-online={entry.online}
            >
              <span
                className={styles.avatar}
                style={{ backgroundColor: participantColor(entry.participantId) }}
                data-online={entry.online}
                aria-hidden="true"
              >
                {entry.displayName.trim().charAt(0).toUpperCase()}
              </span>
              <span className={styles.who}>
                <span className={styles.name}>
                  {entry.displayName}
                  {entry.participantId === meId ? <span className={styles.you}> ({t('board.roster.you')})</span> : null}
                </span>
                <span className={styles.meta}>
                  {t(`common.role.${entry.role}`)}
                  {' · '}
                  {entry.online ? t('board.roster.online') : t('board.roster.offline')}
                </span>
              </span>
              {entry.online && entry.device === 'phone' ? (
                <span className={styles.device} title={t('board.roster.phone')}>
                  <PhoneIcon />
                  <span className="visually-hidden">{t('board.roster.phone')}</span>
                </span>
              ) : null}
              {manage && entry.participantId !== meId ? (
                <ParticipantActions entry={entry} actions={manage.actions} disabled={manage.disabled} />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {roster && state === 'unavailable' ? <p className={styles.hint}>{t('board.roster.unavailable')}</p> : null}
    </aside>
  )
}
