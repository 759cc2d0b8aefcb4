'use client'

import { useT } from '@/client/i18n/I18nProvider'
import type { MessageKey } from '@/lib/i18n'
import { WriteRefusal } from '@/lib/protocol/close-codes'
import styles from './BoardNotices.module.css'

export interface BoardNoticesProps {
  offline: boolean
  /** How many items of the board could not be shown since the notice was last closed. */
  rejected: number
  onDismissRejected(): void
  /** How many items were cut loose from a parent cycle and shown on the page instead. */
  reparented: number
  onDismissReparented(): void
  /** An image, file or link was pasted or dropped and refused. */
  contentRefused: boolean
  onDismissContentRefused(): void
  outdated: boolean
  tooLarge: boolean
  onDismissTooLarge(): void
  /** The reason of an edit the server refused (then the board was loaded afresh), or null. */
  refusedEdit: string | null
  onDismissRefusedEdit(): void
}

/**
 * What the person should know but that need not stop them: a strip between the header and the
 * canvas (never on top of tldraw's controls). Nothing that went wrong is kept silent.
 */
export function BoardNotices(props: BoardNoticesProps) {
  const { offline, rejected, onDismissRejected, reparented, onDismissReparented, contentRefused, onDismissContentRefused } = props
  const { outdated, tooLarge, onDismissTooLarge, refusedEdit, onDismissRefusedEdit } = props
  const t = useT()
  if (!offline && rejected === 0 && reparented === 0 && !contentRefused && !outdated && !tooLarge && !refusedEdit) return null
  return (
    <div className={styles.notices} role="status">
      {offline ? (
        <p className={styles.notice} data-tone="offline" data-testid="offline-notice">
          {t('board.status.offlineDetail')}
        </p>
      ) : null}
      {outdated ? (
        <p className={styles.notice} data-tone="warning" data-testid="outdated-notice">
          <span>{t('board.notice.outdated')}</span>
          <button type="button" className={styles.action} onClick={() => window.location.reload()}>
            {t('board.notice.reload')}
          </button>
        </p>
      ) : null}
      {tooLarge ? (
        <p className={styles.notice} data-tone="warning" data-testid="too-large-notice">
          <span>{t('board.notice.tooLarge')}</span>
          <DismissButton onClick={onDismissTooLarge} />
        </p>
      ) : null}
      {refusedEdit ? (
        <p className={styles.notice} data-tone="warning" data-testid="refused-edit-notice" data-reason={refusedEdit}>
          <span>{t(refusedEditMessage(refusedEdit))}</span>
          <DismissButton onClick={onDismissRefusedEdit} />
        </p>
      ) : null}
      {rejected > 0 ? (
        <p className={styles.notice} data-tone="warning" data-testid="rejected-notice" data-count={rejected}>
          <span>
            {rejected === 1 ? t('board.notice.rejectedOne') : t('board.notice.rejectedMany', { count: rejected })}{' '}
            {t('board.notice.rejectedHint')}
          </span>
          <DismissButton onClick={onDismissRejected} />
        </p>
      ) : null}
      {reparented > 0 ? (
        <p className={styles.notice} data-tone="warning" data-testid="reparented-notice" data-count={reparented}>
          <span>{reparented === 1 ? t('board.notice.reparentedOne') : t('board.notice.reparentedMany', { count: reparented })}</span>
          <DismissButton onClick={onDismissReparented} />
        </p>
      ) : null}
      {contentRefused ? (
        <p className={styles.notice} data-tone="warning" data-testid="content-refused-notice">
          <span>{t('board.notice.imagesRefused')}</span>
          <DismissButton onClick={onDismissContentRefused} />
        </p>
      ) : null}
    </div>
  )
}

/** In place of the canvas when the board could not be loaded: never an empty board that looks fine. */
export function BoardLoadFailed() {
  const t = useT()
  return (
    <div className={styles.loadFailed} data-testid="board-load-failed" role="alert">
      <h2>{t('board.notice.loadFailedTitle')}</h2>
      <p>{t('board.notice.loadFailed')}</p>
      <p>
        <button type="button" className={styles.action} onClick={() => window.location.reload()}>
          {t('board.notice.reload')}
        </button>
      </p>
    </div>
  )
}

/** The notice for an edit the server refused, by its `WriteRefusal` reason (board and plan view). */
export function refusedEditMessage(reason: string): MessageKey {
  if (reason === WriteRefusal.BottomLine) return 'board.notice.refusedBottomLine'
  if (reason === WriteRefusal.ReadOnly) return 'board.notice.refusedReadOnly'
  if (reason === WriteRefusal.ScaleMark) return 'board.notice.refusedScaleMark'
  if (reason === WriteRefusal.Delete) return 'board.notice.refusedDelete'
  if (reason === WriteRefusal.Locked) return 'board.notice.refusedLocked'
  if (reason === WriteRefusal.InvalidRecord) return 'board.notice.refusedInvalidRecord'
  if (reason === WriteRefusal.NewerSchema) return 'board.notice.refusedNewerSchema'
  if (reason === WriteRefusal.BoardFull) return 'board.notice.refusedBoardFull'
  if (reason === WriteRefusal.RateLimited) return 'board.notice.refusedRateLimited'
  return 'board.notice.refusedOther'
}

function DismissButton({ onClick }: { onClick(): void }) {
  const t = useT()
  return (
    <button type="button" className={styles.dismiss} onClick={onClick} aria-label={t('board.notice.dismiss')} title={t('board.notice.dismiss')}>
      <span aria-hidden="true">×</span>
    </button>
  )
}
