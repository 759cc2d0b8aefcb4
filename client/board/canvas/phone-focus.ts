import { useEffect, useRef } from 'react'
import { Box, useEditor } from 'tldraw'
import type { ConferencePhase } from '@/lib/conference/model'
import { phaseFocusArea } from '@/lib/board/placement'
import { useDevice } from '../session/useDevice'

/**
 * On a phone the whole board is too small to read: the board opens fitted to the area the
 * current phase works on (lib/board/placement phaseFocusArea). Once, when the board is first
 * shown (and as soon as that area has arrived); after that the camera is the person's own.
 * A desktop opens as before.
 */
export function usePhoneFocus(phase: ConferencePhase | null): void {
  const editor = useEditor()
  const phone = useDevice() === 'phone'
  const done = useRef(false)
  useEffect(() => {
    if (!phone || phase === null || done.current) return
    const focus = () => {
      if (done.current) return
      const area = phaseFocusArea(editor.store.allRecords(), phase)
      if (!area) return
      done.current = true
      const fit = () => {
        // Until the canvas has been measured there is nothing to fit into.
        if (editor.getViewportScreenBounds().w < 10) return void requestAnimationFrame(fit)
        editor.zoomToBounds(new Box(area.x, area.y, area.w, area.h), { inset: 8 })
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

/** Renders nothing: mounted inside the editor (see usePhoneFocus). */
export function PhoneFocus({ phase }: { phase: ConferencePhase | null }): null {
  usePhoneFocus(phase)
  return null
}
