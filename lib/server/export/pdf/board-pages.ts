import type { Content } from 'pdfmake/interfaces'
import { intrinsicSize, svgToPng } from '../board-png'
import { onlyRegion, readRegions } from '../board/regions'
import { heading, type SectionContext } from './sections'
import { rich } from './text'

/**
 * The board as the appendix of the case-file document: first the whole board on a page of its
 * own, as large as A4 allows (landscape when that makes it larger), as an overview; then each
 * area with something on it on a page of its own (the regions the SVG marks, board/regions.ts),
 * showing only what belongs to that area (a neighbour's card reaching over its edge is on the
 * neighbour's page; what lies on no area on a page of its own), as large as the page allows, and split into overlapping parts when even that is too small to
 * read. An image without regions (no areas on the board) is cut into parts of the whole board
 * instead, when the overview is too small to read.
 */

/** The text area of an A4 page with the document's margins, less the page's heading (Noto Sans lines are tall: keep room). */
const AREA = {
  portrait: { w: 515, h: 754 - 60 },
  landscape: { w: 762, h: 507 - 60 },
} as const
type Orientation = keyof typeof AREA

/** Board units (px) to points at which a card's text (about 20 px) prints at about 5 pt: readable. */
const READABLE_SCALE = 0.25
/** An area's page: its cards' text (about 20 px) prints at 6 pt or more, else the area is split. */
const AREA_READABLE_SCALE = 0.3
/**
 * Never larger than this: card text (about 20 px) at 12 pt, as the rest of the document. A lone
 * card elsewhere on the board would otherwise fill a page with letters a centimetre high.
 */
const AREA_MAX_SCALE = 0.6
/** Room around an area on its page (board units): its frame is not cut. */
const AREA_MARGIN = 24
/** At most this many parts for one area. */
const MAX_AREA_PARTS = 4

/** More parts than this and the board is drawn in this many, slightly smaller: a case file is no atlas. */
const MAX_PARTS = 9
/** Parts overlap by this share, so a card cut at one part's edge is whole on the next. */
const OVERLAP = 0.06
/** Below this many PNG bytes per pixel a part is empty board (measured: empty ≈ 0.003, a few cards ≥ 0.02). */
const EMPTY_BYTES_PER_PIXEL = 0.008
/** PNG pixels per point: about 150 dpi in print. */
const PIXELS_PER_POINT = 2.1

interface Box {
  x: number
  y: number
  w: number
  h: number
}

function rootBox(svg: string): Box | null {
  const root = /<svg\b[^>]*>/i.exec(svg)?.[0] ?? ''
  const viewBox = /\bviewBox="\s*([-\d.e]+)[\s,]+([-\d.e]+)[\s,]+([\d.e]+)[\s,]+([\d.e]+)\s*"/i.exec(root)
  if (viewBox) return { x: Number(viewBox[1]), y: Number(viewBox[2]), w: Number(viewBox[3]), h: Number(viewBox[4]) }
  const size = intrinsicSize(svg)
  return size ? { x: 0, y: 0, ...size } : null
}

/** The same SVG showing only `box` of the board. */
function cropped(svg: string, box: Box): string {
  const r = (n: number) => Math.round(n * 100) / 100
  return svg.replace(/<svg\b[^>]*>/i, (root) =>
    root
      .replace(/\swidth="[^"]*"/, ` width="${r(box.w)}"`)
      .replace(/\sheight="[^"]*"/, ` height="${r(box.h)}"`)
      .replace(/\sviewBox="[^"]*"/, ` viewBox="${r(box.x)} ${r(box.y)} ${r(box.w)} ${r(box.h)}"`),
  )
}

function scaleIn(box: { w: number; h: number }, orientation: Orientation): number {
  return Math.min(AREA[orientation].w / box.w, AREA[orientation].h / box.h)
}

function pngDataUrl(svg: string, widthPoints: number): string {
  const png = svgToPng(svg, { width: Math.round(widthPoints * PIXELS_PER_POINT) })
  return `data:image/png;base64,${Buffer.from(png).toString('base64')}`
}

/** The board cut into cols × rows overlapping parts. */
function parts(board: Box, cols: number, rows: number): Box[] {
  const w = board.w / cols
  const h = board.h / rows
  const dx = w * OVERLAP
  const dy = h * OVERLAP
  const boxes: Box[] = []
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      const x = Math.max(board.x, board.x + col * w - dx)
      const y = Math.max(board.y, board.y + row * h - dy)
      boxes.push({ x, y, w: Math.min(board.x + board.w, board.x + (col + 1) * w + dx) - x, h: Math.min(board.y + board.h, board.y + (row + 1) * h + dy) - y })
    }
  }
  return boxes
}

/** How to cut the board so each part prints readable in `orientation`: cols × rows, fewest parts first. */
function grid(board: Box, orientation: Orientation, readable: number): { cols: number; rows: number } {
  const area = AREA[orientation]
  const cols = Math.max(1, Math.ceil((board.w * readable * (1 + OVERLAP)) / area.w))
  const rows = Math.max(1, Math.ceil((board.h * readable * (1 + OVERLAP)) / area.h))
  return { cols, rows }
}

