import { areaGeometry, type AreaGeometry, type AreaLabel } from '../../../board/area-geometry'
import type { ItemProps } from '../../../board/items'
import type { DrawContext } from './context'
import { AREA, CARD_COLORS, HOUSE_COLORS, MUTED, PAPER } from './palette'
import { ellipse, rect } from './svg'
import { BASELINE, label } from './text'
import { round } from './geometry'

/**
 * The template areas (kring-area) in the board image: the geometry the canvas draws
 * (lib/board/area-geometry.ts), painted as SVG strings in the canvas's colours (area.module.css),
 * under a title bar that stands in for the canvas's HTML one (its title; not the on-screen hint).
 */

type Area = ItemProps<'kring-area'>

function frame(g: AreaGeometry, width: number, ctx: DrawContext): string {
  const { x, y, w, h, radius } = g.frame
  const bar = g.dividers[0]!
  return (
    rect(x, y, w, h, { fill: AREA.frame, stroke: AREA.frameStroke, strokeWidth: 3, radius }) +
    // The title bar: the frame's top with its rounded corners, down to the divider.
    `<path d="M${x} ${round(bar.y1)}V${x + radius}a${radius} ${radius} 0 0 1 ${radius} -${radius}H${round(width - x - radius)}a${radius} ${radius} 0 0 1 ${radius} ${radius}V${round(bar.y1)}z" fill="${AREA.titleBar}"/>` +
    // The title only: the hint under it tells people on the board what to do, not a reader of the plan.
    label(ctx.t(g.title), { x: 32, y: (bar.y1 - 40 * 1.15) / 2, width: width - 64, size: 40, bold: true })
  )
}

function lines(g: AreaGeometry): string {
  const divider = (l: AreaGeometry['dividers'][number]) => `<path d="M${round(l.x1)} ${round(l.y1)}H${round(l.x2)}" stroke="${AREA.divider}" stroke-width="3"/>`
  const column = (l: AreaGeometry['columnLines'][number]) =>
    `<path d="M${round(l.x1)} ${round(l.y1)}V${round(l.y2)}" stroke="${AREA.divider}" stroke-width="3" stroke-dasharray="12 10"/>`
  return g.dividers.map(divider).join('') + g.columnLines.map(column).join('')
}

function shapes(g: AreaGeometry): string {
  let svg = g.rings.map((c, band) => ellipse(c.cx, c.cy, c.r, c.r, { fill: AREA.ringFills[band], stroke: AREA.ringStroke, strokeWidth: 3 })).join('')
  if (g.core) svg += ellipse(g.core.cx, g.core.cy, g.core.r, g.core.r, { fill: AREA.core })
  svg += g.columnBands.map((b) => rect(b.x, b.y, b.w, b.h, { fill: CARD_COLORS[b.kind].tint, stroke: CARD_COLORS[b.kind].accent, strokeWidth: 3, radius: b.radius })).join('')
  svg += g.houses.map(({ house, d }) => `<path d="${d}" fill="${HOUSE_COLORS[house].tint}" stroke="${HOUSE_COLORS[house].accent}" stroke-width="5" stroke-linejoin="round"/>`).join('')
  svg += g.stains.map((d, layer) => `<path d="${d}" fill="${AREA.stainFills[layer]}" stroke="${AREA.stainStroke}" stroke-width="3"/>`).join('')
  return svg
}

function labelColor(l: AreaLabel): string {
  if (l.column) return CARD_COLORS[l.column].accent
  if (l.house) return HOUSE_COLORS[l.house].accent
  return l.kind === 'core' ? PAPER : MUTED
}

/** A label at the geometry's baseline; the export's text boxes are placed by their top edge. */
function areaLabel(l: AreaLabel, ctx: DrawContext): string {
  const x = l.align === 'middle' ? l.x - l.width / 2 : l.x
  return label(ctx.t(l.key), { x, y: l.baseline - l.size * BASELINE, width: l.width, size: l.size, bold: true, color: labelColor(l), align: l.align })
}

export function drawArea(a: Area, ctx: DrawContext): string {
  const g = areaGeometry(a.area, a.variant, a.w, a.h)
  return frame(g, a.w, ctx) + lines(g) + shapes(g) + g.labels.map((l) => areaLabel(l, ctx)).join('')
}
