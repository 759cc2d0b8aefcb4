'use client'

import { useT } from '@/client/i18n/I18nProvider'
import { houses, type AreaKind } from '@/lib/board/items'
import { ringLabelKeys } from '@/lib/board/labels'
import { AREA_TITLE_HEIGHT, SAFETY_MAP_COLUMNS_HEIGHT } from '@/lib/board/templates'
import { cardColors, houseColors } from '@/lib/board/item-colors'
import styles from './area.module.css'

type Size = { w: number; h: number }
const T = AREA_TITLE_HEIGHT

/** The structure of an area, drawn under its items: rings, columns, houses, a stain. */
export function AreaDrawing({ area, variant, w, h }: { area: AreaKind; variant: number } & Size) {
  return (
    <svg className={styles.drawing} width={w} height={h} viewBox={`0 0 ${w} ${h}`} aria-hidden="true">
      <rect x={1.5} y={1.5} width={w - 3} height={h - 3} rx={24} className={styles.frame} />
      <path d={`M1.5 ${T} H${w - 1.5}`} className={styles.divider} />
      <Structure area={area} variant={variant} w={w} h={h} />
    </svg>
  )
}

function Structure({ area, variant, w, h }: { area: AreaKind; variant: number } & Size) {
  switch (area) {
    case 'network-rings':
      return <NetworkRings w={w} h={h} />
    case 'finding-circle':
      return <FindingCircle variant={variant} w={w} h={h} />
    case 'three-columns':
      return <Columns w={w} top={T} bottom={h} />
    case 'safety-map':
      return <SafetyMap w={w} h={h} />
    case 'three-houses':
      return <Houses w={w} h={h} />
    case 'oil-stain':
      return <OilStain w={w} h={h} />
    default:
      // Agreements, safety plan, central question, bottom lines, evaluation: a labelled region.
      return null
  }
}

/** Concentric rings around a centre circle, each band labelled at its top. */
function Rings({ w, h, labels, center }: Size & { labels: [string, string, string]; center: string }) {
  const cx = w / 2
  const cy = T + (h - T) / 2
  const r = Math.max(60, Math.min(w, h - T) / 2 - 24)
  const radii = [r, r * 0.72, r * 0.45]
  const core = r * 0.18
  const font = Math.max(18, Math.round(r / 24))
  return (
    <g>
      {radii.map((radius, i) => (
        <circle key={radius} cx={cx} cy={cy} r={radius} className={styles.ring} data-band={i} />
      ))}
      <circle cx={cx} cy={cy} r={core} className={styles.core} />
      <text x={cx} y={cy + font * 0.55} className={styles.coreLabel} style={{ fontSize: font * 1.5 }} textAnchor="middle">
        {center}
      </text>
      {/* Outer band first: labels[0] is the innermost ring. */}
      {[2, 1, 0].map((band) => (
        <text key={band} x={cx} y={cy - radii[2 - band]! + font * 1.8} className={styles.ringLabel} style={{ fontSize: font }} textAnchor="middle">
          {labels[band]}
        </text>
      ))}
    </g>
  )
}

function NetworkRings({ w, h }: Size) {
  const t = useT()
  return (
    <Rings
      w={w}
      h={h}
      center={t('items.area.network-rings.center')}
      labels={[t(ringLabelKeys[0]), t(ringLabelKeys[1]), t(ringLabelKeys[2])]}
    />
  )
}

function FindingCircle({ variant, w, h }: Size & { variant: number }) {
  const t = useT()
  const v = Math.min(4, Math.max(0, variant)) as 0 | 1 | 2 | 3 | 4
  return (
    <Rings
      w={w}
      h={h}
      center={t('items.area.finding-circle.center')}
      labels={[t(`items.area.finding-circle.${v}.ring1`), t(`items.area.finding-circle.${v}.ring2`), t(`items.area.finding-circle.${v}.ring3`)]}
    />
  )
}

