import { escapeXml } from './text'
import { unionBoxes, type Box } from './geometry'
import { BETWEEN, type Membership } from './area-members'

/**
 * The parts of the board image a reader looks at one by one (issue 11): each area with something
 * on it, and whatever lies outside the areas. The SVG carries them as empty marker elements, so
 * the PDF (pdf/board-pages.ts) can print each area on a page of its own, large enough to read,
 * from the one image: the same drawing, cropped, with only what belongs to that area
 * (board/area-members.ts): a neighbour's card reaching over the area's edge is not on its page,
 * it is whole on its own area's page. For that every drawn shape is wrapped in a pair of comments
 * naming its region (`<!--kring-in:2-->…<!--kring-out-->`): comments, because no user text can
 * contain `<` unescaped, and because they change nothing in how the whole board is drawn.
 */

export interface BoardRegion {
  box: Box
  title: string
}

const ATTR = 'data-kring-region'
const MARKER = new RegExp(`<g ${ATTR}="([-\\d.e]+) ([-\\d.e]+) ([\\d.e]+) ([\\d.e]+)" ${ATTR}-title="([^"]*)"\\s*/>`, 'g')
const PART = /<!--kring-in:(none|\d+)-->([\s\S]*?)<!--kring-out-->/g
const r = (n: number) => Math.round(n * 100) / 100

export function regionMarkers(regions: readonly BoardRegion[]): string {
  return regions.map(({ box, title }) => `<g ${ATTR}="${r(box.x)} ${r(box.y)} ${r(box.w)} ${r(box.h)}" ${ATTR}-title="${escapeXml(title)}"/>`).join('')
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&#39;': "'" }

export function readRegions(svg: string): BoardRegion[] {
  return [...svg.matchAll(MARKER)].map((m) => ({
    box: { x: Number(m[1]), y: Number(m[2]), w: Number(m[3]), h: Number(m[4]) },
    title: m[5]!.replace(/&(?:amp|lt|gt|quot|apos|#39);/g, (entity) => ENTITIES[entity] ?? entity),
  }))
}

/** A drawn shape wrapped with the region it belongs to (its index in the markers), or none. */
export function regionPart(svg: string, region: number | null): string {
  return svg === '' ? '' : `<!--kring-in:${region ?? 'none'}-->${svg}<!--kring-out-->`
}

/** The board image with only the shapes of region `index` (and what is no shape: the background), without the markers. */
export function onlyRegion(svg: string, index: number): string {
  return svg.replace(PART, (_all, region: string, body: string) => (region === String(index) ? body : '')).replace(MARKER, '')
}

/** A drawn shape: its id, its bounds on the page, and whether it counts as something on the board (an area or a scale mark alone does not). */
export interface DrawnShape {
  id: string
  box: Box
  counts: boolean
}

export interface AreaShape {
  id: string
  box: Box
  title: string
}

/**
 * The regions, in reading order: each area something belongs to (its box: the area and all that
 * belongs to it, so nothing of it is cut), then, when anything belongs to no area, a region
 * around that. `regionOf` says which region each drawn shape is in (null: the overview only).
 */
export function boardRegions(
  areas: readonly AreaShape[],
  drawn: readonly DrawnShape[],
  members: ReadonlyMap<string, Membership>,
  elsewhere: string,
): { regions: BoardRegion[]; regionOf: Map<string, number | null> } {
  const belongs = (shape: DrawnShape) => members.get(shape.id) ?? null
  const used = areas
    .filter((area) => drawn.some((shape) => shape.counts && belongs(shape) === area.id))
    .sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x)
  const regions: BoardRegion[] = used.map((area) => ({
    title: area.title,
    box: unionBoxes([area.box, ...drawn.filter((shape) => belongs(shape) === area.id).map((shape) => shape.box)])!,
  }))
  const indexOf = new Map<string | null, number>(used.map((area, i) => [area.id, i]))
  const loose = drawn.filter((shape) => belongs(shape) === null)
  if (loose.some((shape) => shape.counts)) {
    indexOf.set(null, regions.length)
    regions.push({ title: elsewhere, box: unionBoxes(loose.map((shape) => shape.box))! })
  }
  const regionOf = new Map(drawn.map((shape) => [shape.id, belongs(shape) === BETWEEN ? null : (indexOf.get(belongs(shape)) ?? null)]))
  return { regions, regionOf }
}
