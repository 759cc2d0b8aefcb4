import { describe, expect, it } from 'vitest'
import { createBoardStore } from '../../client/board/session/board-store'
import { itemTypes } from '../../lib/board/items'
import { createKringTLSchema } from '../../lib/board/tldraw-schema'

/**
 * The server writes a new board's template with createKringTLSchema() (no browser, no shape
 * utils); the board in the browser reads it with a store built from the shape utils. When the two
 * serialize differently, the browser takes the template for a document of another version.
 */
describe('board schema', () => {
  const store = createBoardStore({ participantId: 'p1', displayName: 'Fenna', color: '#1f6b63' })

  it('is the same in the browser as on the server', () => {
    expect(store.schema.serialize()).toEqual(createKringTLSchema().serialize())
  })

  it('knows every Kring item type', () => {
    const shapeTypes = Object.keys(store.schema.serialize().sequences).filter((key) => key.startsWith('com.tldraw.shape.'))
    for (const type of itemTypes) expect(shapeTypes).toContain(`com.tldraw.shape.${type}`)
  })
})
