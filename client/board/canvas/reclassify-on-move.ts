import { useEffect } from 'react'
import { useEditor, type Editor, type TLShapeId, type TLShapePartial } from 'tldraw'
import { isItemType } from '@/lib/board/items'
import { classifyByPosition } from '@/lib/board/placement'

/**
 * What an item is follows where it is put (issue 11): a card dragged from "gaat goed" to
 * "zorgen" becomes a worry, a person dragged into another ring is in that ring, a house card in
 * another house belongs to it (lib/board/placement classifyByPosition). Decided once the drag
 * ends, not on every step of it, for the items this person moved; the plan derives from the
 * props, so it follows. Part of the same undo step as the move.
 */
export function installReclassifyOnMove(editor: Editor): () => void {
  const moved = new Set<TLShapeId>()
  let scheduled = false

  const settle = () => {
    scheduled = false
    // Still dragging (a key during a drag): wait for the drop.
    if (moved.size === 0 || editor.isIn('select.translating')) return
    const ids = [...moved]
    moved.clear()
    const records = editor.store.allRecords()
    const changes: TLShapePartial[] = []
    for (const id of ids) {
      const shape = editor.getShape(id)
      if (!shape) continue
      const patch = classifyByPosition(records, id)
      if (patch) changes.push({ id, type: shape.type, props: patch })
    }
    if (changes.length > 0) editor.updateShapes(changes)
  }

  const disposeChange = editor.sideEffects.registerAfterChangeHandler('shape', (prev, next, source) => {
    if (source !== 'user' || !isItemType(next.type) || next.type === 'kring-area') return
    if (prev.x !== next.x || prev.y !== next.y || prev.parentId !== next.parentId) moved.add(next.id)
  })
  const onEvent = (info: { type: string; name: string }) => {
    // The drop (pointer up) or the end of a nudge with the arrow keys; after tldraw has handled it.
    if ((info.name === 'pointer_up' || info.name === 'key_up') && !scheduled) {
      scheduled = true
      queueMicrotask(settle)
    }
  }
  editor.on('event', onEvent)
  return () => {
    disposeChange()
    editor.off('event', onEvent)
  }
}

/** Renders nothing: mounted inside the editor, it keeps the reclassification installed. */
export function ReclassifyOnMove(): null {
  const editor = useEditor()
  useEffect(() => installReclassifyOnMove(editor), [editor])
  return null
}
