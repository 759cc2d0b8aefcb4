import type { MessageKey } from '../i18n'
import { houses, type AreaKind, type CardKind, type House } from './item-kinds'
import { ringLabelKeys } from './labels'
import { AREA_TITLE_HEIGHT, SAFETY_MAP_COLUMNS_HEIGHT } from './templates/area-sizes'

/**
 * The geometry of a template area (kring-area), pure numbers: the canvas
 * (client/board/canvas/AreaDrawing.tsx) draws it as React SVG and the board image of the
 * exports (lib/server/export/board/draw-areas.ts) as SVG strings. One computation, so the
 * exported image cannot drift from what people saw on the board. Colours stay with each
 * renderer; a label's `kind`, `column` or `house` says which one to take.
 */

/** The three columns' card kinds, left to right. */
export type ColumnKind = Extract<CardKind, 'going-well' | 'worry' | 'next-step'>

export interface Circle {
  cx: number
  cy: number
  r: number
}

export interface Line {
  x1: number
  y1: number
  x2: number
  y2: number
}

export interface AreaLabel {
  key: MessageKey
  kind: 'core' | 'ring' | 'column' | 'section' | 'house'
  /** The column or the house whose colour the label takes. */
  column?: ColumnKind
  house?: House
  /** The anchor: the centre for `middle`, the left edge for `start`. */
  x: number
  /** The text's baseline, as SVG places text. */
  baseline: number
  /** The room the label has (the export cuts longer text to it). */
  width: number
  size: number
  align: 'start' | 'middle'
}

export interface AreaGeometry {
  /** The title and the hint (the finding circle's hint is two sentences joined by " · "). */
  title: MessageKey
  hint: MessageKey[]
  frame: { x: number; y: number; w: number; h: number; radius: number }
  /** Full-width lines: under the title bar, and the safety map's split. */
  dividers: Line[]
  /** Outer ring first (band 0); the core is drawn on top of them. */
  rings: Circle[]
  core: Circle | null
  columnBands: { kind: ColumnKind; x: number; y: number; w: number; h: number; radius: number }[]
  /** Dashed lines between the columns. */
  columnLines: Line[]
  houses: { house: House; d: string }[]
  /** The oil stain's layers, largest first, as SVG path data. */
  stains: string[]
  labels: AreaLabel[]
}

const T = AREA_TITLE_HEIGHT
const COLUMN_KINDS: readonly ColumnKind[] = ['going-well', 'worry', 'next-step']
const FRAME_INSET = 1.5

/** Path numbers to two decimals: the same string on the canvas and in the export. */
const n = (value: number) => String(Math.round(value * 100) / 100)

/** The Family Finding circle a variant means (0–4; out-of-range values are clamped). */
export function findingVariant(variant: number): 0 | 1 | 2 | 3 | 4 {
  return Math.min(4, Math.max(0, Math.trunc(variant))) as 0 | 1 | 2 | 3 | 4
}

/** The words of an area's title bar: its title, and its hint (sentences joined by " · "). */
export function areaTexts(area: AreaKind, variant: number): { title: MessageKey; hint: MessageKey[] } {
  if (area !== 'finding-circle') return { title: `items.area.${area}.title`, hint: [`items.area.${area}.hint`] }
  return { title: `items.area.finding-circle.${findingVariant(variant)}.title`, hint: ['items.area.finding-circle.title', 'items.area.finding-circle.hint'] }
}

export function areaGeometry(area: AreaKind, variant: number, w: number, h: number): AreaGeometry {
  const v = findingVariant(variant)
  const geometry: AreaGeometry = {
    ...areaTexts(area, variant),
    frame: { x: FRAME_INSET, y: FRAME_INSET, w: w - 2 * FRAME_INSET, h: h - 2 * FRAME_INSET, radius: 24 },
    dividers: [hLine(Math.min(T, h), w)],
    rings: [],
    core: null,
    columnBands: [],
    columnLines: [],
    houses: [],
    stains: [],
    labels: [],
  }
  switch (area) {
    case 'network-rings':
      return rings(geometry, w, h, 'items.area.network-rings.center', ringLabelKeys)
    case 'finding-circle':
      return rings(geometry, w, h, 'items.area.finding-circle.center', [`items.area.finding-circle.${v}.ring1`, `items.area.finding-circle.${v}.ring2`, `items.area.finding-circle.${v}.ring3`])
    case 'three-columns':
      return columns(geometry, w, T, h)
    case 'safety-map': {
      const split = Math.min(h - 40, SAFETY_MAP_COLUMNS_HEIGHT)
      columns(geometry, w, T, split)
      geometry.dividers.push(hLine(split, w))
      geometry.labels.push({ key: 'items.area.safety-map.lower', kind: 'section', x: 32, baseline: split + 32, width: w - 64, size: 26, align: 'start' })
      return geometry
    }
    case 'three-houses':
      return threeHouses(geometry, w, h)
    case 'oil-stain':
      return oilStain(geometry, w, h)
    default:
      // Agreements, safety plan, central question, bottom lines, evaluation: a labelled region.
      return geometry
  }
}

