'use client'

import { createContext, useContext, useMemo, useState, type ReactNode } from 'react'

/** The board's own side panels, opened from the toolbar; one at a time. */
export type PanelName = 'add' | 'deck' | 'area' | 'history'

interface PanelsState {
  open: PanelName | null
  toggle(panel: PanelName): void
  close(): void
  /** The item this person just added: its editor opens unfolded, ready to type in. */
  justAdded: string | null
  setJustAdded(id: string): void
}

const PanelsContext = createContext<PanelsState>({ open: null, toggle: () => {}, close: () => {}, justAdded: null, setJustAdded: () => {} })

export function PanelsProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState<PanelName | null>(null)
  const [justAdded, setJustAdded] = useState<string | null>(null)
  const value = useMemo<PanelsState>(
    () => ({
      open,
      toggle: (panel) => setOpen((current) => (current === panel ? null : panel)),
      close: () => setOpen(null),
      justAdded,
      setJustAdded,
    }),
    [open, justAdded],
  )
  return <PanelsContext.Provider value={value}>{children}</PanelsContext.Provider>
}

export function usePanels(): PanelsState {
  return useContext(PanelsContext)
}
