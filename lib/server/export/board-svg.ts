import { areaTexts } from '../../board/area-geometry'
import { areaKinds, isItemType, tieKinds, type AreaKind, type TieKind } from '../../board/items'
import { type Locale, type Translate } from '../../i18n'
import { createTranslator } from '../../i18n/catalogs'
import type { DrawContext } from './board/context'
import { drawArrow } from './board/draw-arrows'
import { drawKringItem } from './board/draw-kring'
import { drawTldrawShape } from './board/draw-tldraw'
import { matrixAttr, round, transformBox, unionBoxes, type Box } from './board/geometry'
import { BACKGROUND, INK, MUTED, TIE_STYLES } from './board/palette'
import { areaMembers } from './board/area-members'
import { boardRegions, regionMarkers, regionPart, type AreaShape, type DrawnShape } from './board/regions'
import { buildScene, num, str, type SceneShape } from './board/scene'
import { group, rect } from './board/svg'
import { label, LINE_HEIGHT } from './board/text'
import { SVG_FONT_FAMILY } from './fonts'
import { redactRecords, type RecordRedaction } from './redact'

/**
 * The board as an SVG image, drawn by us from its tldraw records (no browser, no tldraw UI): Kring
 * items and template areas, tldraw's geo, text, note, draw, line and frame shapes, and arrows
 * between bound shapes. Readable rather than pixel-identical to the canvas; the view fits the
 * content. Text is escaped; fonts are named so resvg (board-png.ts) finds the bundled Noto fonts.
 *
 * With `redacted`, the records are redacted first (redact.ts) and the SVG says so in its root
 * element (`data-kring-redacted="true"`), which the PDF checks before embedding it. Besides the
 * people on the board, the participants' names (an export passes the whole roster) and the family
 * name of the conference title are scrubbed from the board's text.
 */

/** An area shape's kind (drawn, so its props parsed). */
const areaKindOf = (shape: SceneShape): AreaKind => ((areaKinds as readonly unknown[]).includes(shape.props.area) ? (shape.props.area as AreaKind) : 'agreements')

export const REDACTED_MARK = 'data-kring-redacted="true"'
const MARGIN = 40

/** How far a shape draws outside its box (frame titles above, scale-mark names below). */
function overhang(shape: SceneShape): Box {
  const { x, y, w, h } = shape.local
  if (shape.type === 'frame') return { x, y: y - 26, w, h: h + 26 }
  if (shape.type === 'kring-scale-mark') return { x: x + w / 2 - 60, y, w: 120, h: h + 20 }
  return { x: x - 3, y: y - 3, w: w + 6, h: h + 6 }
}

function legend(ties: Set<TieKind>, at: { x: number; y: number }, t: Translate): { svg: string; box: Box } {
  const kinds = tieKinds.filter((kind) => ties.has(kind))
  const size = 16
  let svg = label(`${t('items.tie.label')}:`, { x: at.x, y: at.y, width: 120, size, bold: true, color: MUTED })
  let x = at.x + 110
  const middle = at.y + (size * LINE_HEIGHT) / 2
  for (const kind of kinds) {
    const style = TIE_STYLES[kind]
    svg += `<path d="M${round(x)} ${round(middle)}h60" stroke="${style.color}" stroke-width="${style.width}" stroke-linecap="round"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>`
    svg += label(t(`items.tie.${kind}`), { x: x + 70, y: at.y, width: 170, size, color: INK })
    x += 250
  }
  return { svg, box: { x: at.x, y: at.y, w: x - at.x, h: size * LINE_HEIGHT } }
}

function svgDocument(content: string, box: Box, redacted: boolean): string {
  const x = round(box.x - MARGIN)
  const y = round(box.y - MARGIN)
  const w = round(box.w + 2 * MARGIN)
  const h = round(box.h + 2 * MARGIN)
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="${x} ${y} ${w} ${h}" ` +
    `data-kring-board="1" ${redacted ? REDACTED_MARK : 'data-kring-redacted="false"'} font-family="${SVG_FONT_FAMILY}">` +
    rect(x, y, w, h, { fill: BACKGROUND }) +
    content +
    '</svg>'
  )
}

export interface BoardSvgOptions {
  locale: Locale
  redacted: boolean
  /** Who else must not be named on a redacted board: the participants and the conference title's family name. */
  redaction?: Partial<Omit<RecordRedaction, 'locale'>>
}

export function renderBoardSvg(records: Record<string, unknown>, options: BoardSvgOptions): string {
  const t = createTranslator(options.locale)
  const redaction: RecordRedaction = { participants: options.redaction?.participants ?? [], familyNames: options.redaction?.familyNames ?? [], locale: options.locale }
  const scene = buildScene(options.redacted ? redactRecords(records, redaction) : records)
  const ctx: DrawContext = {
    t,
    scene,
    personName(id) {
      const shape = scene.byId.get(id)
      return shape?.type === 'kring-person' ? str(shape.props.name) : null
    },
  }
  // Each drawn shape, wrapped below with the region it belongs to (board/regions.ts).
  const drawn: (DrawnShape & { svg: string })[] = []
  const boxes: Box[] = []
  const ties = new Set<TieKind>()
  const areas: AreaShape[] = []
  for (const shape of scene.shapes) {
    if (shape.type === 'arrow') {
      const arrow = drawArrow(shape, scene)
      if (!arrow) continue
      drawn.push({ id: shape.id, box: arrow.bounds, counts: true, svg: group(arrow.svg, { opacity: shape.opacity }) })
      boxes.push(arrow.bounds)
      if (arrow.tie) ties.add(arrow.tie)
      continue
    }
    const body = isItemType(shape.type) ? drawKringItem(shape, ctx) : drawTldrawShape(shape, ctx)
    if (body === '') continue
    const box = transformBox(shape.matrix, shape.local)
    // A scale's marks are part of the scale: they alone do not make an area worth a page.
    drawn.push({ id: shape.id, box, counts: shape.type !== 'kring-area' && shape.type !== 'kring-scale-mark', svg: group(body, { transform: matrixAttr(shape.matrix), opacity: shape.opacity }) })
    boxes.push(transformBox(shape.matrix, overhang(shape)))
    if (shape.type === 'kring-area') areas.push({ id: shape.id, box, title: t(areaTexts(areaKindOf(shape), num(shape.props.variant)).title) })
  }
  const { regions, regionOf } = boardRegions(areas, drawn, areaMembers(scene), t('exports.board.elsewhere'))
  const parts = drawn.map((shape) => regionPart(shape.svg, regionOf.get(shape.id) ?? null))
  parts.push(regionMarkers(regions))
  const content = unionBoxes(boxes)
  if (!content) {
    const empty = { x: 0, y: 0, w: 720, h: 220 }
    return svgDocument(label(t('exports.board.empty'), { x: 0, y: 90, width: 720, size: 28, align: 'middle', color: MUTED }), empty, options.redacted)
  }
  if (ties.size > 0) {
    const key = legend(ties, { x: content.x, y: content.y + content.h + 30 }, t)
    parts.push(key.svg)
    return svgDocument(parts.join(''), unionBoxes([content, key.box])!, options.redacted)
  }
  return svgDocument(parts.join(''), content, options.redacted)
}
