'use client'

import { useParams } from 'next/navigation'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useLocale, useT } from '@/client/i18n/I18nProvider'
import type { Locale } from '@/lib/i18n'
import type { CheckpointEntry, CheckpointPreviewResponse } from '@/lib/protocol/history'
import { ItemIcon } from '../canvas/ItemIcon'
import { loadHistory, loadPreview, restore } from './history-api'
import styles from './history.module.css'
import { Panel } from './Panel'

type Load<T> = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; data: T }
type Asking = { kind: 'board' } | { kind: 'items'; items: string[] } | null

function timeOf(iso: string, locale: Locale): string {
  const at = new Date(iso)
  const sameDay = at.toDateString() === new Date().toDateString()
  return new Intl.DateTimeFormat(locale, sameDay ? { hour: '2-digit', minute: '2-digit' } : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(at)
}

/**
 * "Geschiedenis" (the facilitator, when the policy allows `board.restore`): the board's checkpoints,
 * one checkpoint's image, and restoring the whole board or items deleted since, each after a
 * confirmation. The restore is made by the server and reaches every open board as an ordinary
 * edit, this one included: the panel only says how it went.
 */
export function HistoryPanel({ onClose }: { onClose(): void }) {
  const t = useT()
  const locale = useLocale()
  const params = useParams<{ conferenceId: string }>()
  const conferenceId = params.conferenceId
  const [list, setList] = useState<Load<CheckpointEntry[]>>({ state: 'loading' })
  const [chosen, setChosen] = useState<string | null>(null)
  const [notice, setNotice] = useState<{ text: string; ok: boolean } | null>(null)

  const refresh = useCallback(() => {
    setList({ state: 'loading' })
    loadHistory(conferenceId).then(
      (data) => setList({ state: 'ready', data: data.checkpoints }),
      () => setList({ state: 'failed' }),
    )
  }, [conferenceId])
  useEffect(refresh, [refresh])

  const done = (text: string, ok: boolean) => {
    setNotice({ text, ok })
    setChosen(null)
    refresh()
  }

  return (
    <Panel title={t('history.title')} side="left" onClose={onClose} closeLabel={t('history.close')} testId="history-panel">
      {notice ? (
        <p className={notice.ok ? styles.noticeOk : styles.noticeFailed} role="status" data-testid="history-notice">
          {notice.text}
        </p>
      ) : null}
      {chosen ? (
        <CheckpointView conferenceId={conferenceId} checkpointId={chosen} locale={locale} onBack={() => setChosen(null)} onDone={done} />
      ) : (
        <>
          <p className={styles.intro}>{t('history.intro')}</p>
          {list.state === 'loading' ? <p>{t('history.loading')}</p> : null}
          {list.state === 'failed' ? (
            <p role="alert">
              {t('history.loadFailed')}{' '}
              <button type="button" className={styles.linkButton} onClick={refresh}>
                {t('history.retry')}
              </button>
            </p>
          ) : null}
          {list.state === 'ready' && list.data.length === 0 ? <p>{t('history.empty')}</p> : null}
          {list.state === 'ready' && list.data.length > 0 ? (
            <ul className={styles.list} data-testid="history-list">
              {list.data.map((entry) => (
                <li key={entry.id}>
                  <button
                    type="button"
                    className={styles.entry}
                    data-testid="history-entry"
                    data-reason={entry.reason}
                    onClick={() => {
                      setNotice(null)
                      setChosen(entry.id)
                    }}
                  >
                    <span className={styles.entryTime}>{timeOf(entry.createdAt, locale)}</span>
                    <span className={styles.entryReason}>{t(`history.reason.${entry.reason}`)}</span>
                    <span className={styles.entryMeta}>
                      {t('history.items', { count: entry.itemCount })} ·{' '}
                      {entry.editors.length > 0
                        ? t('history.editors', { names: entry.editors.map((e) => e.name || t('history.unknownName')).join(', ') })
                        : t('history.editorsNone')}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </Panel>
  )
}

function CheckpointView({
  conferenceId,
  checkpointId,
  locale,
  onBack,
  onDone,
}: {
  conferenceId: string
  checkpointId: string
  locale: Locale
  onBack(): void
  onDone(text: string, ok: boolean): void
}) {
  const t = useT()
  const [preview, setPreview] = useState<Load<CheckpointPreviewResponse>>({ state: 'loading' })
  const [ticked, setTicked] = useState<Set<string>>(new Set())
  const [asking, setAsking] = useState<Asking>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let live = true
    loadPreview(conferenceId, checkpointId).then(
      (data) => live && setPreview({ state: 'ready', data }),
      () => live && setPreview({ state: 'failed' }),
    )
    return () => {
      live = false
    }
  }, [conferenceId, checkpointId])

  // The board image as a blob URL (img-src allows blob:), freed when it changes.
  const imageUrl = useMemo(() => (preview.state === 'ready' ? URL.createObjectURL(new Blob([preview.data.svg], { type: 'image/svg+xml' })) : null), [preview])
  useEffect(() => () => {
    if (imageUrl) URL.revokeObjectURL(imageUrl)
  }, [imageUrl])

  if (preview.state === 'loading') return <p>{t('history.loading')}</p>
  if (preview.state === 'failed') {
    return (
      <>
        <p role="alert">{t('history.loadFailed')}</p>
        <BackButton onBack={onBack} />
      </>
    )
  }
  const { checkpoint, deletedSince, currentItemCount } = preview.data
  const time = timeOf(checkpoint.createdAt, locale)

  const run = async (ask: NonNullable<Asking>) => {
    setBusy(true)
    try {
      const result = await restore(conferenceId, checkpointId, ask.kind === 'items' ? ask.items : undefined)
      if (!result.changed) onDone(t('history.unchanged'), true)
      else if (result.mode === 'board') onDone(t('history.restoredBoard', { time, count: result.itemCount }), true)
      else onDone(t('history.restoredItems', { count: ask.kind === 'items' ? ask.items.length : result.set }), true)
    } catch (error) {
      onDone(error instanceof Error && error.message === '403' ? t('history.forbidden') : t('history.failed'), false)
    } finally {
      setBusy(false)
      setAsking(null)
    }
  }

  const toggle = (id: string) =>
    setTicked((current) => {
      const next = new Set(current)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })

  return (
    <div data-testid="history-preview">
      <BackButton onBack={onBack} />
      <h3 className={styles.previewTitle}>{t('history.preview.title', { time })}</h3>
      <p className={styles.entryMeta}>{t(`history.reason.${checkpoint.reason}`)}</p>
      {imageUrl ? <img className={styles.preview} src={imageUrl} alt={t('history.preview.alt', { time })} data-testid="history-image" /> : null}
      <p>{t('history.preview.counts', { then: checkpoint.itemCount, now: currentItemCount })}</p>

      {asking ? (
        <div className={styles.confirm} role="alertdialog" aria-labelledby="history-confirm-text" data-testid="history-confirm">
          <p id="history-confirm-text">
            <strong>{asking.kind === 'board' ? t('history.confirmBoard', { time }) : t('history.confirmItems', { count: asking.items.length })}</strong>
          </p>
          <p>{t('history.confirmUndo')}</p>
          <div className={styles.actions}>
            <button type="button" className={styles.primaryButton} disabled={busy} onClick={() => void run(asking)} data-testid="history-confirm-yes">
              {busy ? t('history.restoring') : t('history.confirm')}
            </button>
            <button type="button" className={styles.secondaryButton} disabled={busy} onClick={() => setAsking(null)}>
              {t('history.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <section className={styles.section}>
            <button type="button" className={styles.primaryButton} onClick={() => setAsking({ kind: 'board' })} data-testid="history-restore-board">
              <ItemIcon name="history" size={18} /> {t('history.restoreBoard')}
            </button>
            <p className={styles.hint}>{t('history.restoreBoardHint')}</p>
          </section>
          <section className={styles.section}>
            <h4 className={styles.sectionTitle}>{t('history.deletedTitle', { count: deletedSince.length })}</h4>
            {deletedSince.length === 0 ? (
              <p className={styles.hint}>{t('history.deletedNone')}</p>
            ) : (
              <>
                <ul className={styles.checklist} data-testid="history-deleted">
                  {deletedSince.map((item) => (
                    <li key={item.id}>
                      <label className={styles.check}>
                        <input type="checkbox" checked={ticked.has(item.id)} onChange={() => toggle(item.id)} />
                        <span>{item.label || `${t('history.itemUntitled')} (${item.type.replace(/^kring-/, '')})`}</span>
                      </label>
                    </li>
                  ))}
                </ul>
                <div className={styles.actions}>
                  <button type="button" className={styles.secondaryButton} onClick={() => setTicked(new Set(deletedSince.map((i) => i.id)))}>
                    {t('history.selectAll')}
                  </button>
                  <button
                    type="button"
                    className={styles.primaryButton}
                    disabled={ticked.size === 0}
                    onClick={() => setAsking({ kind: 'items', items: [...ticked] })}
                    data-testid="history-restore-items"
                  >
                    {t('history.restoreItems')}
                  </button>
                </div>
              </>
            )}
          </section>
        </>
      )}
    </div>
  )
}

function BackButton({ onBack }: { onBack(): void }) {
  const t = useT()
  return (
    <button type="button" className={styles.linkButton} onClick={onBack}>
      <span aria-hidden="true" className="flip-in-rtl">←</span> {t('history.back')}
    </button>
  )
}
