import { z } from 'zod'
import { isItemType, itemSchemas, type ItemProps, type ItemType } from '../board/items'

/**
 * Reading a board's records (the `records` map of the Yjs document, see README "Board document
 * format") for the plan: which shapes there are, where they are on the page and in which order a
 * person reads them. Anything that does not look like a tldraw record is left out, never thrown on:
 * the document is written by many clients and may hold records from an older or a broken one.
 */

const RecordId = z.string().min(1).max(80)
const Coordinate = z.number().finite()

const ShapeBase = z.object({
  id: RecordId.startsWith('shape:'),
  typeName: z.literal('shape'),
  type: z.string().max(80),
  parentId: z.string().max(80),
  x: Coordinate,
  y: Coordinate,
  props: z.unknown(),
  meta: z.record(z.string(), z.unknown()).optional(),
})

const BindingBase = z.object({
  id: RecordId.startsWith('binding:'),
  typeName: z.literal('binding'),
  type: z.string().max(80),
  fromId: RecordId,
  toId: RecordId,
  props: z.object({ terminal: z.enum(['start', 'end']) }),
})

/** A shape as the plan needs it: its type, its parent, its own offset and its unparsed props. */
export type BoardShape = z.infer<typeof ShapeBase>
export type ArrowBinding = z.infer<typeof BindingBase>

/** A Kring item whose props passed the schema of its type in lib/board/items.ts. */
export interface BoardItem<K extends ItemType = ItemType> {
  id: string
  type: K
  parentId: string
  props: ItemProps<K>
}

export interface Point {
  x: number
  y: number
}

export interface BoardIndex {
  /** Every well-formed shape record by id (Kring items with invalid props included). */
  shapes: Map<string, BoardShape>
  /** Kring items with valid props, by id. */
  items: Map<string, BoardItem>
  /** Arrow bindings (tldraw `arrow` bindings), by the arrow they start from. */
  arrowBindings: Map<string, ArrowBinding[]>
  /** Where a shape's origin is on the page (parents' offsets added; rotation ignored). */
  pagePoint(id: string): Point
}

/** Build the index once per derivation. */
export function indexBoard(records: Record<string, unknown>): BoardIndex {
  const shapes = new Map<string, BoardShape>()
  const items = new Map<string, BoardItem>()
  const arrowBindings = new Map<string, ArrowBinding[]>()

  for (const value of Object.values(records ?? {})) {
    const shape = ShapeBase.safeParse(value)
    if (shape.success) {
      shapes.set(shape.data.id, shape.data)
      const item = parseItem(shape.data)
      if (item) items.set(item.id, item)
      continue
    }
    const binding = BindingBase.safeParse(value)
    if (binding.success && binding.data.type === 'arrow') {
      const list = arrowBindings.get(binding.data.fromId) ?? []
      list.push(binding.data)
      arrowBindings.set(binding.data.fromId, list)
    }
  }

  const points = new Map<string, Point>()
  const pagePoint = (id: string): Point => {
    const known = points.get(id)
    if (known) return known
    // Walk up to the page. A parent that is gone (or a cycle, which a broken client could write)
    // ends the walk: the shape is then placed by its own offset.
    let x = 0
    let y = 0
    const seen = new Set<string>()
    let current = shapes.get(id)
    while (current && !seen.has(current.id)) {
      seen.add(current.id)
      x += current.x
      y += current.y
      current = shapes.get(current.parentId)
    }
    const point = { x, y }
    points.set(id, point)
    return point
  }

  return { shapes, items, arrowBindings, pagePoint }
}

function parseItem(shape: BoardShape): BoardItem | null {
  if (!isItemType(shape.type)) return null
  const props = itemSchemas[shape.type].safeParse(shape.props)
  if (!props.success) return null
  return { id: shape.id, type: shape.type, parentId: shape.parentId, props: props.data } as BoardItem
}

/** The valid items of one type, in reading order. */
export function itemsOfType<K extends ItemType>(index: BoardIndex, type: K): BoardItem<K>[] {
  const found = [...index.items.values()].filter((item): item is BoardItem<K> => item.type === type)
  return inReadingOrder(index, found)
}

/** Top to bottom, then left to right, on the page; the id settles exact ties so the order is stable. */
export function inReadingOrder<T extends { id: string }>(index: BoardIndex, list: T[]): T[] {
  return [...list].sort((a, b) => {
    const pa = index.pagePoint(a.id)
    const pb = index.pagePoint(b.id)
    return pa.y - pb.y || pa.x - pb.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  })
}

/** The shape ids from `id` up to the page (its own id excluded). */
export function ancestorsOf(index: BoardIndex, id: string): string[] {
  const ancestors: string[] = []
  const seen = new Set<string>([id])
  let parent = index.shapes.get(index.shapes.get(id)?.parentId ?? '')
  while (parent && !seen.has(parent.id)) {
    seen.add(parent.id)
    ancestors.push(parent.id)
    parent = index.shapes.get(parent.parentId)
  }
  return ancestors
}
