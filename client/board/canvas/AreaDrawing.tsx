'use client'

import type { CSSProperties } from 'react'
import { useT } from '@/client/i18n/I18nProvider'
import { areaGeometry, type AreaLabel } from '@/lib/board/area-geometry'
import type { AreaKind } from '@/lib/board/items'
import { cardColors, houseColors } from '@/lib/board/item-colors'
import styles from './area.module.css'

/**
 * The structure of an area, drawn under its items: rings, columns, houses, a stain. Where
 * everything goes is lib/board/area-geometry.ts (the exports draw the same); this only paints it.
 */
export function AreaDrawing({ area, variant, w, h }: { area: AreaKind; variant: number; w: number; h: number }) {
  const t = useT()
  const g = areaGeometry(area, variant, w, h)
  return (
    <svg className={styles.drawing} width={w} height={h} viewBox={`0 0 ${w} ${h}`} aria-hidden="true">
      <rect x={g.frame.x} y={g.frame.y} width={g.frame.w} height={g.frame.h} rx={g.frame.radius} className={styles.frame} />
      {g.dividers.map((line) => (
        <path key={line.y1} d={`M${line.x1} ${line.y1} H${line.x2}`} className={styles.divider} />
      ))}
      {g.rings.map((ring, band) => (
        <circle key={band} cx={ring.cx} cy={ring.cy} r={ring.r} className={styles.ring} data-band={band} />
      ))}
      {g.core ? <circle cx={g.core.cx} cy={g.core.cy} r={g.core.r} className={styles.core} /> : null}
      {g.columnBands.map((band) => (
        <rect
          key={band.kind}
          x={band.x}
          y={band.y}
          width={band.w}
          height={band.h}
          rx={band.radius}
          style={{ fill: cardColors[band.kind].tint, stroke: cardColors[band.kind].accent }}
          className={styles.band}
        />
      ))}
      {g.columnLines.map((line) => (
        <path key={line.x1} d={`M${line.x1} ${line.y1} V${line.y2}`} className={styles.columnLine} />
      ))}
      {g.houses.map(({ house, d }) => (
        <path key={house} d={d} className={styles.house} style={{ fill: houseColors[house].tint, stroke: houseColors[house].accent }} />
      ))}
      {g.stains.map((d, layer) => (
        <path key={layer} d={d} className={styles.stain} data-layer={layer} />
      ))}
      {g.labels.map((label) => (
        <text key={label.key} x={label.x} y={label.baseline} textAnchor={label.align} className={labelClass[label.kind]} style={labelStyle(label)}>
          {t(label.key)}
        </text>
      ))}
    </svg>
  )
}

const labelClass: Record<AreaLabel['kind'], string | undefined> = {
  core: styles.coreLabel,
  ring: styles.ringLabel,
  column: styles.columnLabel,
  section: styles.sectionLabel,
  house: styles.houseLabel,
}

function labelStyle(label: AreaLabel): CSSProperties {
  const tone = label.column ? cardColors[label.column].accent : label.house ? houseColors[label.house].accent : undefined
  return tone === undefined ? { fontSize: label.size } : { fontSize: label.size, fill: tone }
}
