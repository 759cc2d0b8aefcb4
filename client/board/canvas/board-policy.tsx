'use client'

import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react'
import type { ConferencePhase } from '@/lib/conference/model'
import { defaultPolicyContext, may, type PolicyAction, type PolicyContext } from '@/lib/conference/policy'
import { useBoardMe } from './board-context'

/**
 * The conference as the board's items and panels need it to ask the policy
 * (lib/conference/policy.ts) what the person on this device may do: its phase and its setting,
 * both from the meeting plane. Only shapes the screen; the servers decide every request.
 */
interface BoardPolicy {
  /** The phase, or null while the meeting has not said it yet. */
  phase: ConferencePhase | null
  context: PolicyContext
}

const BoardPolicyContext = createContext<BoardPolicy>({ phase: null, context: defaultPolicyContext })

export function BoardPolicyProvider({ phase, context, children }: BoardPolicy & { children: ReactNode }) {
  const value = useMemo(() => ({ phase, context }), [phase, context])
  return <BoardPolicyContext.Provider value={value}>{children}</BoardPolicyContext.Provider>
}

/** The phase, or null while it is not known (or outside a board). */
export function useBoardPhase(): ConferencePhase | null {
  return useContext(BoardPolicyContext).phase
}

/** Whether the person on this device may do `action` now; nothing while the phase is unknown, or outside a board. */
export function useBoardMay(): (action: PolicyAction) => boolean {
  const me = useBoardMe()
  const { phase, context } = useContext(BoardPolicyContext)
  return useCallback((action: PolicyAction) => me !== null && phase !== null && may(me.role, phase, action, context), [me, phase, context])
}
