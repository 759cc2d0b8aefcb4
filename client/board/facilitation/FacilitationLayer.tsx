'use client'

import { useEditor } from 'tldraw'
import { useT } from '@/client/i18n/I18nProvider'
import { may } from '@/lib/conference/policy'
import type { PolicyContext } from '@/lib/conference/policy'
import type { FacilitationClient } from '@/lib/meeting/facilitation-client'
import type { RosterMessage } from '@/lib/protocol/meeting'
import styles from './facilitation.module.css'
import { FollowControls } from './FollowControls'
import { HandButton } from './HandButton'
import { HandQueue } from './HandQueue'
import { PhaseTimerControls } from './PhaseTimerControls'
import type { FacilitationMe, KnownPhase } from './shared'
import { SpotlightButton, SpotlightNotice, SpotlightOverlay } from './Spotlight'

export interface FacilitationLayerProps {
  /** The facilitation binding of the board's meeting socket; null while there is none. */
  facilitation: FacilitationClient | null
  me: FacilitationMe
  phase: KnownPhase
  context: PolicyContext
  roster: RosterMessage | null
}

/**
 * All facilitation tools over the board, as one child of <Tldraw> (it takes the editor from
 * there): the spotlight's dimming, and a bar at the top centre with the phase timer's controls, the hand
 * (or, for the facilitator, the queue of hands), follow me, and spotlight. Each piece shows only
 * what the policy lets this person do in this phase.
 */
export function FacilitationLayer({ facilitation, me, phase, context, roster }: FacilitationLayerProps) {
  const t = useT()
  const editor = useEditor()
  if (!facilitation) return null
  const props = { facilitation, editor, me, phase, context }
  const clearsHands = phase !== null && may(me.role, phase, 'hand.clear', context)
  return (
    <>
      <SpotlightOverlay {...props} />
      <div className={styles.bar} role="toolbar" aria-label={t('facilitation.bar.label')} data-testid="facilitation-bar">
        <PhaseTimerControls facilitation={facilitation} me={me} phase={phase} context={context} />
        {clearsHands ? (
          <HandQueue facilitation={facilitation} me={me} phase={phase} context={context} roster={roster} />
        ) : (
          <HandButton facilitation={facilitation} me={me} phase={phase} context={context} />
        )}
        <FollowControls {...props} />
        <SpotlightButton {...props} />
        <SpotlightNotice {...props} />
      </div>
    </>
  )
}
