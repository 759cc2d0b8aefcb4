/**
 * Where items go on a board (issue 11, "a board that stays in order"): a new item in its area
 * and the part of it its kind belongs to, without overlap, growing the area when full; what an
 * item becomes when moved into another part; tidying an area. Pure and browser-safe: it works on
 * plain tldraw records (as stored in the Yjs `records` map), without an editor or React, so the
 * palette, the canvas, the server and the exports share it.
 */
export { placeNewItem, type NewItem, type Placement, type PlacementHints } from './place-new-item'
export { classifyByPosition } from './classify'
export { tidyArea, type Tidying } from './tidy'
export { boardOverviewArea, phaseAreas, phaseFocusArea } from './phase-focus'
export { areaGrowth, areaShift, growthInOperation, growthWrites, isAreaGrowthOnly } from './growth'
export { makeRoom, type AreaShift } from './make-room'
export { AREA_GROWTH_LIMIT } from './layout'
export { slotOf, slotRegion, sectorOf, LAYOUT_GAP, type Slot, type SlotPart, type SlotRegion } from './slots'
export { readBoard, type AreaOnPage, type BoardLayout, type Box, type ItemOnPage } from './board-reading'
