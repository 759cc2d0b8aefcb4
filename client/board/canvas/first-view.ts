import { useEffect, useRef } from 'react'
import { Box, useEditor } from 'tldraw'
import type { ConferencePhase } from '@/lib/conference/model'
import { boardOverviewArea, phaseFocusArea } from '@/lib/board/placement'
import { useDevice } from '../session/useDevice'

// A desktop never opens magnified: a small template stays at its real size, centred.
const DESKTOP_MAX_ZOOM = 1

/**
 * Where the board opens. On a phone the whole board is too small to read: it opens fitted to
 * the area the current phase works on (lib/board/placement phaseFocusArea). A desktop opens
 * fitted to the whole template, so nobody starts in one corner with half the areas off screen.
 * Once, when the board is first shown (and as soon as the areas have arrived); after that the
 * camera is the person's own.
 */
export function useFirstView(phase: ConferencePhase | null): void {
  const editor = useEditor()
  const phone = useDevice() === 'phone'
  const done = useRef(false)
  useEffect(() => {
    if (done.current || (phone && phase === null)) return
    const focus = () => {
      if (done.current) return
      const records = editor.store.allRecords()
      const area = phone && phase !== null ? phaseFocusArea(records, phase) : boardOverviewArea(records)
      if (!area) return
      done.current = true
      const fit = () => {
        // Until the canvas has been measured there is nothing to fit into.
        if (editor.getViewportScreenBounds().w < 10) return void requestAnimationFrame(fit)
        const bounds = new Box(area.x, area.y, area.w, area.h)
        if (phone) editor.zoomToBounds(bounds, { inset: 8 })
        else editor.zoomToBounds(bounds, { inset: 48, targetZoom: DESKTOP_MAX_ZOOM })
      }
      fit()
    }
    focus()
    if (done.current) return
    // The board may still be arriving: try again as records come in.
    const stop = editor.store.listen(focus, { scope: 'document' })
    return stop
  }, [editor, phone, phase])
}

/** Renders nothing: mounted inside the editor (see useFirstView). */
export function FirstView({ phase }: { phase: ConferencePhase | null }): null {
  useFirstView(phase)
  return null
}
