'use client'

import { DefaultStylePanel, type TLUiStylePanelProps } from 'tldraw'
import { useEditable } from './editor/ItemEditor'

/** tldraw's style panel, except while the item editor has the same place (a Kring item or a tie). */
export function KringStylePanel(props: TLUiStylePanelProps) {
  const editable = useEditable()
  if (editable) return null
  return <DefaultStylePanel {...props} />
}
