'use client'

import { useSyncExternalStore } from 'react'
import type { Device } from '@/lib/conference/model'

/**
 * Phone layout: a narrow viewport, or a touch screen held in landscape (short and coarse). The
 * same query drives the roster drawer in Board.module.css and what the roster tells others.
 */
export const PHONE_MEDIA_QUERY = '(max-width: 700px), (pointer: coarse) and (max-height: 500px)'

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(PHONE_MEDIA_QUERY)
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}

const current = (): Device => (window.matchMedia(PHONE_MEDIA_QUERY).matches ? 'phone' : 'desktop')
// The server cannot know; the first client render corrects it.
const onServer = (): Device => 'desktop'

export function useDevice(): Device {
  return useSyncExternalStore(subscribe, current, onServer)
}
