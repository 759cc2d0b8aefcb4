import { placeQuickItem, type Placement, type PlacementRequest } from '@/lib/board/quick-placement'

/**
 * Where a new item from the phone goes: the one place the phone asks. The board's general
 * placement (`placeNewItem` in lib/board/placement) takes over here once it is in; until then
 * lib/board/quick-placement.ts, which keeps the same contract.
 */
export function placeOnBoard(records: Record<string, unknown>, request: PlacementRequest): Placement {
  return placeQuickItem(records, request)
}
