import type { AreaKind } from '../items'

/**
 * The size of each area on a new board (board units; a person card is 200 × 96). Big enough to
 * hold the items people put on it at normal zoom, small enough that a template fits on a
 * laptop screen zoomed out.
 */
export const areaSizes: Record<AreaKind, { w: number; h: number }> = {
  'central-question': { w: 1600, h: 320 },
  // Beside the central question: room for four bottom lines in a row.
  'bottom-lines': { w: 1400, h: 320 },
  'network-rings': { w: 1400, h: 1400 },
  'three-columns': { w: 1600, h: 1000 },
  agreements: { w: 1600, h: 800 },
  'safety-map': { w: 1600, h: 1440 },
  'safety-plan': { w: 1600, h: 800 },
  'finding-circle': { w: 900, h: 900 },
  'oil-stain': { w: 1400, h: 1000 },
  'three-houses': { w: 1600, h: 700 },
  // Grown to fit when it is filled with a reviewed conference's agreements (see evaluation.ts).
  evaluation: { w: 1600, h: 800 },
}

/** Room at the top of every area for the title its shape util draws. */
export const AREA_TITLE_HEIGHT = 100
/** Space between an area's edge and the items inside it. */
export const AREA_PADDING = 40
/** Space between items that a template places side by side. */
export const ITEM_GAP = 24
/** Where a template puts the first row of items inside an area: just below its title. */
export const ITEMS_TOP = AREA_TITLE_HEIGHT + ITEM_GAP

/**
 * The safety map (Signs of Safety) is three columns on top and, below them, the danger
 * statement with its safety goal and the 0–10 scale. The columns take this much of its height;
 * the area's shape util draws its column lines down to here.
 */
export const SAFETY_MAP_COLUMNS_HEIGHT = 1040
