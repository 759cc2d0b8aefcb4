import { houses, type ItemProps } from '../../../board/items'
import { ringLabelKeys } from '../../../board/labels'
import type { MessageKey } from '../../../i18n'
import type { DrawContext } from './context'
import { AREA, CARD_COLORS, HOUSE_COLORS, MUTED, PAPER } from './palette'
import { ellipse, rect } from './svg'
import { LINE_HEIGHT, label } from './text'
import { round } from './geometry'

/**
 * The template areas (kring-area) as the canvas draws them (app/…/items/AreaDrawing.tsx): a calm
 * framed region with a title bar, and its structure (rings, columns, houses, a stain) under the
 * items. Titles and labels come from the same i18n keys as on the canvas.
 */

type Area = ItemProps<'kring-area'>
type Variant = 0 | 1 | 2 | 3 | 4

/** The title bar's height (lib/board/templates AREA_TITLE_HEIGHT). */
const T = 100
const SAFETY_MAP_COLUMNS_HEIGHT = 1040

function titleKey(a: Area): MessageKey {
  return a.area === 'finding-circle' ? `items.area.finding-circle.${Math.min(4, Math.max(0, a.variant)) as Variant}.title` : `items.area.${a.area}.title`
}

function frame(a: Area, ctx: DrawContext): string {
  const { w, h } = a
  const bar = Math.min(T, h)
  return (
    rect(1.5, 1.5, w - 3, h - 3, { fill: AREA.frame, stroke: AREA.frameStroke, strokeWidth: 3, radius: 24 }) +
    `<path d="M1.5 ${bar}V25.5a24 24 0 0 1 24 -24H${round(w - 25.5)}a24 24 0 0 1 24 24V${bar}z" fill="${AREA.titleBar}"/>` +
    `<path d="M1.5 ${bar}H${round(w - 1.5)}" stroke="${AREA.divider}" stroke-width="3"/>` +
    label(ctx.t(titleKey(a)), { x: 32, y: 10, width: w - 64, size: 40, bold: true }) +
    label(a.area === 'finding-circle' ? `${ctx.t('items.area.finding-circle.title')} · ${ctx.t('items.area.finding-circle.hint')}` : ctx.t(`items.area.${a.area}.hint`), {
      x: 32,
      y: 10 + 40 * 1.15,
      width: w - 64,
      size: 20,
      color: MUTED,
    })
  )
}

/** Concentric rings around a centre circle, each band labelled at its top. */
function rings(a: Area, labels: [string, string, string], center: string): string {
  const { w, h } = a
  const cx = w / 2
  const cy = T + (h - T) / 2
  const r = Math.max(60, Math.min(w, h - T) / 2 - 24)
  const radii = [r, r * 0.72, r * 0.45]
  const core = r * 0.18
  const font = Math.max(18, Math.round(r / 24))
  let svg = radii.map((radius, i) => ellipse(cx, cy, radius, radius, { fill: AREA.ringFills[i], stroke: AREA.ringStroke, strokeWidth: 3 })).join('')
  svg += ellipse(cx, cy, core, core, { fill: AREA.core })
  svg += label(center, { x: cx - core, y: cy - (font * 1.5 * LINE_HEIGHT) / 2, width: 2 * core, size: font * 1.5, bold: true, color: PAPER, align: 'middle' })
  // labels[0] is the innermost ring; each label sits just inside the top of its ring.
  for (const band of [0, 1, 2]) {
    const radius = radii[2 - band]!
    svg += label(labels[band]!, { x: cx - radius, y: cy - radius + font * 0.6, width: 2 * radius, size: font, bold: true, color: MUTED, align: 'middle' })
  }
  return svg
}

/** Three columns (Signs of Safety): going well, worries, what needs to happen. */
function columns(w: number, top: number, bottom: number, ctx: DrawContext): string {
  const kinds = ['going-well', 'worry', 'next-step'] as const
  const colW = w / 3
  const band = 64
  return kinds
    .map((kind, i) => {
      const colors = CARD_COLORS[kind]
      return (
        rect(i * colW + 12, top + 12, colW - 24, band, { fill: colors.tint, stroke: colors.accent, strokeWidth: 3, radius: 12 }) +
        label(ctx.t(`items.area.three-columns.${kind}`), { x: i * colW + 24, y: top + 12 + (band - 30 * LINE_HEIGHT) / 2, width: colW - 48, size: 30, bold: true, color: colors.accent, align: 'middle' }) +
        (i > 0 ? `<path d="M${round(i * colW)} ${top + 12}V${round(bottom - 12)}" stroke="${AREA.divider}" stroke-width="3" stroke-dasharray="12 10"/>` : '')
      )
    })
    .join('')
}

