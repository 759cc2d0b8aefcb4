import { useEffect } from 'react'
import type { Editor, TLShape } from 'tldraw'
import { refusedCreations } from './editor-guard'

/**
 * Bottom lines are the professionals' (lib/conference/policy.ts `bottomLine.write`): on this
 * device, a change, move, removal or copy of one by someone else is refused before it reaches
 * the board's document, so it never becomes a write the sync server has to turn down. Changes
 * from others (source 'remote') were decided on their device and by the server.
 *
 * One guard per editor, alive while any bottom line is shown (each registers through
 * `useBottomLineGuard`); it reads the access of the moment, so a change of phase or role applies
 * at once.
 */

interface GuardEntry {
  users: number
  canWrite: boolean
  dispose(): void
}

const guards = new WeakMap<Editor, GuardEntry>()

const isBottomLine = (shape: TLShape) => shape.type === 'kring-bottom-line'

/** Whether this device may write bottom lines now; true when no bottom line has told it yet (the server decides). */
export function mayWriteBottomLines(editor: Editor): boolean {
  return guards.get(editor)?.canWrite ?? true
}

function install(editor: Editor, entry: Pick<GuardEntry, 'canWrite'>): () => void {
  // Copies made here that may not exist; removed once the current operation is complete.
  const refused = refusedCreations(editor)
  const disposers = [
    editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) => {
      if (source !== 'user' || !(isBottomLine(prev) || isBottomLine(next))) return next
      return entry.canWrite ? next : prev
    }),
    editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) => {
      if (source !== 'user' || !isBottomLine(shape)) return
      if (refused.isOwnRemoval(shape.id)) return
      if (!entry.canWrite) return false
    }),
    editor.sideEffects.registerAfterCreateHandler('shape', (shape, source) => {
      if (source === 'user' && isBottomLine(shape) && !entry.canWrite) refused.refuse(shape.id)
    }),
    editor.sideEffects.registerOperationCompleteHandler(() => refused.removeRefused()),
  ]
  return () => disposers.forEach((dispose) => dispose())
}

/** Keep the bottom-line guard on `editor` while the calling component is mounted, with this access. */
export function useBottomLineGuard(editor: Editor, canWrite: boolean): void {
  useEffect(() => {
    let entry = guards.get(editor)
    if (!entry) {
      // Its access is set by the effect below, which runs right after this one.
      const created: GuardEntry = { users: 0, canWrite: true, dispose: () => {} }
      created.dispose = install(editor, created)
      guards.set(editor, created)
      entry = created
    }
    const used = entry
    used.users += 1
    return () => {
      used.users -= 1
      if (used.users > 0) return
      used.dispose()
      guards.delete(editor)
    }
  }, [editor])

  // Everyone on this device has the same access; the latest render says what it is now.
  useEffect(() => {
    const entry = guards.get(editor)
    if (entry) entry.canWrite = canWrite
  }, [editor, canWrite])
}
