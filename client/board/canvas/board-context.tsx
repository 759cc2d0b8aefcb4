'use client'

import { createContext, useCallback, useContext, useRef, useSyncExternalStore, type ReactNode } from 'react'
import type * as Y from 'yjs'
import { defaultBoardSettings, readBoardSettings, settingsMapOf, type BoardSettings } from '@/lib/board/settings'
import type { ParticipantRole } from '@/lib/conference/model'

/** Who is looking at the board, and its document: what the items and panels need besides tldraw. */
export interface BoardMe {
  participantId: string
  displayName: string
  role: ParticipantRole
}

interface BoardItemsContextValue {
  doc: Y.Doc
  me: BoardMe
}

const BoardItemsContext = createContext<BoardItemsContextValue | null>(null)

export function BoardItemsProvider({ doc, me, children }: BoardItemsContextValue & { children: ReactNode }) {
  return <BoardItemsContext.Provider value={{ doc, me }}>{children}</BoardItemsContext.Provider>
}

function useBoardItemsContext(): BoardItemsContextValue | null {
  return useContext(BoardItemsContext)
}

/** The person on this device (null outside a board, e.g. in a test render). */
export function useBoardMe(): BoardMe | null {
  return useBoardItemsContext()?.me ?? null
}

export function useBoardDoc(): Y.Doc | null {
  return useBoardItemsContext()?.doc ?? null
}

/** The board's settings (support kinds, load threshold), live. */
export function useBoardSettings(): BoardSettings {
  const doc = useBoardDoc()
  // readBoardSettings builds a new object each time: keep the last one while it reads the same.
  const last = useRef<{ key: string; settings: BoardSettings } | null>(null)
  const read = (): BoardSettings => {
    if (!doc) return defaultBoardSettings
    const settings = readBoardSettings(doc)
    const key = JSON.stringify(settings)
    if (last.current?.key !== key) last.current = { key, settings }
    return last.current.settings
  }
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!doc) return () => {}
      const map = settingsMapOf(doc)
      map.observe(onChange)
      return () => map.unobserve(onChange)
    },
    [doc],
  )
  return useSyncExternalStore(subscribe, read, read)
}
