import { centerOf, containsPoint, readBoard } from './board-reading'
import { columnAt, houseAt, ringAt } from './slots'

const COLUMN_KINDS: readonly unknown[] = ['going-well', 'worry', 'next-step']

/**
 * What an item becomes where it now lies (issue 11): the props to change, or null when nothing
 * changes. A column card (going well, worry, next step) takes the kind of the column its centre is
 * in; a person the ring; a house card the house. Other items, and items outside any such area,
 * keep what they are: a central question or a need card dropped on a column is not a worry.
 * `records`: the board's plain tldraw records, with the item where it lies now.
 */
export function classifyByPosition(records: readonly unknown[], itemId: string): Record<string, unknown> | null {
  const board = readBoard(records)
  const item = board.items.find((i) => i.id === itemId)
  if (!item) return null
  const center = centerOf(item.box)
  // The smallest area under the centre: an area placed on top of a larger one is the one meant.
  const area = board.areas.filter((a) => containsPoint(a, center)).sort((a, b) => a.w * a.h - b.w * b.h)[0]
  if (!area) return null
  const local = { x: center.x - area.x, y: center.y - area.y }
  const change = (field: string, value: string | null) => (value !== null && item.props[field] !== value ? { [field]: value } : null)
  switch (item.type) {
    case 'kring-card':
      return COLUMN_KINDS.includes(item.props.kind) ? change('kind', columnAt(area.kind, area.w, area.h, local)) : null
    case 'kring-person':
      return area.kind === 'network-rings' ? change('ring', ringAt(area.kind, area.variant, area.w, area.h, local)) : null
    case 'kring-house-card':
      return change('house', houseAt(area.kind, area.w, area.h, local))
    default:
      return null
  }
}