function partsPlan(board: Box, readable = READABLE_SCALE, maxParts = MAX_PARTS): { orientation: Orientation; cols: number; rows: number } {
  const options = (['portrait', 'landscape'] as const).map((orientation) => ({ orientation, ...grid(board, orientation, readable) }))
  options.sort((a, b) => a.cols * a.rows - b.cols * b.rows)
  const best = options[0]!
  // Too many parts: fewer, each a little smaller (the same proportions).
  while (best.cols * best.rows > maxParts) {
    if (best.cols >= best.rows) best.cols -= 1
    else best.rows -= 1
  }
  return best
}

export function boardPages(svg: string, ctx: SectionContext): Content[] {
  const board = svg === '' ? null : rootBox(svg)
  if (svg === '' || board === null || board.w <= 0 || board.h <= 0) {
    return [heading(ctx.t('exports.section.board')), rich(ctx.t('exports.pdf.boardMissing'), { style: 'muted' })]
  }
  const orientation: Orientation = scaleIn(board, 'landscape') > scaleIn(board, 'portrait') ? 'landscape' : 'portrait'
  const scale = scaleIn(board, orientation)
  const content: Content[] = [
    heading(ctx.t('exports.section.board'), { newPage: orientation }),
    { image: pngDataUrl(svg, board.w * scale), width: board.w * scale, alignment: 'center' },
  ]
  const regions = readRegions(svg)
  if (regions.length > 0) return [...content, ...regionPages(regions.flatMap((region, index) => regionImages(onlyRegion(svg, index), board, region.box, region.title)))]
  if (scale >= READABLE_SCALE) return content

  const plan = partsPlan(board)
  const drawn = parts(board, plan.cols, plan.rows)
    .map((box) => {
      const width = box.w * scaleIn(box, plan.orientation)
      const png = svgToPng(cropped(svg, box), { width: Math.round(width * PIXELS_PER_POINT) })
      return { png, width, pixels: Math.round(width * PIXELS_PER_POINT) * Math.round(box.h * scaleIn(box, plan.orientation) * PIXELS_PER_POINT) }
    })
    // A part of the board with nothing on it (only the background) compresses to almost nothing.
    .filter((part) => part.png.byteLength / Math.max(1, part.pixels) > EMPTY_BYTES_PER_PIXEL)
  drawn.forEach((part, index) => {
    content.push(
      heading(ctx.t('exports.board.part', { part: index + 1, parts: drawn.length }), { newPage: plan.orientation }),
      { image: `data:image/png;base64,${Buffer.from(part.png).toString('base64')}`, width: part.width, alignment: 'center' },
    )
  })
  return content
}

/** Within the board's image: a box grown by `margin` on every side, cut to the board. */
function around(box: Box, board: Box, margin: number): Box {
  const x = Math.max(board.x, box.x - margin)
  const y = Math.max(board.y, box.y - margin)
  return { x, y, w: Math.min(board.x + board.w, box.x + box.w + margin) - x, h: Math.min(board.y + board.h, box.y + box.h + margin) - y }
}

interface RegionImage {
  title: string
  orientation: Orientation
  image: string
  width: number
  height: number
}

/** One area (`svg`: the board with only that area's shapes) as large as a page allows (the orientation it is largest in), or in parts when that is still too small to read. */
function regionImages(svg: string, board: Box, region: Box, title: string): RegionImage[] {
  const box = around(region, board, AREA_MARGIN)
  if (box.w <= 0 || box.h <= 0) return []
  const orientation: Orientation = scaleIn(box, 'landscape') > scaleIn(box, 'portrait') ? 'landscape' : 'portrait'
  const scale = Math.min(scaleIn(box, orientation), AREA_MAX_SCALE)
  if (scale >= AREA_READABLE_SCALE) {
    return [{ title, orientation, image: pngDataUrl(cropped(svg, box), box.w * scale), width: box.w * scale, height: box.h * scale }]
  }
  const plan = partsPlan(box, AREA_READABLE_SCALE, MAX_AREA_PARTS)
  const pieces = parts(box, plan.cols, plan.rows)
  return pieces.map((piece, index) => {
    const pieceScale = scaleIn(piece, plan.orientation)
    return {
      title: `${title} (${index + 1}/${pieces.length})`,
      orientation: plan.orientation,
      image: pngDataUrl(cropped(svg, piece), piece.w * pieceScale),
      width: piece.w * pieceScale,
      height: piece.h * pieceScale,
    }
  })
}

/** Room a heading takes above an image (points). */
const HEADING_ROOM = 34

/**
 * The areas' pages: each area under its title, a small one (the question, the bottom lines) on
 * the same page as the one before it when both fit, so a short strip does not take a page alone.
 */
function regionPages(images: RegionImage[]): Content[] {
  const content: Content[] = []
  let page: { orientation: Orientation; left: number } | null = null
  for (const image of images) {
    const fits = page !== null && page.orientation === image.orientation && image.height + HEADING_ROOM <= page.left
    if (!fits) page = { orientation: image.orientation, left: AREA[image.orientation].h + 60 }
    content.push(heading(image.title, fits ? {} : { newPage: image.orientation }), { image: image.image, width: image.width, alignment: 'center' })
    page!.left -= image.height + HEADING_ROOM
  }
  return content
}
