'use client'

import { createContext, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react'
import type * as Y from 'yjs'
import { readBoardSettings } from '@/lib/board/settings'
import { checkRecords, type CheckIssue, type PlanChecks } from '@/lib/plan/checks'
import { recordsMapOf } from '@/lib/sync/document-format'
import { throttlePerSecond } from '@/lib/sync/throttle'

/**
 * The plan's live checks (lib/plan/checks) for the whole board, computed in one place: from the
 * board's Yjs document, at most twice a second, whoever made the change. Each item reads only its
 * own issues, and re-renders only when they change.
 */
/** An issue as an item shows it; an overloaded person's issue says how often per week. */
export interface ItemIssue extends CheckIssue {
  perWeek?: number
}

export interface BoardChecksStore {
  issuesOf(itemId: string): readonly ItemIssue[]
  all(): PlanChecks | null
  subscribe(onChange: () => void): () => void
}

const NONE: readonly ItemIssue[] = Object.freeze([])
const RECOMPUTES_PER_SECOND = 2

const keyOf = (issues: readonly ItemIssue[]) => issues.map((issue) => `${issue.code}:${issue.personId ?? ''}:${issue.perWeek ?? ''}`).join('|')

export function createBoardChecksStore(doc: Y.Doc): BoardChecksStore & { dispose(): void } {
  let checks: PlanChecks | null = null
  // Per item, the last issues handed out: kept while they stay the same, so React sees no change.
  let byItem = new Map<string, { key: string; issues: readonly ItemIssue[] }>()
  const listeners = new Set<() => void>()

  const compute = () => {
    try {
      // checkRecords also reports scale marks whose scale is gone (which the plan cannot hold).
      checks = checkRecords(recordsMapOf(doc).toJSON() as Record<string, unknown>, readBoardSettings(doc))
    } catch (error) {
      // A check must never take the board down; the plan view shows the same checks.
      console.error('board checks failed', error instanceof Error ? error.name : 'unknown')
      return
    }
    const perWeek = new Map(checks.load.map((person) => [person.personId, person.perWeek]))
    const next = new Map<string, { key: string; issues: readonly ItemIssue[] }>()
    for (const [itemId, found] of Object.entries(checks.byItem)) {
      if (found.length === 0) continue
      const issues = found.map((issue) => (issue.code === 'person-overloaded' && issue.personId ? { ...issue, perWeek: perWeek.get(issue.personId) } : issue))
      const key = keyOf(issues)
      const previous = byItem.get(itemId)
      next.set(itemId, previous && previous.key === key ? previous : { key, issues })
    }
    byItem = next
    for (const listener of listeners) listener()
  }

  const throttled = throttlePerSecond(compute, RECOMPUTES_PER_SECOND)
  const onUpdate = () => throttled()
  doc.on('update', onUpdate)
  compute()

  return {
    issuesOf: (itemId) => byItem.get(itemId)?.issues ?? NONE,
    all: () => checks,
    subscribe(onChange) {
      listeners.add(onChange)
      return () => listeners.delete(onChange)
    },
    dispose() {
      doc.off('update', onUpdate)
      throttled.cancel()
      listeners.clear()
    },
  }
}

const BoardChecksContext = createContext<BoardChecksStore | null>(null)

export function BoardChecksProvider({ doc, children }: { doc: Y.Doc; children: ReactNode }) {
  const store = useMemo(() => createBoardChecksStore(doc), [doc])
  useEffect(() => () => store.dispose(), [store])
  return <BoardChecksContext.Provider value={store}>{children}</BoardChecksContext.Provider>
}

const noSubscription = () => () => {}

/** The live check issues of one board item (none outside a board). */
export function useItemIssues(itemId: string): readonly ItemIssue[] {
  const store = useContext(BoardChecksContext)
  return useSyncExternalStore(
    store ? store.subscribe : noSubscription,
    () => (store ? store.issuesOf(itemId) : NONE),
    () => NONE,
  )
}
