'use client'

import { useEffect } from 'react'
import { useEditor } from 'tldraw'

/**
 * A child of <Tldraw>: the canvas is read-only while the policy gives this person no `board.write`
 * (observers; everyone once the meeting is closed). It only shapes the screen: the sync server
 * refuses their changes anyway. Toggles live, without remounting the canvas, when a role or phase
 * changes.
 */
export function ReadOnlyMode({ readOnly }: { readOnly: boolean }) {
  const editor = useEditor()
  useEffect(() => {
    if (editor.getIsReadonly() !== readOnly) editor.updateInstanceState({ isReadonly: readOnly })
  }, [editor, readOnly])
  return null
}