/** Three columns (Signs of Safety): going well, worries, what needs to happen. */
function Columns({ w, top, bottom }: { w: number; top: number; bottom: number }) {
  const t = useT()
  const kinds = ['going-well', 'worry', 'next-step'] as const
  const colW = w / 3
  const band = 64
  return (
    <g>
      {kinds.map((kind, i) => (
        <g key={kind}>
          <rect x={i * colW + 12} y={top + 12} width={colW - 24} height={band} rx={12} style={{ fill: cardColors[kind].tint, stroke: cardColors[kind].accent }} className={styles.band} />
          <text x={i * colW + colW / 2} y={top + 12 + band / 2 + 10} textAnchor="middle" className={styles.columnLabel} style={{ fill: cardColors[kind].accent }}>
            {t(`items.area.three-columns.${kind}`)}
          </text>
          {i > 0 ? <path d={`M${i * colW} ${top + 12} V${bottom - 12}`} className={styles.columnLine} /> : null}
        </g>
      ))}
    </g>
  )
}

function SafetyMap({ w, h }: Size) {
  const t = useT()
  const split = Math.min(h - 40, SAFETY_MAP_COLUMNS_HEIGHT)
  return (
    <g>
      <Columns w={w} top={T} bottom={split} />
      <path d={`M1.5 ${split} H${w - 1.5}`} className={styles.divider} />
      <text x={32} y={split + 32} className={styles.sectionLabel}>
        {t('items.area.safety-map.lower')}
      </text>
    </g>
  )
}

/** The child's three houses, each an outline with a roof, in its own colour. */
function Houses({ w, h }: Size) {
  const t = useT()
  const slot = w / 3
  const top = T + 24
  const roof = Math.min(140, (h - top) * 0.3)
  return (
    <g>
      {houses.map((house, i) => {
        const left = i * slot + 24
        const right = (i + 1) * slot - 24
        const base = h - 24
        const eaves = top + roof
        const { accent, tint } = houseColors[house]
        return (
          <g key={house}>
            <path
              d={`M${left} ${eaves} L${(left + right) / 2} ${top} L${right} ${eaves} V${base} H${left} Z`}
              className={styles.house}
              style={{ fill: tint, stroke: accent }}
            />
            <text x={(left + right) / 2} y={eaves - roof * 0.25} textAnchor="middle" className={styles.houseLabel} style={{ fill: accent }}>
              {t(`items.house.${house}`)}
            </text>
          </g>
        )
      })}
    </g>
  )
}

/** A wobbly closed outline: an oil stain spreading from the middle. */
function blob(cx: number, cy: number, r: number, wobble: number, seed: number): string {
  const points = 18
  const coords = Array.from({ length: points }, (_, i) => {
    const angle = (i / points) * Math.PI * 2
    const radius = r * (1 + wobble * Math.sin(angle * 3 + seed) * Math.cos(angle * 2 - seed))
    return [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle) * 0.8] as const
  })
  const mid = (a: readonly [number, number], b: readonly [number, number]): [number, number] => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]
  let d = ''
  coords.forEach((point, i) => {
    const next = coords[(i + 1) % points]!
    const [mx, my] = mid(point, next)
    d += i === 0 ? `M${mx.toFixed(1)} ${my.toFixed(1)}` : ''
    const [nx, ny] = mid(next, coords[(i + 2) % points]!)
    d += ` Q${next[0].toFixed(1)} ${next[1].toFixed(1)} ${nx.toFixed(1)} ${ny.toFixed(1)}`
  })
  return `${d} Z`
}

function OilStain({ w, h }: Size) {
  const cx = w / 2
  const cy = T + (h - T) / 2
  const r = Math.min(w, (h - T) * 1.2) / 2 - 40
  return (
    <g>
      {[1, 0.66, 0.33].map((scale, i) => (
        <path key={scale} d={blob(cx, cy, r * scale, 0.12, i + 1)} className={styles.stain} data-layer={i} />
      ))}
    </g>
  )
}
