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

/** How much larger `next` made `previous` (an area), when that is all it did (isAreaGrowthOnly); else null. */
export function areaGrowth(previous: unknown, next: unknown): { w: number; h: number } | null {
  if (!isAreaGrowthOnly(previous, next)) return null
  const p = (previous as Rec).props as Rec
  const n = (next as Rec).props as Rec
  return { w: (n.w as number) - (p.w as number), h: (n.h as number) - (p.h as number) }
}

/**
 * How far `next` moved `previous` (an area) to the right and down, when that is all it did: the
 * same record in every field but x and y, neither smaller, at least one larger. Else null. The
 * change of a neighbour making room for a growing area (make-room.ts).
 */
export function areaShift(previous: unknown, next: unknown): { x: number; y: number } | null {
  if (!isRec(previous) || !isRec(next) || previous.type !== 'kring-area' || next.type !== 'kring-area') return null
  const { x: px, y: py, ...prevRest } = previous
  const { x: nx, y: ny, ...nextRest } = next
  if (typeof px !== 'number' || typeof py !== 'number' || typeof nx !== 'number' || typeof ny !== 'number') return null
  if (!Number.isFinite(nx) || !Number.isFinite(ny) || nx < px || ny < py || (nx === px && ny === py)) return null
  return sameJson(prevRest, nextRest) ? { x: nx - px, y: ny - py } : null
}

/**
 * The writes of one update (previous and new value of each record) that growing an area may make
 * on the structure: each growth (isAreaGrowthOnly), and each area moved right or down by no more
 * than the update's largest growth in that direction, its neighbours making room (make-room.ts
 * never moves a neighbour further than the growth). A shift with no growth in the same update is
 * not among them: moving an area stays the facilitator's.
 */
export function growthWrites<T extends { previous: unknown; value: unknown }>(writes: readonly T[]): Set<T> {
  const allowed = new Set<T>()
  let most = { w: 0, h: 0 }
  for (const write of writes) {
    const growth = areaGrowth(write.previous, write.value)
    if (!growth) continue
    allowed.add(write)
    most = { w: Math.max(most.w, growth.w), h: Math.max(most.h, growth.h) }
  }
  if (allowed.size === 0) return allowed
  for (const write of writes) {
    const shift = areaShift(write.previous, write.value)
    if (shift && shift.x <= most.w && shift.y <= most.h) allowed.add(write)
  }
  return allowed
}

/**
 * The same rule for a device's guard, which sees one change at a time in the order they are made
 * (the placement grows the area first, then moves the neighbours): `allows` says whether a change
 * is a growth or a shift within the growths seen so far; `reset` once that change is over.
 */
export function growthInOperation(): { allows(previous: unknown, next: unknown): boolean; reset(): void } {
  let most = { w: 0, h: 0 }
  return {
    allows(previous, next) {
      const growth = areaGrowth(previous, next)
      if (growth) {
        most = { w: Math.max(most.w, growth.w), h: Math.max(most.h, growth.h) }
        return true
      }
      const shift = areaShift(previous, next)
      return shift !== null && (most.w > 0 || most.h > 0) && shift.x <= most.w && shift.y <= most.h
    },
    reset() {
      most = { w: 0, h: 0 }
    },
  }
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
