'use client'

import { useSyncExternalStore } from 'react'

// From this width the agreements fit a table; below it (phones) they are stacked cards.
const WIDE = '(min-width: 48rem)'

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(WIDE)
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}

/** Is the screen wide enough for a table? (true on the server: the plan renders in the browser only.) */
export function useWideScreen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(WIDE).matches,
    () => true,
  )
}
