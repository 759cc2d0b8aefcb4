import { createShapeId, type TLPageId, type TLShape, type TLShapeId } from '@tldraw/tlschema'
import { itemDefaults, type ItemProps, type ItemType } from '../items'
import type { IndexKey } from './index-keys'

/** Where a template puts things, and how it names them. */
export interface PlacementOptions {
  pageId: TLPageId
  /**
   * A fresh id for each shape, with or without the `shape:` prefix (default: tldraw's random
   * ids). Tests pass a counter so the records are predictable.
   */
  createId?: () => string
}

export function newShapeId(options: PlacementOptions): TLShapeId {
  if (!options.createId) return createShapeId()
  const id = options.createId()
  return (id.startsWith('shape:') ? id : createShapeId(id)) as TLShapeId
}

/**
 * A complete record of a Kring item on the page, as tldraw stores it: the type's defaults
 * (lib/board/items.ts) with `props` laid over them. Its index is filled in by whoever orders the
 * shapes (see ordered()).
 */
export function kringShape<K extends ItemType>(
  type: K,
  at: { x: number; y: number },
  props: Partial<ItemProps<K>>,
  options: PlacementOptions,
): TLShape<K> {
  const record = {
    id: newShapeId(options),
    typeName: 'shape',
    type,
    x: Math.round(at.x),
    y: Math.round(at.y),
    rotation: 0,
    index: 'a1' as IndexKey,
    parentId: options.pageId,
    isLocked: false,
    opacity: 1,
    props: { ...itemDefaults[type], ...props },
    meta: {},
  }
  return record as unknown as TLShape<K>
}
