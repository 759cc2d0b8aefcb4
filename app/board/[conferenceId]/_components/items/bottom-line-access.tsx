'use client'

import { createContext, useContext, type ReactNode } from 'react'
import type { ConferencePhase, ParticipantRole } from '@/lib/conference/model'
import { may } from '@/lib/conference/policy'
import { useBoardMe } from './board-context'

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
 * Before the meeting has said which phase it is (`phase` null), a professional is offered the
 * writing (the server decides), but not the ticking, which belongs to one phase only.
 */
export function bottomLineAccess(role: ParticipantRole, phase: ConferencePhase | null): BottomLineAccess {
  if (phase === null) return { canWrite: role === 'professional', canTick: false }
  const canWrite = may(role, phase, 'bottomLine.write')
  return { canWrite, canTick: canWrite && phase === 'plan_en_afspraken' }
}

const BoardPhaseContext = createContext<ConferencePhase | null>(null)

/** The conference's current phase for the board's items (from the meeting plane). */
export function BoardPhaseProvider({ phase, children }: { phase: ConferencePhase | null; children: ReactNode }) {
  return <BoardPhaseContext.Provider value={phase}>{children}</BoardPhaseContext.Provider>
}

/** The phase, or null while it is not known (or outside a board). */
export function useBoardPhase(): ConferencePhase | null {
  return useContext(BoardPhaseContext)
}

const NO_ACCESS: BottomLineAccess = { canWrite: false, canTick: false }

/** This person's access to bottom lines now; none outside a board. */
export function useBottomLineAccess(): BottomLineAccess {
  const me = useBoardMe()
  const phase = useBoardPhase()
  return me ? bottomLineAccess(me.role, phase) : NO_ACCESS
}
