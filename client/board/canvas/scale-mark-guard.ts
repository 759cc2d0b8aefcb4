import type { Editor, TLShape, TLShapeId } from 'tldraw'
import { mayChangeMark, mayCreateMark, mayDeleteMark, type MarkActor } from '@/lib/board/ownership'
import { refusedCreations } from './editor-guard'
import { placeMark, type MarkBox } from './scale-layout'

type MarkShape = TLShape<'kring-scale-mark'>

const isMark = (shape: TLShape): shape is MarkShape => shape.type === 'kring-scale-mark'

/** The other marks on the same scale, as boxes. */
function otherMarks(editor: Editor, mark: MarkShape): MarkBox[] {
  return editor
    .getSortedChildIdsForParent(mark.parentId)
    .map((id) => editor.getShape(id))
    .filter((shape): shape is MarkShape => !!shape && isMark(shape) && shape.id !== mark.id)
    .map((shape) => ({ x: shape.x, y: shape.y, w: shape.props.w }))
}

/**
 * Enforce lib/board/ownership.ts on this device: a mark made or changed here that is not one's
 * own is refused (a drag of someone else's mark simply does not move it), and one's own mark is
 * snapped to a whole value 0–10 wherever it is dropped. Changes from others (source 'remote')
 * were decided on their device. Returns the function that removes the guard.
 */
export function guardScaleMarks(editor: Editor, actor: MarkActor): () => void {
  // Marks whose scale is being deleted in the same step: they go with it.
  let removing = new Set<string>()
  // Marks made here that may not exist; removed once the current operation is complete.
  const refused = refusedCreations(editor)

  const scaleOf = (mark: MarkShape) => {
    const parent = editor.getShape(mark.parentId as TLShapeId)
    return parent && parent.type === 'kring-scale' ? parent : undefined
  }

  const onDeleted = (ids: TLShapeId[]) => {
    removing = new Set(ids)
  }
  editor.on('deleted-shapes', onDeleted)

  const disposers = [
    () => editor.off('deleted-shapes', onDeleted),

    editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) => {
      if (source !== 'user' || !isMark(prev) || !isMark(next)) return next
      if (!mayChangeMark(prev, next, actor)) return prev
      const scale = scaleOf(next)
      if (!scale || next.parentId !== prev.parentId) return prev
      const moved = next.props.value !== prev.props.value ? 'valued' : 'dragged'
      const placed = placeMark(scale.props.w, { x: next.x, w: next.props.w, value: next.props.value }, otherMarks(editor, next), moved)
      return { ...next, x: placed.x, y: placed.y, rotation: 0, props: { ...next.props, value: placed.value } }
    }),

    editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) => {
      if (source !== 'user' || !isMark(shape)) return
      if (refused.isOwnRemoval(shape.id)) return
      const scaleRemovedToo = removing.has(shape.parentId) || !scaleOf(shape)
      if (!mayDeleteMark(shape, actor, { scaleRemovedToo })) return false
    }),

    editor.sideEffects.registerAfterCreateHandler('shape', (shape, source) => {
      if (source !== 'user' || !isMark(shape)) return
      const scale = scaleOf(shape)
      const marksOnScale = scale ? editor.getSortedChildIdsForParent(scale.id).map((id) => editor.getShape(id)).filter((s): s is MarkShape => !!s && isMark(s)) : []
      if (!mayCreateMark(shape, actor, { parentIsScale: !!scale, marksOnScale })) refused.refuse(shape.id)
    }),

    editor.sideEffects.registerOperationCompleteHandler(() => {
      removing = new Set()
      refused.removeRefused()
    }),
  ]
  return () => disposers.forEach((dispose) => dispose())
}
