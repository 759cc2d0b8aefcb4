'use client'

import Link from 'next/link'
import { useT } from '@/client/i18n/I18nProvider'
import { isolate } from '@/lib/i18n/format'
import type { ConferencePhase, ParticipantRole } from '@/lib/conference/model'
import type { FacilitationClient } from '@/lib/meeting/facilitation-client'
import type { RosterMessage } from '@/lib/protocol/meeting'
import styles from './BoardHeader.module.css'
import { ConnectionStatus } from './ConnectionStatus'
import { PeopleIcon } from './icons'
import { ItemIcon } from './canvas/ItemIcon'
import { PhaseBadge } from './meeting/PhaseBadge'
import type { ConnectionStatus as Status } from './session/useBoardSync'

export interface BoardHeaderProps {
  conferenceId: string
  title: string
  me: { displayName: string; role: ParticipantRole }
  phase: ConferencePhase | null
  /** When the phase timer runs out (ISO), or null. */
  timerEndsAt: string | null
  /** The facilitation tools' binding, for the countdown on the server's clock. */
  facilitation: FacilitationClient | null
  /** The board is on screen: the plan link and the connection status belong to it. */
  onBoard: boolean
  status: Status
  roster: RosterMessage | null
  rosterId: string
  rosterOpen: boolean
  /**
   * In the meeting (not in the lobby): the phase and the roster. Someone waiting to be let in is
   * told nothing of the meeting yet, not even its phase.
   */
  inMeeting: boolean
  onToggleRoster(): void
}

/**
 * One compact bar above the canvas, so tldraw's own menus and toolbars keep the canvas's edges:
 * the conference, who I am, the phase (always, also in the waiting room) with its timer, the
 * connection, the plan (read as a page), and (on phones) the roster toggle.
 */
export function BoardHeader(props: BoardHeaderProps) {
  const { conferenceId, title, me, phase, timerEndsAt, facilitation, onBoard, status, roster, rosterId, rosterOpen, inMeeting, onToggleRoster } = props
  const t = useT()
  const role = t(`common.role.${me.role}`)
  const online = roster?.entries.filter((entry) => entry.online).length ?? 0
  const total = roster?.entries.length ?? 0

  return (
    <header className={styles.header}>
      <div className={styles.main}>
        <h1 className={styles.title} title={title} dir="auto">
          {title}
        </h1>
        <p className={styles.context}>
          <span className={styles.me} aria-label={t('board.header.meLabel', { name: isolate(me.displayName), role })}>
            {t('board.header.me', { name: isolate(me.displayName), role })}
          </span>
          {inMeeting ? <PhaseBadge phase={phase} timerEndsAt={timerEndsAt} facilitation={facilitation} /> : null}
        </p>
      </div>
      <div className={styles.tools}>
        {onBoard ? <ConnectionStatus status={status} /> : null}
        {onBoard ? (
          <Link href={`/board/${conferenceId}/plan`} className={styles.planLink} aria-label={t('board.header.planLabel')} data-testid="plan-link">
            <ItemIcon name="plan" size={18} />
            <span>{t('board.header.plan')}</span>
          </Link>
        ) : null}
        {inMeeting ? (
          <button
            type="button"
            className={styles.rosterToggle}
            data-testid="roster-toggle"
            aria-expanded={rosterOpen}
            aria-controls={rosterId}
            aria-label={rosterOpen ? t('board.roster.toggleHide') : t('board.roster.toggleShow')}
            onClick={onToggleRoster}
          >
            <PeopleIcon />
            {roster ? <span>{t('board.roster.count', { online, total })}</span> : null}
          </button>
        ) : null}
      </div>
    </header>
  )
}
