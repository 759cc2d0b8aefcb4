import { AREA_GROWTH_LIMIT } from './layout'

type Rec = Record<string, unknown>
const isRec = (value: unknown): value is Rec => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Whether `next` is `previous` (an area record) made larger and nothing else: the same record in
 * every field but props.w and props.h, neither smaller, at least one larger, both within the
 * limit an area grows to. The change a device makes when the placement grows a full area
 * (placeNewItem's `grow`), which anyone who may write the board may make.
 */
export function isAreaGrowthOnly(previous: unknown, next: unknown): boolean {
  if (!isRec(previous) || !isRec(next) || previous.type !== 'kring-area' || next.type !== 'kring-area') return false
  if (!isRec(previous.props) || !isRec(next.props)) return false
  const { w: pw, h: ph, ...prevRest } = previous.props
  const { w: nw, h: nh, ...nextRest } = next.props
  if (typeof pw !== 'number' || typeof ph !== 'number' || typeof nw !== 'number' || typeof nh !== 'number') return false
  if (!Number.isFinite(nw) || !Number.isFinite(nh) || nw < pw || nh < ph || (nw === pw && nh === ph)) return false
  if (nw > AREA_GROWTH_LIMIT || nh > AREA_GROWTH_LIMIT) return false
  const { props: _p, ...prevRecord } = previous
  const { props: _n, ...nextRecord } = next
  return sameJson(prevRecord, nextRecord) && sameJson(prevRest, nextRest)
}

/** Deep equality of two JSON values, key order ignored. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((value, i) => sameJson(value, b[i]))
  }
  if (!isRec(a) || !isRec(b)) return false
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]))
}
