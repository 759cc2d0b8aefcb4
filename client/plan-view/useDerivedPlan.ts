'use client'

import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { readBoardSettings, type BoardSettings } from '@/lib/board/settings'
import { deriveBoard, type PlanFindings } from '@/lib/plan/derive'
import type { Plan } from '@/lib/plan/schema'
import { recordsMapOf } from '@/lib/sync/document-format'

export interface DerivedPlan {
  plan: Plan
  findings: PlanFindings
  settings: BoardSettings
}

// While people type on the board the document changes many times a second; the plan follows at
// most this often (and always ends on the latest state).
const THROTTLE_MS = 250

function derive(doc: Y.Doc): DerivedPlan {
  const { plan, findings } = deriveBoard(recordsMapOf(doc).toJSON() as Record<string, unknown>)
  return { plan, findings, settings: readBoardSettings(doc) }
}

/** The plan of the board's document, derived again after every change (throttled). */
export function useDerivedPlan(doc: Y.Doc | null): DerivedPlan | null {
  const [derived, setDerived] = useState<DerivedPlan | null>(null)

  useEffect(() => {
    if (!doc) {
      setDerived(null)
      return
    }
    let timer: ReturnType<typeof setTimeout> | null = null
    let lastRun = 0
    const run = () => {
      timer = null
      lastRun = Date.now()
      setDerived(derive(doc))
    }
    const schedule = () => {
      if (timer) return
      timer = setTimeout(run, Math.max(0, THROTTLE_MS - (Date.now() - lastRun)))
    }
    run()
    doc.on('update', schedule)
    return () => {
      doc.off('update', schedule)
      if (timer) clearTimeout(timer)
    }
  }, [doc])

  return derived
}
