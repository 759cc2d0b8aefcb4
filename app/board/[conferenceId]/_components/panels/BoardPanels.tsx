'use client'

import { useBoardMe } from '../items/board-context'
import { useDevice } from '../useDevice'
import { AddPalette } from './AddPalette'
import { AreaPicker } from './AreaPicker'
import { ItemEditor } from './editor/ItemEditor'
import { usePanels } from './panels-context'
import { useWhoQuestionDrop, WhoQuestionDeck } from './WhoQuestionDeck'

/** The open side panel (add, who-questions, areas) and the editor of the selected item. Inside <Tldraw>. */
export function BoardPanels() {
  const { open, close } = usePanels()
  const me = useBoardMe()
  const facilitator = me?.role === 'facilitator'
  // On a phone both would be sheets from the bottom: the open panel goes first.
  const phone = useDevice() === 'phone'
  useWhoQuestionDrop()
  return (
    <>
      {open === 'add' ? <AddPalette onClose={close} /> : null}
      {open === 'deck' && facilitator ? <WhoQuestionDeck onClose={close} /> : null}
      {open === 'area' && facilitator ? <AreaPicker onClose={close} /> : null}
      {phone && open ? null : <ItemEditor />}
    </>
  )
}
