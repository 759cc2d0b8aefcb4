/**
 * Board templates: the layout each kind of conference starts with (issue 3, section 2), and the
 * areas a facilitator can add later. Framework-free: the server writes a new board with these.
 */
export { areaRecords, type AreaOptions } from './area-records'
export { AREA_PADDING, AREA_TITLE_HEIGHT, areaSizes, ITEM_GAP, ITEMS_TOP, SAFETY_MAP_COLUMNS_HEIGHT } from './area-sizes'
export { evaluationRecords } from './evaluation-records'
export { AREA_GAP, templateLayouts, type AreaSlot } from './layouts'
export type { PlacementOptions } from './shape-records'
export { TEMPLATE_ORIGIN, TEMPLATE_PAGE_ID, templateDocUpdate, templateRecords, templateShapes, type TemplateOptions } from './template-doc'
