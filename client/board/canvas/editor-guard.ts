import type { TLShapeId } from 'tldraw'

/**
 * The part of a client guard that undoes creations (the bottom-line and scale-mark guards): a
 * before-create handler cannot refuse a shape, so a shape made here that may not exist is noted
 * and removed once the operation that made it is complete. That removal is the guard's own and
 * must pass its own before-delete check, which would otherwise refuse it too.
 */
export interface RefusedCreations {
  /** Note a shape made in the current operation that may not exist. */
  refuse(id: TLShapeId): void
  /** True for the guard's own removal of a refused shape: the before-delete handler lets it through. */
  isOwnRemoval(id: TLShapeId): boolean
  /** At the end of an operation: remove the refused shapes that still exist. */
  removeRefused(): void
}

/** The two editor calls this needs (tldraw's Editor has them; a test can stand in). */
interface ShapeRemover {
  getShape(id: TLShapeId): unknown
  deleteShapes(ids: TLShapeId[]): unknown
}

export function refusedCreations(editor: ShapeRemover): RefusedCreations {
  const refused = new Set<TLShapeId>()
  const allowRemoval = new Set<TLShapeId>()
  return {
    refuse: (id) => void refused.add(id),
    isOwnRemoval: (id) => allowRemoval.delete(id),
    removeRefused() {
      if (refused.size === 0) return
      const ids = [...refused].filter((id) => editor.getShape(id))
      refused.clear()
      for (const id of ids) allowRemoval.add(id)
      editor.deleteShapes(ids)
      // Only this removal passes: a later removal of the same id is checked as usual.
      allowRemoval.clear()
    },
  }
}
