'use client'

import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react'
import { useT } from '@/client/i18n/I18nProvider'
import type { ConferencePhase, ParticipantRole } from '@/lib/conference/model'
import type { QuickItem } from '@/lib/board/quick-items'
import { addQuickItem, myPersonIds, scaleAndMark, setMyMark } from './phone-board'
import { forgetDeviceCopy, openPhoneConnection, type PhoneConnection, type PhoneSyncStatus } from './phone-connection'
import type { PhoneMeetingState } from './PhoneMeeting'
import { PhoneForms } from './PhoneForms'
import styles from './phone.module.css'

// Loaded once the view is usable: socket.io and the protocol (who is there, live phase and
// permissions), and the plan's derivation. Neither is on the first paint's path.
const PhoneMeeting = lazy(() => import('./PhoneMeeting'))
const PhonePlan = lazy(() => import('./PhonePlan'))

export interface PhoneClientProps {
  conferenceId: string
  conferenceTitle: string
  ticket: string
  ticketUrl: string
  ticketTtlSeconds: number
  me: { participantId: string; displayName: string; role: ParticipantRole }
  /** The phase and the gate's `board.write` answer when the page was made (the meeting keeps them live). */
  initial: { phase: ConferencePhase; canWrite: boolean }
}

/**
 * The phone view (issue 10): her part of the meeting, without the canvas. The phase and what it
 * asks, who is there, short forms that put the same typed items on the board in their area, and
 * the plan with her own agreements first. Live on the board's Yjs document; the whole canvas is
 * one tap away and only loaded then.
 */
/** Out for good: the kept pages go with the board's copy (public/sw.js). */
function forgetOfflineShell(): void {
  if (!('serviceWorker' in navigator)) return
  void navigator.serviceWorker.getRegistrations().then((registrations) => {
    for (const registration of registrations) {
      registration.active?.postMessage({ type: 'kring-forget' })
      void registration.unregister()
    }
  })
}

