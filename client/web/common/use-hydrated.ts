'use client'

import { useSyncExternalStore } from 'react'

const never = () => () => {}

/**
 * False in the server's HTML and during hydration, true once React runs the page. Before that, a
 * controlled input shows what the person types while its state keeps the server's value; React
 * keeps the typed text through hydration but puts the state back on the next render (the submit),
 * so a form would save the old value while its field showed the new one.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  )
}
