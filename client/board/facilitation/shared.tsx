'use client'

import { useEffect, useRef, type ReactNode, type RefObject } from 'react'
import { stopEventPropagation, type Editor } from 'tldraw'
import { useT } from '@/client/i18n/I18nProvider'
import type { ConferencePhase, ParticipantRole } from '@/lib/conference/model'
import type { PolicyContext } from '@/lib/conference/policy'
import type { MessageKey } from '@/lib/i18n/messages/types'
import type { FacilitationClient } from '@/lib/meeting/facilitation-client'
import type { RequestFailure } from '@/lib/meeting/request-outcome'
import styles from './facilitation.module.css'

/** Who is looking at the board, as the facilitation tools need it. */
export interface FacilitationMe {
  participantId: string
  role: ParticipantRole
}

/** The phase as the meeting last said; null before it is known (nothing policy-bound is offered then). */
export type KnownPhase = ConferencePhase | null

/** What every facilitation tool is given: the socket binding (null until bound), who I am, the phase and the conference's setting. */
export interface ToolProps {
  facilitation: FacilitationClient | null
  me: FacilitationMe
  phase: KnownPhase
  /** The conference's setting (whether the facilitator stays in private time): the policy needs it. */
  context: PolicyContext
}

/** A tool that also works the canvas. */
export interface CanvasToolProps extends ToolProps {
  /** The board's editor (inside <Tldraw>: `useEditor()`); null while it is not there. */
  editor: Editor | null
}

const failureKeys: Record<string, MessageKey> = {
  forbidden: 'facilitation.error.forbidden',
  offline: 'facilitation.error.offline',
  conflict: 'facilitation.error.conflict',
}

/** A refused or unanswered request, in words, until the next try. */
export function FailureNote({ failure }: { failure: RequestFailure<string> | null }) {
  const t = useT()
  if (!failure) return null
  return (
    <p className={styles.error} role="alert">
      {t(failureKeys[failure.unanswered ? 'offline' : failure.code] ?? 'facilitation.error.failed')}
    </p>
  )
}

/**
 * A piece of the facilitation UI over the canvas: pointer, wheel and key events stay in it, so
 * pressing a button never selects a shape and typing minutes never triggers a board shortcut.
 * tldraw listens on its container natively, below React's root, so those are stopped natively.
 */
export function CanvasControl({ className, children, testId }: { className?: string; children: ReactNode; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const stop = (event: Event) => event.stopPropagation()
    const kinds = ['keydown', 'keyup', 'wheel'] as const
    for (const kind of kinds) element.addEventListener(kind, stop)
    return () => {
      for (const kind of kinds) element.removeEventListener(kind, stop)
    }
  }, [])
  return (
    <div
      ref={ref}
      className={className ?? styles.control}
      data-testid={testId}
      onPointerDown={stopEventPropagation}
      onPointerUp={stopEventPropagation}
      onTouchStart={stopEventPropagation}
      onTouchEnd={stopEventPropagation}
    >
      {children}
    </div>
  )
}

/** Close a popover with Escape or a press outside it. */
export function useDismiss(open: boolean, ref: RefObject<HTMLElement | null>, close: () => void): void {
  useEffect(() => {
    if (!open) return
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && close()
    const onPointer = (event: PointerEvent) => {
      if (ref.current && event.target instanceof Node && !ref.current.contains(event.target)) close()
    }
    // Capturing: the controls stop key events from bubbling (see CanvasControl).
    document.addEventListener('keydown', onKey, true)
    document.addEventListener('pointerdown', onPointer, true)
    return () => {
      document.removeEventListener('keydown', onKey, true)
      document.removeEventListener('pointerdown', onPointer, true)
    }
  }, [open, ref, close])
}
