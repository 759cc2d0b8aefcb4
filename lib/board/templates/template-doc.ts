import { DocumentRecordType, PageRecordType, TLDOCUMENT_ID, type TLPageId, type TLRecord, type TLShape } from '@tldraw/tlschema'
import * as Y from 'yjs'
import type { ConferenceKind } from '../../conference/model'
import { type Locale } from '../../i18n'
import { createTranslator } from '../../i18n/catalogs'
import type { Plan } from '../../plan/schema'
import { metaMapOf, recordsMapOf, SCHEMA_KEY } from '../../sync/document-format'
import { createKringTLSchema } from '../tldraw-schema'
import { areaRecords } from './area-records'
import { evaluationRecords } from './evaluation-records'
import { indexKeyAt } from './index-keys'
import { AREA_GAP, templateLayouts, type AreaSlot } from './layouts'
import type { PlacementOptions } from './shape-records'

export interface TemplateOptions {
  /** The language the page is named in. */
  locale: Locale
  /** For an evaluatie: the plan of the reviewed conference's latest frozen version. */
  reviewed?: Plan
  /**
   * For an evaluatie: per reviewed agreement id, what happened since (a line from its check-ins,
   * lib/server/follow-up/review-start.ts), shown beside the agreement on the new board.
   */
  reviewedHistory?: Readonly<Record<string, string>>
  /** See PlacementOptions.createId. */
  createId?: () => string
}

/**
 * The board's one page. The same id as the page tldraw makes for an empty store, so a device that
 * opened the board before the server's copy arrived ends up on the same page, not on a second one.
 */
export const TEMPLATE_PAGE_ID: TLPageId = PageRecordType.createId('page')

/**
 * Where the first area starts. A device opening the board looks at (0, 0) until it has a camera
 * of its own; this margin keeps the first area's title clear of tldraw's menu in the top-left.
 */
export const TEMPLATE_ORIGIN = { x: 40, y: 80 }

function slotRecords(slot: AreaSlot, at: { x: number; y: number }, kind: ConferenceKind, options: TemplateOptions & PlacementOptions): TLShape[] {
  if (slot.area === 'evaluation' && kind === 'evaluatie' && options.reviewed) return evaluationRecords(options.reviewed, at, options, options.reviewedHistory)
  return areaRecords(slot.area, at, { ...options, variant: slot.variant })
}

function isArea(shape: TLShape): shape is TLShape<'kring-area'> {
  return shape.type === 'kring-area'
}

/** The shapes of a new board of this kind, laid out row by row without overlap. */
export function templateShapes(kind: ConferenceKind, options: TemplateOptions): TLShape[] {
  const placement = { ...options, pageId: TEMPLATE_PAGE_ID }
  const shapes: TLShape[] = []
  let y = TEMPLATE_ORIGIN.y
  for (const row of templateLayouts[kind]) {
    let x = TEMPLATE_ORIGIN.x
    let rowHeight = 0
    for (const slot of row) {
      const records = slotRecords(slot, { x, y }, kind, placement)
      const { w, h } = records.find(isArea)?.props ?? { w: 0, h: 0 }
      shapes.push(...records)
      x += w + AREA_GAP
      rowHeight = Math.max(rowHeight, h)
    }
    y += rowHeight + AREA_GAP
  }
  // Every area under every item: areas first, then the items, each group in reading order.
  return [...shapes.filter(isArea), ...shapes.filter((s) => !isArea(s))].map((shape, i) => ({ ...shape, index: indexKeyAt(i) }))
}

/** Every record of a new board of this kind: the document, its page (named "Bord") and the shapes. */
export function templateRecords(kind: ConferenceKind, options: TemplateOptions): TLRecord[] {
  const t = createTranslator(options.locale)
  const document = DocumentRecordType.create({ id: TLDOCUMENT_ID })
  const page = PageRecordType.create({ id: TEMPLATE_PAGE_ID, name: t('items.page.name'), index: indexKeyAt(0) })
  return [document, page, ...templateShapes(kind, options)]
}

/**
 * A new board of this kind as a Yjs update in Kring's document format (lib/sync/document-format):
 * every record under `records`, and the schema they are written in under `meta.schema`. Stored as
 * the board's first snapshot when the conference is created, so whoever opens it first sees the
 * layout.
 */
export function templateDocUpdate(kind: ConferenceKind, options: TemplateOptions): Uint8Array {
  const doc = new Y.Doc()
  try {
    doc.transact(() => {
      metaMapOf(doc).set(SCHEMA_KEY, createKringTLSchema().serialize())
      const records = recordsMapOf(doc)
      for (const record of templateRecords(kind, options)) records.set(record.id, record)
    })
    return Y.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
}
