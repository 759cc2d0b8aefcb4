'use client'

import { useBoardMay } from '../canvas/board-policy'
import { useDevice } from '../session/useDevice'
import { AddPalette } from './AddPalette'
import { AreaPicker } from './AreaPicker'
import { HistoryPanel } from './HistoryPanel'
import { ItemEditor } from './editor/ItemEditor'
import { usePanels } from './panels-context'
import { useWhoQuestionDrop, WhoQuestionDeck } from './WhoQuestionDeck'

/** The open side panel (add, who-questions, areas) and the editor of the selected item. Inside <Tldraw>. */
export function BoardPanels() {
  const { open, close } = usePanels()
  // The who-question deck and template areas put structure on the board: for whoever leads the
  // conference and may write on the board now.
  const may = useBoardMay()
  const leads = may('facilitation.lead') && may('board.write')
  // On a phone both would be sheets from the bottom: the open panel goes first.
  const phone = useDevice() === 'phone'
  useWhoQuestionDrop()
  return (
    <>
      {open === 'add' ? <AddPalette onClose={close} /> : null}
      {open === 'deck' && leads ? <WhoQuestionDeck onClose={close} /> : null}
      {open === 'area' && leads ? <AreaPicker onClose={close} /> : null}
      {open === 'history' && may('board.restore') ? <HistoryPanel onClose={close} /> : null}
      {phone && open ? null : <ItemEditor />}
    </>
  )
}
