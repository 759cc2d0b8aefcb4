'use client'

import { useCallback, useId, useRef, useState } from 'react'
import { useT } from '@/client/i18n/I18nProvider'
import { may } from '@/lib/conference/policy'
import type { RosterMessage } from '@/lib/protocol/meeting'
import styles from './facilitation.module.css'
import { HandIcon } from './icons'
import { CanvasControl, FailureNote, useDismiss, type ToolProps } from './shared'
import { useRequest } from '../meeting/useRequest'
import { useHands } from './useFacilitation'

/**
 * The facilitator's view of raised hands: a button with how many are up, opening the queue in
 * the order the hands went up, to give someone the floor (their hand goes down) or lower all.
 */
export function HandQueue({
  facilitation,
  me,
  phase,
  context,
  roster,
}: ToolProps & {
  /** For the names; someone not (yet) in it shows as "Iemand". */
  roster: RosterMessage | null
}) {
  const t = useT()
  const queue = useHands(facilitation)
  const request = useRequest<'clear'>()
  const [open, setOpen] = useState(false)
  const ref = useRef<HTMLDivElement>(null)
  const listId = useId()
  const close = useCallback(() => setOpen(false), [])
  useDismiss(open, ref, close)
  if (!facilitation || phase === null || !may(me.role, phase, 'hand.clear', context)) return null

  const nameOf = (participantId: string) =>
    roster?.entries.find((entry) => entry.participantId === participantId)?.displayName ?? t('facilitation.queue.someone')
  const count = queue.length
  return (
    <CanvasControl testId="hand-queue">
      <div ref={ref}>
        <button
          type="button"
          className={`${styles.button} ${count > 0 ? styles.active : ''}`}
          aria-expanded={open}
          aria-controls={listId}
          aria-label={t('facilitation.queue.openLabel', { count })}
          onClick={() => setOpen((value) => !value)}
        >
          <HandIcon />
          <span className={styles.label}>{t('facilitation.queue.open')}</span>
          <span className={styles.badge} aria-hidden="true">
            {count}
          </span>
        </button>
        {open ? (
          <section id={listId} className={styles.popover} aria-label={t('facilitation.queue.title')}>
            <header className={styles.popoverHeader}>
              <h2 className={styles.popoverTitle}>{t('facilitation.queue.title')}</h2>
              <button type="button" className={styles.closeButton} aria-label={t('facilitation.queue.close')} onClick={close}>
                ✕
              </button>
            </header>
            {count === 0 ? (
              <p className={styles.empty}>{t('facilitation.queue.empty')}</p>
            ) : (
              <>
                <ol className={styles.queue}>
                  {queue.map((hand, index) => {
                    const name = nameOf(hand.participantId)
                    return (
                      <li key={hand.participantId} className={styles.queueItem}>
                        <span className={styles.queuePlace}>{index + 1}.</span>
                        <span className={styles.queueName}>{name}</span>
                        <button
                          type="button"
                          className={styles.smallButton}
                          aria-label={t('facilitation.queue.giveLabel', { name })}
                          disabled={request.busy !== null}
                          onClick={() => request.run('clear', () => facilitation.clearHands(hand.participantId))}
                        >
                          {t('facilitation.queue.give')}
                        </button>
                      </li>
                    )
                  })}
                </ol>
                <button
                  type="button"
                  className={styles.smallButton}
                  disabled={request.busy !== null}
                  onClick={() => request.run('clear', () => facilitation.clearHands())}
                >
                  {t('facilitation.queue.clearAll')}
                </button>
              </>
            )}
            <FailureNote failure={request.failure} />
          </section>
        ) : null}
      </div>
    </CanvasControl>
  )
}
