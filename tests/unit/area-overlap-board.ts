import { itemDefaults, type ItemType } from '../../lib/board/items'
import { TEMPLATE_PAGE_ID, templateRecords } from '../../lib/board/templates'
import { indexKeyAt } from '../../lib/board/templates/index-keys'
import { kringShape } from '../../lib/board/templates/shape-records'
import { arrowProps } from './plan-fixtures'

/**
 * A family group plan's board where areas and items reach over each other, as they do after a
 * meeting: the rings grew to the right over the first column of the three columns, a worry lies
 * where both are (it is the columns': a worry), a need card lies half over the rings' lower edge
 * in the gap above the agreements (no area's), people in the rings are tied to each other and one
 * to the worry. Template positions: rings 40,560 (1400 × 1400, grown here to 1800 wide), columns
 * 1600,560 (1600 × 1000), agreements 40,2120.
 */

type Rec = Record<string, unknown> & { id: string }

export const OVERLAP_TEXTS = {
  worry: 'Sem durft niet naar school',
  columnsGoingWell: 'Oma haalt Sem elke dag op',
  person: 'Oma Fatima',
  otherPerson: 'Buurman Kees',
  loose: 'Rust in huis na het eten',
} as const

export function overlapBoard(): Record<string, unknown> {
  let n = 0
  const createId = () => `o${++n}`
  const records = templateRecords('familiegroepsplan', { locale: 'nl', createId }) as unknown as Rec[]
  const rings = records.find((r) => (r.props as { area?: string } | undefined)?.area === 'network-rings')!
  rings.props = { ...(rings.props as object), w: 1800 }
  const add = (id: string, type: ItemType, at: { x: number; y: number }, props: Record<string, unknown>) => {
    const shape = kringShape(type, at, { ...itemDefaults[type], ...props } as never, { pageId: TEMPLATE_PAGE_ID, createId }) as unknown as Rec
    records.push({ ...shape, id, index: indexKeyAt(300 + records.length) })
  }
  add('shape:worry', 'kring-card', { x: 1620, y: 800 }, { kind: 'worry', text: OVERLAP_TEXTS.worry })
  add('shape:going-well', 'kring-card', { x: 2300, y: 800 }, { kind: 'going-well', text: OVERLAP_TEXTS.columnsGoingWell })
  add('shape:oma', 'kring-person', { x: 500, y: 900 }, { name: OVERLAP_TEXTS.person, ring: 'inner', group: 'family' })
  add('shape:kees', 'kring-person', { x: 300, y: 1300 }, { name: OVERLAP_TEXTS.otherPerson, ring: 'outer', group: 'network' })
  add('shape:loose', 'kring-card', { x: 600, y: 1940 }, { kind: 'need', text: OVERLAP_TEXTS.loose })
  const tie = (id: string, from: string, to: string) => {
    records.push({ id, typeName: 'shape', type: 'arrow', parentId: TEMPLATE_PAGE_ID, index: indexKeyAt(400 + records.length), x: 0, y: 0, rotation: 0, isLocked: false, opacity: 1, meta: { kringTie: 'strong' }, props: { ...arrowProps, arrowheadEnd: 'none' } })
    for (const [terminal, target] of [['start', from], ['end', to]] as const) {
      records.push({ id: `binding:${id.slice(6)}-${terminal}`, typeName: 'binding', type: 'arrow', fromId: id, toId: target, meta: {}, props: { terminal, normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false, snap: 'none' } })
    }
  }
  tie('shape:tie-in-rings', 'shape:oma', 'shape:kees')
  tie('shape:tie-across', 'shape:oma', 'shape:worry')
  return Object.fromEntries(records.map((r) => [r.id, r]))
}
