import type { TLShapeId } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { refusedCreations, type RefusedCreations } from '../../client/board/canvas/editor-guard'

/**
 * The bottom-line and scale-mark guards undo a creation they refuse once the operation is
 * complete. Here the editor is a stand-in with the guard's before-delete check, which refuses
 * every removal but the guard's own (as both guards do for someone without the right to write).
 */

const id = (name: string) => `shape:${name}` as TLShapeId

function board(...names: string[]) {
  const shapes = new Set(names.map(id))
  let guard: RefusedCreations | null = null
  const editor = {
    getShape: (shapeId: TLShapeId) => (shapes.has(shapeId) ? { id: shapeId } : undefined),
    deleteShapes(ids: TLShapeId[]) {
      for (const shapeId of ids) if (guard!.isOwnRemoval(shapeId)) shapes.delete(shapeId)
    },
  }
  guard = refusedCreations(editor)
  // A person's own delete, through the same before-delete check.
  const userDeletes = (name: string) => editor.deleteShapes([id(name)])
  return { guard, shapes, userDeletes }
}

describe('refused creations', () => {
  it('removes a refused copy when the operation completes, and nothing else', () => {
    const { guard, shapes } = board('line', 'copy')
    guard.refuse(id('copy'))
    expect(shapes.has(id('copy'))).toBe(true)
    guard.removeRefused()
    expect([...shapes]).toEqual([id('line')])
  })

  it('lets only its own removal through: a later delete by the person is still refused', () => {
    const { guard, shapes, userDeletes } = board('line')
    userDeletes('line')
    expect(shapes.has(id('line'))).toBe(true)
    guard.removeRefused()
    userDeletes('line')
    expect(shapes.has(id('line'))).toBe(true)
  })

  it('skips refused shapes already gone and forgets them after one operation', () => {
    const { guard, shapes } = board('copy')
    guard.refuse(id('gone'))
    guard.refuse(id('copy'))
    guard.removeRefused()
    expect(shapes.size).toBe(0)
    // Recreated in a later operation that is allowed: not removed again.
    shapes.add(id('copy'))
    guard.removeRefused()
    expect(shapes.has(id('copy'))).toBe(true)
  })
})
