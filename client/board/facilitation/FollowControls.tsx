'use client'

import { useEffect, useState } from 'react'
import { useT } from '@/client/i18n/I18nProvider'
import { followsLeader, isFollower } from '@/lib/conference/facilitation-follow'
import { may } from '@/lib/conference/policy'
import styles from './facilitation.module.css'
import { EyeIcon } from './icons'
import { CanvasControl, FailureNote, type CanvasToolProps } from './shared'
import { useRequest } from '../meeting/useRequest'
import { useFollowView } from './useFacilitation'
import { useFollowLeader, useLeadViewport, viewportOf } from './useFollowCamera'

/**
 * "Follow me". The facilitator switches it on and off ("Volg mij"); while on, this device sends
 * where it looks. Everyone else sees a banner, "Je volgt de gespreksleider", and their camera
 * follows until they choose "Zelf rondkijken" or move the board themselves; "Weer volgen" brings
 * them back. Render it for everyone: on a follower's device it also moves the camera.
 */
export function FollowControls({
  facilitation,
  editor,
  me,
  phase,
  context,
}: CanvasToolProps) {
  const t = useT()
  const { view, store } = useFollowView(facilitation)
  const request = useRequest<'start' | 'stop'>()
  const leaderIsMe = view.leader === me.participantId
  // This very device leads (the facilitator may have the board open on another screen too).
  const [leadingHere, setLeadingHere] = useState(false)
  useEffect(() => {
    if (!leaderIsMe) setLeadingHere(false)
  }, [leaderIsMe])

  const leading = leadingHere && leaderIsMe
  useLeadViewport(editor, facilitation, leading)
  useFollowLeader(editor, store, view, followsLeader(view, me.participantId))

  if (!facilitation) return null
  const canLead = phase !== null && may(me.role, phase, 'facilitation.lead', context)

  if (canLead) {
    const start = () => {
      const viewport = editor ? viewportOf(editor) : null
      if (!viewport) return
      request.run('start', async () => {
        const result = await facilitation.startFollow(viewport)
        if (result.ok) setLeadingHere(true)
        return result
      })
    }
    const stop = () => request.run('stop', () => facilitation.stopFollow())
    return (
      <CanvasControl testId="follow-lead">
        <button
          type="button"
          className={styles.button}
          aria-pressed={leaderIsMe}
          title={leaderIsMe ? (leading ? t('facilitation.follow.leading') : t('facilitation.follow.leadingElsewhere')) : t('facilitation.follow.startLabel')}
          disabled={request.busy !== null || (!leaderIsMe && !editor)}
          onClick={leaderIsMe ? stop : start}
        >
          <EyeIcon />
          <span className={styles.label}>{leaderIsMe ? t('facilitation.follow.stop') : t('facilitation.follow.start')}</span>
        </button>
        <FailureNote failure={request.failure} />
      </CanvasControl>
    )
  }

  if (!isFollower(view, me.participantId) || !store) return null
  return (
    <CanvasControl testId="follow-banner">
      <div className={styles.notice} role="status">
        <EyeIcon />
        <span className={styles.noticeText}>{view.steppedOut ? t('facilitation.follow.steppedOut') : t('facilitation.follow.banner')}</span>
        <button type="button" className={styles.linkButton} onClick={() => store.dispatch({ type: view.steppedOut ? 'rejoin' : 'step-out' })}>
          {view.steppedOut ? t('facilitation.follow.rejoin') : t('facilitation.follow.stepOut')}
        </button>
      </div>
    </CanvasControl>
  )
}
