/**
 * Where things sit on a 0–10 scale (`kring-scale`, 560 wide by default) and its marks, in the
 * scale's own coordinates. A mark's position follows from its value: x from the value, y from
 * the first free lane under the axis, so marks with the same or a close value stack instead of
 * hiding each other. Only a mark's owner moves it (lib/board/ownership.ts); others never change.
 */

export const SCALE_PAD_X = 40
/** The axis line, with the question above it and the tick numbers just above the line. */
export const SCALE_AXIS_Y = 76
export const MARK_H = 48
const MARK_MIN_W = 88
const MARK_MAX_W = 200

/** A mark is as wide as its name needs (the value, then the name in 15 px bold), within bounds. */
export function markWidthFor(name: string): number {
  return Math.round(Math.min(MARK_MAX_W, Math.max(MARK_MIN_W, 54 + [...name].length * 9)))
}
const LANE_GAP = 6
const LANE_STEP = MARK_H + LANE_GAP
/** A scale made from the palette: room for three lanes of marks under the axis. */
export const NEW_SCALE_SIZE = { w: 560, h: SCALE_AXIS_Y + 3 * LANE_STEP + 8 }

export interface MarkBox {
  x: number
  y: number
  w: number
}

export function axisX(scaleW: number, value: number): number {
  return SCALE_PAD_X + (value * (scaleW - 2 * SCALE_PAD_X)) / 10
}

/** The nearest whole value 0..10 for a mark whose centre is at `centerX`. */
export function valueAt(scaleW: number, centerX: number): number {
  const step = (scaleW - 2 * SCALE_PAD_X) / 10
  const value = Math.round((centerX - SCALE_PAD_X) / step)
  return Math.min(10, Math.max(0, Number.isFinite(value) ? value : 5))
}

export function markXFor(scaleW: number, value: number, markW: number): number {
  return axisX(scaleW, value) - markW / 2
}

export function laneY(lane: number): number {
  return SCALE_AXIS_Y + lane * LANE_STEP
}

function laneOf(y: number): number {
  return Math.max(0, Math.round((y - SCALE_AXIS_Y) / LANE_STEP))
}

/** The first lane where a mark at `x` (width `w`) overlaps none of the others. */
export function freeLane(others: readonly MarkBox[], x: number, w: number): number {
  const taken = new Set(others.filter((other) => other.x < x + w && x < other.x + other.w).map((other) => laneOf(other.y)))
  let lane = 0
  while (taken.has(lane)) lane++
  return lane
}

/**
 * Put a mark where its value says. `moved` says what the person did: dragged it (the value follows
 * from where it was dropped) or chose a value (the position follows from the value).
 */
export function placeMark(
  scaleW: number,
  mark: { x: number; w: number; value: number },
  others: readonly MarkBox[],
  moved: 'dragged' | 'valued',
): { x: number; y: number; value: number } {
  const value = moved === 'dragged' ? valueAt(scaleW, mark.x + mark.w / 2) : Math.min(10, Math.max(0, Math.round(mark.value)))
  const x = markXFor(scaleW, value, mark.w)
  return { x, y: laneY(freeLane(others, x, mark.w)), value }
}
