import { useEffect, useRef } from 'react'
import { Box, useEditor } from 'tldraw'
import type { ConferencePhase } from '@/lib/conference/model'
import { boardOverviewArea, phaseFocusArea } from '@/lib/board/placement'
import { useDevice } from '../session/useDevice'

// A desktop never opens magnified: a small area stays at its real size, centred.
const DESKTOP_MAX_ZOOM = 1
// Room (screen px) around the area on a desktop, for the toolbars floating over the canvas' edges.
const DESKTOP_INSET = 160

/**
 * Where the board opens: on the area the current phase works on (lib/board/placement
 * phaseFocusArea), so nobody starts in a corner of the board looking for where the meeting is.
 * A phone fills its small screen with it; a desktop shows it at most at its real size, with room
 * for the toolbars around it. Without such an area (a board without a template), a desktop opens
 * on the whole of the areas there are. Once, when the board is first shown (and as soon as the
 * areas have arrived); after that the camera is the person's own.
 */
export function useFirstView(phase: ConferencePhase | null): void {
  const editor = useEditor()
  const phone = useDevice() === 'phone'
  const done = useRef(false)
  useEffect(() => {
    if (done.current || phase === null) return
    const focus = () => {
      if (done.current) return
      const records = editor.store.allRecords()
      const area = phaseFocusArea(records, phase) ?? (phone ? null : boardOverviewArea(records))
      if (!area) return
      done.current = true
      const fit = () => {
        // Until the canvas has been measured there is nothing to fit into.
        if (editor.getViewportScreenBounds().w < 10) return void requestAnimationFrame(fit)
        const bounds = new Box(area.x, area.y, area.w, area.h)
        if (phone) editor.zoomToBounds(bounds, { inset: 8 })
        else editor.zoomToBounds(bounds, { inset: DESKTOP_INSET, targetZoom: DESKTOP_MAX_ZOOM })
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
