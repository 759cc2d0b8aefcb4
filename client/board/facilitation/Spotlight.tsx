'use client'

import { useEffect, useRef } from 'react'
import { useValue, type Editor } from 'tldraw'
import { useT } from '@/client/i18n/I18nProvider'
import { followsLeader } from '@/lib/conference/facilitation-follow'
import { may } from '@/lib/conference/policy'
import type { PageBox } from '@/lib/protocol/facilitation'
import styles from './facilitation.module.css'
import { SpotlightIcon } from './icons'
import { CanvasControl, FailureNote, type CanvasToolProps } from './shared'
import { useRequest } from '../meeting/useRequest'
import { useFollowView, useSpotlightRegion } from './useFacilitation'

/** Room around the selection, in page units, so the light does not hug the items. */
const SPOTLIGHT_MARGIN = 24
const SPOTLIGHT_ANIMATION_MS = 300

function regionAround(editor: Editor): PageBox | null {
  const bounds = editor.getSelectionPageBounds()
  if (!bounds) return null
  return {
    x: bounds.x - SPOTLIGHT_MARGIN,
    y: bounds.y - SPOTLIGHT_MARGIN,
    w: Math.max(1, bounds.w) + 2 * SPOTLIGHT_MARGIN,
    h: Math.max(1, bounds.h) + 2 * SPOTLIGHT_MARGIN,
  }
}

function moveTo(editor: Editor, region: PageBox): void {
  const inset = Math.min(64, editor.getViewportScreenBounds().w * 0.08)
  editor.zoomToBounds(region, { inset, animation: { duration: SPOTLIGHT_ANIMATION_MS } })
}

/**
 * The facilitator's "Licht uit": put what is selected on the board in the spotlight for everyone,
 * and end it again. Without a selection the button says what to do first.
 */
export function SpotlightButton({
  facilitation,
  editor,
  me,
  phase,
  context,
}: CanvasToolProps) {
  const t = useT()
  const region = useSpotlightRegion(facilitation)
  const request = useRequest<'set' | 'clear'>()
  const hasSelection = useValue('spotlight: something selected', () => (editor ? editor.getSelectionPageBounds() !== null : false), [editor])
  if (!facilitation || phase === null || !may(me.role, phase, 'facilitation.lead', context)) return null

  const on = region !== null
  const set = () => {
    const next = editor ? regionAround(editor) : null
    if (next) request.run('set', () => facilitation.setSpotlight(next))
  }
  return (
    <CanvasControl testId="spotlight-button">
      <button
        type="button"
        className={styles.button}
        aria-pressed={on}
        title={on ? undefined : hasSelection ? t('facilitation.spotlight.setLabel') : t('facilitation.spotlight.needSelection')}
        aria-label={on ? t('facilitation.spotlight.clear') : hasSelection ? t('facilitation.spotlight.setLabel') : t('facilitation.spotlight.needSelection')}
        disabled={request.busy !== null || (!on && !hasSelection)}
        onClick={on ? () => request.run('clear', () => facilitation.setSpotlight(null)) : set}
      >
        <SpotlightIcon />
        <span className={styles.label}>{on ? t('facilitation.spotlight.clear') : t('facilitation.spotlight.set')}</span>
      </button>
      <FailureNote failure={request.failure} />
    </CanvasControl>
  )
}

/**
 * What everyone sees of a spotlight: the board outside the region dimmed (never blocking a
 * pointer), and, for everyone but the one who leads, the camera moving to it unless they stepped
 * out of following. Inside <Tldraw>, where it lies over the canvas.
 */
export function SpotlightOverlay({
  facilitation,
  editor,
  me,
  phase,
  context,
}: CanvasToolProps) {
  const region = useSpotlightRegion(facilitation)
  const { store } = useFollowView(facilitation)
  const leads = phase !== null && may(me.role, phase, 'facilitation.lead', context)

  // Move once per new region (the server repeats the state after a phase or access change).
  const shown = useRef<string | null>(null)
  useEffect(() => {
    const key = region ? JSON.stringify(region) : null
    if (key === shown.current) return
    shown.current = key
    if (!editor || !region || !store || leads || store.getView().steppedOut) return
    store.markLeaderMove(SPOTLIGHT_ANIMATION_MS)
    moveTo(editor, region)
  }, [editor, region, store, leads])

  const rect = useValue(
    'spotlight: region on screen',
    () => {
      if (!editor || !region) return null
      const topLeft = editor.pageToViewport({ x: region.x, y: region.y })
      const bottomRight = editor.pageToViewport({ x: region.x + region.w, y: region.y + region.h })
      return { left: topLeft.x, top: topLeft.y, width: bottomRight.x - topLeft.x, height: bottomRight.y - topLeft.y }
    },
    [editor, region],
  )
  if (!rect) return null
  return (
    <div className={styles.spotlightClip} data-testid="spotlight-overlay" aria-hidden="true">
      <div className={styles.spotlight} style={rect} />
    </div>
  )
}

/** For everyone but the leader while a spotlight is on and they are not following: a way to go and look at it. */
export function SpotlightNotice({
  facilitation,
  editor,
  me,
  phase,
  context,
}: CanvasToolProps) {
  const t = useT()
  const region = useSpotlightRegion(facilitation)
  const { view } = useFollowView(facilitation)
  if (!facilitation || !editor || !region || phase === null || may(me.role, phase, 'facilitation.lead', context)) return null
  // Someone following is taken there already.
  if (followsLeader(view, me.participantId)) return null
  return (
    <CanvasControl testId="spotlight-notice">
      <div className={styles.notice}>
        <SpotlightIcon />
        <span className={`${styles.noticeText} ${styles.label}`}>{t('facilitation.spotlight.active')}</span>
        <button type="button" className={styles.linkButton} aria-label={t('facilitation.spotlight.showLabel')} onClick={() => moveTo(editor, region)}>
          {t('facilitation.spotlight.show')}
        </button>
      </div>
    </CanvasControl>
  )
}
