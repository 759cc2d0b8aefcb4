'use client'

import type { ConferencePhase, ParticipantRole } from '@/lib/conference/model'
import { may } from '@/lib/conference/policy'
import { useBoardMe } from './board-context'
import { useBoardPhase } from './board-policy'

/**
 * What this person may do with bottom lines (ondergrenzen), from lib/conference/policy.ts
 * (`bottomLine.write`). Only shapes the screen: the sync server refuses every other write.
 */
export interface BottomLineAccess {
  /** Add, change, move or remove bottom lines. */
  canWrite: boolean
  /** Tick a bottom line off (or open it again): a professional, in plan en afspraken. */
  canTick: boolean
}

/**
 * Before the meeting has said which phase it is (`phase` null), the writing is offered as in the
 * first phase (the server decides), but not the ticking, which belongs to one phase only.
 */
export function bottomLineAccess(role: ParticipantRole, phase: ConferencePhase | null): BottomLineAccess {
  if (phase === null) return { canWrite: may(role, 'voorbereiding', 'bottomLine.write'), canTick: false }
  const canWrite = may(role, phase, 'bottomLine.write')
  return { canWrite, canTick: canWrite && phase === 'plan_en_afspraken' }
}

const NO_ACCESS: BottomLineAccess = { canWrite: false, canTick: false }

/** This person's access to bottom lines now; none outside a board. */
export function useBottomLineAccess(): BottomLineAccess {
  const me = useBoardMe()
  const phase = useBoardPhase()
  return me ? bottomLineAccess(me.role, phase) : NO_ACCESS
}