export function PhoneClient(props: PhoneClientProps) {
  const { conferenceId, ticket, ticketUrl, ticketTtlSeconds, me, initial } = props
  const t = useT()
  const [status, setStatus] = useState<PhoneSyncStatus>('connecting')
  const [ready, setReady] = useState(false)
  // When the view became usable (wall clock): the benchmark reads it instead of polling for it.
  const [readyAt, setReadyAt] = useState<number | null>(null)
  const [waiting, setWaiting] = useState(false)
  const [out, setOut] = useState(false)
  const [refused, setRefused] = useState(false)
  const [records, setRecords] = useState<Record<string, unknown>>({})
  const [meeting, setMeeting] = useState<PhoneMeetingState | null>(null)
  const connection = useRef<PhoneConnection | null>(null)

  const goOut = useCallback(() => {
    setOut(true)
    connection.current?.destroy()
    connection.current = null
    void forgetDeviceCopy(conferenceId)
    forgetOfflineShell()
  }, [conferenceId])

  // The offline shell: once the view works, this page and its files are kept for the next opening.
  useEffect(() => {
    if (!ready || !('serviceWorker' in navigator)) return
    navigator.serviceWorker
      .register('/sw.js')
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        // What this opening loaded before the worker was there: the page and its build files.
        const loaded = performance.getEntriesByType('resource').map((entry) => entry.name)
        registration.active?.postMessage({ type: 'kring-keep', urls: [location.pathname, ...loaded] })
      })
      .catch(() => {})
  }, [ready])

  useEffect(() => {
    let alive = true
    let frame = 0
    void openPhoneConnection(
      { conferenceId, ticket, ticketUrl },
      {
        onStatus: (next) => alive && setStatus(next),
        onReady: () => {
          if (!alive) return
          setWaiting(false)
          setReady(true)
          setReadyAt((at) => at ?? Date.now())
        },
        onWaiting: () => alive && setWaiting(true),
        onOut: () => alive && goOut(),
        onRefused: () => alive && setRefused(true),
      },
    ).then((opened) => {
      if (!alive) return opened.destroy()
      connection.current = opened
      const read = () => {
        cancelAnimationFrame(frame)
        frame = requestAnimationFrame(() => alive && setRecords(opened.records.toJSON() as Record<string, unknown>))
      }
      opened.records.observe(read)
      read()
    })
    return () => {
      alive = false
      cancelAnimationFrame(frame)
      connection.current?.destroy()
      connection.current = null
    }
  }, [conferenceId, ticket, ticketUrl, goOut])

  // The meeting brings the board back after private time: knock at once instead of at the next retry.
  const phase = meeting?.phase ?? initial.phase
  const canWrite = meeting ? meeting.canWrite : initial.canWrite
  useEffect(() => {
    if (waiting && canWrite) connection.current?.retry()
  }, [waiting, canWrite])

  const onMeeting = useCallback((state: PhoneMeetingState) => setMeeting(state), [])
  const add = (item: QuickItem) => {
    const open = connection.current
    if (!open) return
    const ownerIds = item.kind === 'offer' ? myPersonIds(records, me.displayName) : []
    addQuickItem(open.doc, open.records, item.kind === 'offer' ? { ...item, ownerIds } : item, me.participantId)
  }
  const mark = (value: number) => {
    const open = connection.current
    if (open) setMyMark(open.doc, open.records, me, value)
  }
  // The whole board is its own page (the canvas and everything it needs load only there).
  const boardHref = `/board/${conferenceId}`

  if (out) {
    return (
      <main className={styles.phone} data-testid="phone-out">
        <h1 className={styles.title}>{t('phone.out.title')}</h1>
        <p>{t('phone.out.body')}</p>
      </main>
    )
  }

  const { scale, mark: myMark } = scaleAndMark(records, me.participantId)
  const others = (meeting?.roster ?? []).filter((entry) => entry.online)
  return (
    <main className={styles.phone} data-testid="phone-view" data-ready={ready && !waiting ? 'true' : 'false'} data-ready-at={readyAt ?? undefined} data-status={status}>
      <header className={styles.header}>
        <p className={styles.eyebrow}>{t('phone.title')}</p>
        <h1 className={styles.title} dir="auto">
          {props.conferenceTitle}
        </h1>
        <p className={styles.muted}>{t('phone.you', { name: me.displayName, role: t(`common.role.${meeting?.role ?? me.role}`) })}</p>
        <p className={styles.status} data-testid="phone-status" data-status={status} role="status">
          {t(`phone.status.${status}`)}
        </p>
      </header>

      <section className={styles.card} aria-labelledby="phone-phase" data-testid="phone-phase" data-phase={phase}>
        <h2 id="phone-phase" className={styles.cardTitle}>
          {t('phone.phase.now', { phase: t(`meeting.phase.${phase}`) })}
        </h2>
        <p>{t(`phone.phase.means.${phase}`)}</p>
      </section>

      {refused ? (
        <p className={styles.warning} role="alert">
          {t('phone.form.refused')}
        </p>
      ) : null}

      {waiting ? (
        <section className={styles.card} data-testid="phone-waiting">
          <h2 className={styles.cardTitle}>{t('phone.waiting.title')}</h2>
          <p>{t('phone.waiting.body')}</p>
        </section>
      ) : (
        <section className={styles.card} aria-labelledby="phone-add">
          <h2 id="phone-add" className={styles.cardTitle}>
            {t('phone.add.title')}
          </h2>
          {ready ? (
            <PhoneForms phase={phase} canWrite={canWrite} myMark={typeof myMark?.props.value === 'number' ? myMark.props.value : null} hasScale={scale !== null} offline={status === 'offline'} onAdd={add} onMark={mark} />
          ) : (
            <p className={styles.muted}>{t('phone.phase.loading')}</p>
          )}
        </section>
      )}

      <section className={styles.card} aria-labelledby="phone-who" data-testid="phone-who">
        <h2 id="phone-who" className={styles.cardTitle}>
          {t('phone.who.title')}
        </h2>
        {status === 'offline' && !meeting?.connected ? (
          // Offline nobody's presence can be known: say so instead of "loading" for ever.
          <p className={styles.muted} data-testid="phone-who-offline">
            {t('phone.who.offline')}
          </p>
        ) : meeting === null ? (
          <p className={styles.muted}>{t('phone.who.loading')}</p>
        ) : others.length === 0 ? (
          <p className={styles.muted}>{t('phone.who.nobody')}</p>
        ) : (
          <ul className={styles.people}>
            {others.map((entry) => (
              // The line follows the page's direction (its bullet on the reader's side); only the name takes its own.
              <li key={entry.participantId}>
                <bdi>{entry.displayName}</bdi> <span className={styles.muted}>· {t(`common.role.${entry.role}`)}</span>
                {entry.participantId === me.participantId ? <span className={styles.muted}> {t('phone.who.me')}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {!waiting ? (
        <section className={styles.card} aria-labelledby="phone-plan-title">
          <h2 id="phone-plan-title" className={styles.cardTitle}>
            {t('phone.plan.title')}
          </h2>
          {ready ? (
            <Suspense fallback={<p className={styles.muted}>{t('phone.plan.loading')}</p>}>
              <PhonePlan records={records} me={me} planHref={`/board/${conferenceId}/plan`} />
            </Suspense>
          ) : (
            <p className={styles.muted}>{t('phone.plan.loading')}</p>
          )}
        </section>
      ) : null}

      {!waiting ? (
        <section className={styles.boardLink}>
          <a href={boardHref} className={styles.primary} data-testid="phone-open-board">
            {t('phone.board.open')}
          </a>
          <p className={styles.muted}>{t('phone.board.openHint')}</p>
        </section>
      ) : null}
      <p className={styles.note}>{t('phone.device.note')}</p>

      {ready || waiting ? (
        <Suspense fallback={null}>
          <PhoneMeeting conferenceId={conferenceId} ticket={ticket} ticketUrl={ticketUrl} ticketTtlSeconds={ticketTtlSeconds} me={me} onState={onMeeting} onOut={goOut} />
        </Suspense>
      ) : null}
    </main>
  )
}