function hLine(y: number, w: number): Line {
  return { x1: FRAME_INSET, y1: y, x2: w - FRAME_INSET, y2: y }
}

/** Concentric rings around a centre circle; `labels[0]` is the innermost ring's, each at the top of its ring. */
function rings(g: AreaGeometry, w: number, h: number, center: MessageKey, labels: readonly [MessageKey, MessageKey, MessageKey]): AreaGeometry {
  const cx = w / 2
  const cy = T + (h - T) / 2
  const r = Math.max(60, Math.min(w, h - T) / 2 - 24)
  const radii = [r, r * 0.72, r * 0.45]
  const core = r * 0.18
  const font = Math.max(18, Math.round(r / 24))
  g.rings = radii.map((radius) => ({ cx, cy, r: radius }))
  g.core = { cx, cy, r: core }
  g.labels.push({ key: center, kind: 'core', x: cx, baseline: cy + font * 0.55, width: 2 * core, size: font * 1.5, align: 'middle' })
  for (const band of [2, 1, 0]) {
    const radius = radii[2 - band]!
    g.labels.push({ key: labels[band]!, kind: 'ring', x: cx, baseline: cy - radius + font * 1.8, width: 2 * radius, size: font, align: 'middle' })
  }
  return g
}

/** Three columns (Signs of Safety): going well, worries, what needs to happen. */
function columns(g: AreaGeometry, w: number, top: number, bottom: number): AreaGeometry {
  const colW = w / 3
  const band = 64
  COLUMN_KINDS.forEach((kind, i) => {
    g.columnBands.push({ kind, x: i * colW + 12, y: top + 12, w: colW - 24, h: band, radius: 12 })
    g.labels.push({ key: `items.area.three-columns.${kind}`, kind: 'column', column: kind, x: i * colW + colW / 2, baseline: top + 12 + band / 2 + 10, width: colW - 48, size: 30, align: 'middle' })
    if (i > 0) g.columnLines.push({ x1: i * colW, y1: top + 12, x2: i * colW, y2: bottom - 12 })
  })
  return g
}

/** The child's three houses, each an outline with a roof. */
function threeHouses(g: AreaGeometry, w: number, h: number): AreaGeometry {
  const slot = w / 3
  const top = T + 24
  const roof = Math.min(140, (h - top) * 0.3)
  houses.forEach((house, i) => {
    const left = i * slot + 24
    const right = (i + 1) * slot - 24
    const base = h - 24
    const eaves = top + roof
    g.houses.push({ house, d: `M${n(left)} ${n(eaves)} L${n((left + right) / 2)} ${n(top)} L${n(right)} ${n(eaves)} V${n(base)} H${n(left)} Z` })
    g.labels.push({ key: `items.house.${house}`, kind: 'house', house, x: (left + right) / 2, baseline: eaves - roof * 0.25, width: right - left - 80, size: 30, align: 'middle' })
  })
  return g
}

function oilStain(g: AreaGeometry, w: number, h: number): AreaGeometry {
  const cx = w / 2
  const cy = T + (h - T) / 2
  const r = Math.max(40, Math.min(w, (h - T) * 1.2) / 2 - 40)
  g.stains = [1, 0.66, 0.33].map((scale, i) => blob(cx, cy, r * scale, 0.12, i + 1))
  return g
}

/** A wobbly closed outline through 18 points (quadratic curves between their midpoints): an oil stain spreading from the middle. */
function blob(cx: number, cy: number, r: number, wobble: number, seed: number): string {
  const points = 18
  const coords = Array.from({ length: points }, (_, i) => {
    const angle = (i / points) * Math.PI * 2
    const radius = r * (1 + wobble * Math.sin(angle * 3 + seed) * Math.cos(angle * 2 - seed))
    return [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle) * 0.8] as const
  })
  const mid = (a: readonly [number, number], b: readonly [number, number]) => `${n((a[0] + b[0]) / 2)} ${n((a[1] + b[1]) / 2)}`
  let d = ''
  coords.forEach((point, i) => {
    const next = coords[(i + 1) % points]!
    if (i === 0) d += `M${mid(point, next)}`
    d += ` Q${n(next[0])} ${n(next[1])} ${mid(next, coords[(i + 2) % points]!)}`
  })
  return `${d} Z`
}