function safetyMap(a: Area, ctx: DrawContext): string {
  const split = Math.min(a.h - 40, SAFETY_MAP_COLUMNS_HEIGHT)
  return (
    columns(a.w, T, split, ctx) +
    `<path d="M1.5 ${round(split)}H${round(a.w - 1.5)}" stroke="${AREA.divider}" stroke-width="3"/>` +
    label(ctx.t('items.area.safety-map.lower'), { x: 32, y: split + 10, width: a.w - 64, size: 26, bold: true, color: MUTED })
  )
}

/** The child's three houses, each an outline with a roof, in its own colour. */
function threeHouses(a: Area, ctx: DrawContext): string {
  const slot = a.w / 3
  const top = T + 24
  const roof = Math.min(140, (a.h - top) * 0.3)
  return houses
    .map((house, i) => {
      const left = i * slot + 24
      const right = (i + 1) * slot - 24
      const base = a.h - 24
      const eaves = top + roof
      const colors = HOUSE_COLORS[house]
      return (
        `<path d="M${round(left)} ${round(eaves)}L${round((left + right) / 2)} ${top}L${round(right)} ${round(eaves)}V${round(base)}H${round(left)}Z" fill="${colors.tint}" stroke="${colors.accent}" stroke-width="5" stroke-linejoin="round"/>` +
        label(ctx.t(`items.house.${house}`), { x: left + 40, y: eaves - roof * 0.25 - 30, width: right - left - 80, size: 30, bold: true, color: colors.accent, align: 'middle' })
      )
    })
    .join('')
}

/** A wobbly closed outline: an oil stain spreading from the middle (same curve as the canvas). */
function blob(cx: number, cy: number, r: number, wobble: number, seed: number): string {
  const points = 18
  const coords = Array.from({ length: points }, (_, i) => {
    const angle = (i / points) * Math.PI * 2
    const radius = r * (1 + wobble * Math.sin(angle * 3 + seed) * Math.cos(angle * 2 - seed))
    return [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle) * 0.8] as const
  })
  const mid = (p: readonly [number, number], q: readonly [number, number]) => [round((p[0] + q[0]) / 2), round((p[1] + q[1]) / 2)] as const
  let d = ''
  coords.forEach((point, i) => {
    const next = coords[(i + 1) % points]!
    if (i === 0) d += `M${mid(point, next).join(' ')}`
    d += `Q${round(next[0])} ${round(next[1])} ${mid(next, coords[(i + 2) % points]!).join(' ')}`
  })
  return `${d}Z`
}

function oilStain(a: Area): string {
  const cx = a.w / 2
  const cy = T + (a.h - T) / 2
  const r = Math.max(40, Math.min(a.w, (a.h - T) * 1.2) / 2 - 40)
  return [1, 0.66, 0.33].map((scale, i) => `<path d="${blob(cx, cy, r * scale, 0.12, i + 1)}" fill="${AREA.stainFills[i]}" stroke="${AREA.stainStroke}" stroke-width="3"/>`).join('')
}

export function drawArea(a: Area, ctx: DrawContext): string {
  const t = ctx.t
  let structure = ''
  switch (a.area) {
    case 'network-rings':
      structure = rings(a, [t(ringLabelKeys[0]), t(ringLabelKeys[1]), t(ringLabelKeys[2])], t('items.area.network-rings.center'))
      break
    case 'finding-circle': {
      const v = Math.min(4, Math.max(0, a.variant)) as Variant
      structure = rings(
        a,
        [t(`items.area.finding-circle.${v}.ring1`), t(`items.area.finding-circle.${v}.ring2`), t(`items.area.finding-circle.${v}.ring3`)],
        t('items.area.finding-circle.center'),
      )
      break
    }
    case 'three-columns':
      structure = columns(a.w, T, a.h, ctx)
      break
    case 'safety-map':
      structure = safetyMap(a, ctx)
      break
    case 'three-houses':
      structure = threeHouses(a, ctx)
      break
    case 'oil-stain':
      structure = oilStain(a)
      break
    default:
      // Agreements, safety plan, central question, bottom lines, evaluation: a labelled region.
      break
  }
  return frame(a, ctx) + structure
}
