'use client'

import { useT } from '@/client/i18n/I18nProvider'
import type { ConferencePhase } from '@/lib/conference/model'
import type { LobbyEntry } from '@/lib/protocol/meeting-control'
import type { MeetingActions } from '../session/useMeeting'
import type { AccessNoticeKind } from './access-place'
import type { MeetingPermissions } from './meeting-role'
import styles from './meeting.module.css'
import { PhaseControls } from './PhaseControls'
import { PrivateTimeReady } from './PrivateTimeReady'
import { PrivateTimeSetting } from './PrivateTimeSetting'

export interface MeetingStripProps {
  phase: ConferencePhase | null
  facilitatorStays: boolean
  permissions: MeetingPermissions
  /** The board is on screen (not the waiting room or the lobby). */
  onBoard: boolean
  connected: boolean
  actions: MeetingActions
  notice: AccessNoticeKind | null
  onDismissNotice(): void
  arrivals: readonly LobbyEntry[]
  onShowLobby(): void
  onDismissArrivals(): void
}

const noticeKey = {
  'welcome-back': 'meeting.notice.welcomeBack',
  admitted: 'meeting.notice.admitted',
  'private-time-over': 'meeting.notice.privateTimeOver',
} as const

/**
 * The meeting's strip under the header: what this person can do about the meeting now. The
 * facilitator's phase stepper and settings; "We zijn klaar" during private time; why the board is
 * read-only; "welcome back"; someone waiting in the lobby. Nothing at all when none applies.
 */
export function MeetingStrip(props: MeetingStripProps) {
  const { phase, permissions, onBoard, connected, actions, notice, arrivals } = props
  const t = useT()
  const controls = permissions.canChangePhase && phase !== null
  const ready = permissions.canEndPrivateTime && onBoard
  const readOnly = onBoard && permissions.readOnlyBecause !== null
  if (!controls && !ready && !readOnly && !notice && arrivals.length === 0) return null

  return (
    <div className={styles.strip} data-testid="meeting-strip">
      {controls ? (
        <div className={styles.stripRow} data-tone="controls">
          <PhaseControls phase={phase} facilitatorStays={props.facilitatorStays} actions={actions} disabled={!connected} />
          {permissions.canChangeSettings ? (
            <details className={styles.settings}>
              <summary className={styles.settingsSummary} data-testid="meeting-settings">
                {t('meeting.settings.title')}
              </summary>
              <div className={styles.settingsPopover}>
                <PrivateTimeSetting stays={props.facilitatorStays} actions={actions} disabled={!connected} />
              </div>
            </details>
          ) : null}
        </div>
      ) : null}
      {ready ? (
        <div className={styles.stripRow} data-tone="private">
          <PrivateTimeReady actions={actions} disabled={!connected} />
        </div>
      ) : null}
      {readOnly ? (
        <p className={styles.stripRow} data-tone="info" data-testid="readonly-notice" role="status">
          {t(`meeting.readonly.${permissions.readOnlyBecause ?? 'other'}`)}
        </p>
      ) : null}
      {notice ? (
        <p className={styles.stripRow} data-tone="good" data-testid="access-notice-line" data-notice={notice} role="status">
          <span className={styles.grow}>{t(noticeKey[notice])}</span>
          <DismissButton onClick={props.onDismissNotice} />
        </p>
      ) : null}
      {arrivals.length > 0 ? (
        <p className={styles.stripRow} data-tone="attention" data-testid="lobby-notice" role="status">
          <span className={styles.grow}>
            {arrivals.length === 1 ? t('meeting.lobby.arrivedOne', { name: arrivals[0]!.displayName }) : t('meeting.lobby.arrivedMany', { count: arrivals.length })}
          </span>
          <button type="button" className="button button--small" onClick={props.onShowLobby} data-testid="lobby-notice-show">
            {t('meeting.lobby.show')}
          </button>
          <DismissButton onClick={props.onDismissArrivals} />
        </p>
      ) : null}
    </div>
  )
}

function DismissButton({ onClick }: { onClick(): void }) {
  const t = useT()
  return (
    <button type="button" className={styles.dismiss} onClick={onClick} aria-label={t('meeting.notice.dismiss')} title={t('meeting.notice.dismiss')}>
      <span aria-hidden="true">×</span>
    </button>
  )
}
