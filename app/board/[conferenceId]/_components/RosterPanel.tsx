'use client'

import { useLocale, useT } from '@/app/_i18n/I18nProvider'
import { participantRoles } from '@/lib/conference/model'
import type { RosterEntry, RosterMessage } from '@/lib/protocol/meeting'
import { participantColor } from '@/lib/sync/participant-color'
import { PhoneIcon } from './icons'
import styles from './RosterPanel.module.css'
import type { MeetingState } from './useMeeting'

export interface RosterPanelProps {
  id: string
  roster: RosterMessage | null
  state: MeetingState
  meId: string
  /** Phones show the roster as a drawer opened from the header; wider screens always show it. */
  open: boolean
}

/** Online first, then the facilitator and the others in role order, then by name. */
function byPresence(locale: string) {
  return (a: RosterEntry, b: RosterEntry) =>
    Number(b.online) - Number(a.online) ||
    participantRoles.indexOf(a.role) - participantRoles.indexOf(b.role) ||
    a.displayName.localeCompare(b.displayName, locale)
}

/** Who is at the table: name, role, online or not, and a phone icon for whoever is on a phone. */
export function RosterPanel({ id, roster, state, meId, open }: RosterPanelProps) {
  const t = useT()
  const locale = useLocale()
  const entries = roster ? [...roster.entries].sort(byPresence(locale)) : []

  return (
    <aside id={id} className={styles.panel} data-open={open} data-testid="roster" aria-labelledby={`${id}-title`}>
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
            </li>
          ))}
        </ul>
      )}
      {roster && state === 'unavailable' ? <p className={styles.hint}>{t('board.roster.unavailable')}</p> : null}
    </aside>
  )
}
