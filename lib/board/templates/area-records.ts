import type { TLShape } from '@tldraw/tlschema'
import type { AreaKind } from '../items'
import { AREA_PADDING, areaSizes, ITEMS_TOP, SAFETY_MAP_COLUMNS_HEIGHT } from './area-sizes'
import { indexKeyAt } from './index-keys'
import { kringShape, type PlacementOptions } from './shape-records'

export interface AreaOptions extends PlacementOptions {
  /** Which of the five Family Finding circles (0–4); ignored by every other area. */
  variant?: number
}

type Point = { x: number; y: number }

/** The items an area starts with, placed inside it (relative to its top-left corner). */
function startingItems(area: AreaKind, origin: Point, options: PlacementOptions): TLShape[] {
  const { w } = areaSizes[area]
  switch (area) {
    case 'central-question': {
      // One empty card in the middle: the question the plan must answer (de vraag).
      const card = { w: w - 2 * 200, h: 160 }
      return [kringShape('kring-card', { x: origin.x + (w - card.w) / 2, y: origin.y + ITEMS_TOP }, { ...card, kind: 'central-question' }, options)]
    }
    case 'safety-map': {
      // Below the three columns: the danger statement with its safety goal, and the 0–10 scale
      // (its question is left empty: the shape shows the standard question in each viewer's language).
      const top = origin.y + SAFETY_MAP_COLUMNS_HEIGHT + AREA_PADDING
      const danger = { w: 600, h: 300 }
      const scale = { w: w - 3 * AREA_PADDING - danger.w, h: 160 }
      return [
        kringShape('kring-danger', { x: origin.x + AREA_PADDING, y: top }, danger, options),
        kringShape('kring-scale', { x: origin.x + 2 * AREA_PADDING + danger.w, y: top + (danger.h - scale.h) / 2 }, scale, options),
      ]
    }
    default:
      // Rings, columns, circles, houses and the lists start empty: people fill them.
      return []
  }
}

/**
 * A new area at `at` (its top-left corner): the `kring-area` shape and the items it starts with,
 * as complete tldraw records on `pageId`. The area comes first with the lowest index, so it lies
 * under its items. Used by the templates and by the facilitator's "add area" (which may give the
 * records indices of its own to place them above what is already on the page).
 */
export function areaRecords(area: AreaKind, at: Point, options: AreaOptions): TLShape[] {
  const variant = area === 'finding-circle' ? Math.min(4, Math.max(0, Math.trunc(options.variant ?? 0))) : 0
  const shapes: TLShape[] = [kringShape('kring-area', at, { ...areaSizes[area], area, variant }, options), ...startingItems(area, at, options)]
  return shapes.map((shape, i) => ({ ...shape, index: indexKeyAt(i) }))
}
