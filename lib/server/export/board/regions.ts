import { escapeXml } from './text'
import type { Box } from './geometry'

/**
 * The parts of the board image a reader looks at one by one (issue 11): each area with something
 * on it, and whatever lies outside the areas. The SVG carries them as empty marker elements, so
 * the PDF (pdf/board-pages.ts) can print each area on a page of its own, large enough to read,
 * from the one image: the same drawing, cropped.
 */

export interface BoardRegion {
  box: Box
  title: string
}

const ATTR = 'data-kring-region'
const MARKER = new RegExp(`<g ${ATTR}="([-\\d.e]+) ([-\\d.e]+) ([\\d.e]+) ([\\d.e]+)" ${ATTR}-title="([^"]*)"\\s*/>`, 'g')
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

const centerIn = (item: Box, area: Box) => {
  const x = item.x + item.w / 2
  const y = item.y + item.h / 2
  return x >= area.x && x <= area.x + area.w && y >= area.y && y <= area.y + area.h
}

/** The areas something lies on (by its centre), in reading order, and a region for what lies on none. */
export function boardRegions(areas: readonly BoardRegion[], items: readonly Box[], elsewhere: string): BoardRegion[] {
  const used = areas.filter((area) => items.some((item) => centerIn(item, area.box))).sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x)
  const loose = items.filter((item) => !areas.some((area) => centerIn(item, area.box)))
  if (loose.length === 0) return used
  const x = Math.min(...loose.map((b) => b.x))
  const y = Math.min(...loose.map((b) => b.y))
  const box = { x, y, w: Math.max(...loose.map((b) => b.x + b.w)) - x, h: Math.max(...loose.map((b) => b.y + b.h)) - y }
  return [...used, { box, title: elsewhere }]
}
