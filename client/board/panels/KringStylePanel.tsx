'use client'

import { DefaultStylePanel, useEditor, useValue, type TLUiStylePanelProps } from 'tldraw'
import { useEditable } from './editor/ItemEditor'

// Tools that only look at or move the board: with these and nothing selected, there is nothing to style.
const NON_DRAWING_TOOLS = new Set(['select', 'hand', 'zoom', 'laser'])

/**
 * tldraw's style panel, only when there is something to style: a selection, or a drawing tool
 * in hand (its colour and size for the next stroke). Otherwise it would cover the right edge of
 * the board for nothing. Not while the item editor has the same place (a Kring item or a tie).
 */
export function KringStylePanel(props: TLUiStylePanelProps) {
  const editor = useEditor()
  const editable = useEditable()
  const wanted = useValue(
    'style panel wanted',
    () => editor.getSelectedShapeIds().length > 0 || !NON_DRAWING_TOOLS.has(editor.getCurrentToolId()),
    [editor],
  )
  if (editable || !wanted) return null
  return <DefaultStylePanel {...props} />
}
