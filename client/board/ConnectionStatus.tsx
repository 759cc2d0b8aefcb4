'use client'

import { useT } from '@/client/i18n/I18nProvider'
import styles from './BoardHeader.module.css'
import type { ConnectionStatus as Status } from './session/useBoardSync'

const label = {
  connected: 'board.status.connected',
  connecting: 'board.status.connecting',
  offline: 'board.status.offline',
  failed: 'board.status.failed',
} as const
const detail = {
  connected: 'board.status.connectedDetail',
  connecting: 'board.status.connectingDetail',
  offline: 'board.status.offlineDetail',
  failed: 'board.status.failedDetail',
} as const

/** Always in the header: is what I do reaching the others? Announced politely when it changes. */
export function ConnectionStatus({ status }: { status: Status }) {
  const t = useT()
  return (
    <p className={styles.status} data-testid="connection-status" data-status={status} role="status" title={t(detail[status])}>
      <span className={styles.statusDot} aria-hidden="true" />
      <span aria-hidden="true">{t(label[status])}</span>
      <span className="visually-hidden">{t(detail[status])}</span>
    </p>
  )
}
