import { useEffect, useRef } from 'react'
import { useEditor, useToasts, type Editor, type TLShapeId } from 'tldraw'
import { useT } from '@/client/i18n/I18nProvider'
import { CREATED_BY_META, mayAddShape, mayChangeShape, mayRemoveShape, type BoardActor } from '@/lib/board/board-structure'
import { growthInOperation } from '@/lib/board/placement/growth'
import { useBoardMe } from './board-context'
import { useBoardMay } from './board-policy'

/**
 * The delete rules of the sync server (server/sync/delete-rules.ts), on this device: what the
 * server would refuse is not done here, so a select-all-delete on a phone removes only what the
 * person added themselves and leaves the rest of the board alone.
 *
 * - Every shape made here notes who made it (`meta.kringCreatedBy`, lib/board/board-structure.ts).
 *   A hint for this screen only: the server keeps its own list and never reads it.
 * - Removing a shape someone else made (or the template, or an area) is refused unless the policy
 *   allows `board.arrange` (the facilitator).
 * - Areas are locked for everyone else: a change is undone before it reaches the document, and an
 *   area pasted or duplicated here is taken away again once the operation is complete. Growing a
 *   full area, and moving its neighbours aside for it in the same operation, is anyone's
 *   (lib/board/placement/growth.ts, as the server decides it).
 *
 * Changes from others (source 'remote') were decided on their device and by the server. The actor
 * is read at the moment of each change, so a change of phase or role applies at once.
 *
 * A removal it refuses is reported once per operation (`onKept` with how many stayed), so a
 * person who pressed Delete learns why the items are still there instead of seeing nothing happen.
 */
export function installRemovalGuard(editor: Editor, actor: { current: BoardActor }, onKept: (count: number) => void = () => {}): () => void {
  // Areas added here that may not exist; removed once the current operation is complete.
  const refused = new Set<TLShapeId>()
  const allowRemoval = new Set<TLShapeId>()
  // Shapes the person tried to remove in this operation and may not.
  const kept = new Set<TLShapeId>()
  // Areas grown in this change: their neighbours may move aside for them. The palette makes the
  // growth and the moves in one synchronous run, each its own store operation (editor.run batches
  // the history, not the store), so the allowance lasts until the task is over, not one operation.
  const growth = growthInOperation()
  let resetQueued = false
  const allowedByGrowth = (prev: unknown, next: unknown) => {
    if (!growth.allows(prev, next)) return false
    if (!resetQueued) {
      resetQueued = true
      queueMicrotask(() => {
        resetQueued = false
        growth.reset()
      })
    }
    return true
  }
  const disposers = [
    editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
      if (source !== 'user' || actor.current.participantId === '') return shape
      return { ...shape, meta: { ...shape.meta, [CREATED_BY_META]: actor.current.participantId } }
    }),
    editor.sideEffects.registerAfterCreateHandler('shape', (shape, source) => {
      if (source === 'user' && !mayAddShape(shape, actor.current)) refused.add(shape.id)
    }),
    editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) => {
      if (source !== 'user') return next
      return allowedByGrowth(prev, next) || mayChangeShape(prev, next, actor.current) ? next : prev
    }),
    editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) => {
      if (source !== 'user') return
      if (allowRemoval.delete(shape.id)) return
      if (!mayRemoveShape(shape, actor.current)) {
        kept.add(shape.id)
        return false
      }
    }),
    editor.sideEffects.registerOperationCompleteHandler(() => {
      if (kept.size > 0) {
        const count = kept.size
        kept.clear()
        onKept(count)
      }
      if (refused.size === 0) return
      const ids = [...refused].filter((id) => editor.getShape(id))
      refused.clear()
      for (const id of ids) allowRemoval.add(id)
      editor.deleteShapes(ids)
      allowRemoval.clear()
    }),
  ]
  return () => disposers.forEach((dispose) => dispose())
}

/** Keep the removal guard on the board's editor, with who is on this device and what the policy allows them now. */
export function useRemovalGuard(): void {
  const editor = useEditor()
  const me = useBoardMe()
  const may = useBoardMay()
  const participantId = me?.participantId ?? ''
  const arranges = may('board.arrange')
  const { addToast } = useToasts()
  const t = useT()
  // The toast reads the latest translator without reinstalling the guard on a language change.
  const report = useRef<(count: number) => void>(() => {})
  report.current = (count) =>
    addToast({
      id: 'kring-removal-kept',
      severity: 'warning',
      title: t('board.notice.keptTitle'),
      description: count === 1 ? t('board.notice.keptOne') : t('board.notice.keptMany', { count }),
    })

  useEffect(() => {
    const actor = { current: { participantId, arranges } }
    const dispose = installRemovalGuard(editor, actor, (count) => report.current(count))
    return dispose
  }, [editor, participantId, arranges])
}

/** Renders nothing: mounted inside the editor, it keeps the guard installed (see useRemovalGuard). */
export function RemovalGuard(): null {
  useRemovalGuard()
  return null
}
