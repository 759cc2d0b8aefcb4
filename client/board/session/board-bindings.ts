import type { TLStore } from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { bindStoreToDoc, type BindStoreOptions, type StoreDocBinding } from '@/lib/sync/bind-store-to-doc'
import { bindPresence, type PresenceBinding, type PresenceUser } from '@/lib/sync/presence'

/**
 * How long changes to one record are gathered into one update (issue 10: a stroke resent whole on
 * every pointer move). Short enough that others see a stroke grow smoothly; pointer up ends it at once.
 */
export const STROKE_COALESCE_MS = 120

/**
 * The board's store bound to its document, as the network wants it: changes to a record within
 * STROKE_COALESCE_MS go as one update, written at once when the pointer goes up (a frame later, once
 * tldraw has handled it) and when the page is hidden or closed.
 */
export function bindBoardDocument(store: TLStore, doc: Y.Doc, options: Omit<BindStoreOptions, 'coalesceMs' | 'clock'>): StoreDocBinding {
  const binding = bindStoreToDoc(store, doc, { ...options, coalesceMs: STROKE_COALESCE_MS })
  let frame = 0
  const flushAfterFrame = () => {
    cancelAnimationFrame(frame)
    frame = requestAnimationFrame(() => binding.flush())
  }
  const flushNow = () => binding.flush()
  window.addEventListener('pointerup', flushAfterFrame)
  window.addEventListener('pointercancel', flushAfterFrame)
  window.addEventListener('pagehide', flushNow)
  document.addEventListener('visibilitychange', flushNow)
  return {
    flush: flushNow,
    dispose() {
      window.removeEventListener('pointerup', flushAfterFrame)
      window.removeEventListener('pointercancel', flushAfterFrame)
      window.removeEventListener('pagehide', flushNow)
      document.removeEventListener('visibilitychange', flushNow)
      cancelAnimationFrame(frame)
      binding.dispose()
    },
  }
}

/**
 * A phone (touch only, no hover) has no pointer of its own on the board and shows the others'
 * cursors at a glance only: it asks the server for their presence at a low rate.
 */
export function showsLiveCursors(): boolean {
  return !(typeof matchMedia === 'function' && matchMedia('(hover: none) and (pointer: coarse)').matches)
}

/** Presence both ways (lib/sync/presence.ts), with this device's view of the others' cursors. */
export function bindBoardPresence(store: TLStore, awareness: Awareness, user: PresenceUser): PresenceBinding {
  return bindPresence(store, awareness, { user, liveCursors: showsLiveCursors() })
}
