/** 2D affine transforms and boxes, just enough to place tldraw shapes on the page. */

export interface Point {
  x: number
  y: number
}

export interface Box {
  x: number
  y: number
  w: number
  h: number
}

/** SVG's matrix(a b c d e f): x' = a·x + c·y + e, y' = b·x + d·y + f. */
export interface Matrix {
  a: number
  b: number
  c: number
  d: number
  e: number
  f: number
}

export const IDENTITY: Matrix = { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 }

/** A shape's own transform within its parent: translate to (x, y), then rotate. */
export function shapeMatrix(x: number, y: number, rotation: number): Matrix {
  const cos = Math.cos(rotation)
  const sin = Math.sin(rotation)
  return { a: cos, b: sin, c: -sin, d: cos, e: x, f: y }
}

/** `outer` applied after `inner`. */
export function multiply(outer: Matrix, inner: Matrix): Matrix {
  return {
    a: outer.a * inner.a + outer.c * inner.b,
    b: outer.b * inner.a + outer.d * inner.b,
    c: outer.a * inner.c + outer.c * inner.d,
    d: outer.b * inner.c + outer.d * inner.d,
    e: outer.a * inner.e + outer.c * inner.f + outer.e,
    f: outer.b * inner.e + outer.d * inner.f + outer.f,
  }
}

export function apply(m: Matrix, p: Point): Point {
  return { x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f }
}

export function invert(m: Matrix): Matrix {
  const det = m.a * m.d - m.b * m.c || 1
  return {
    a: m.d / det,
    b: -m.b / det,
    c: -m.c / det,
    d: m.a / det,
    e: (m.c * m.f - m.d * m.e) / det,
    f: (m.b * m.e - m.a * m.f) / det,
  }
}

/** The axis-aligned box around a local box after a transform. */
export function transformBox(m: Matrix, box: Box): Box {
  return boxOf([
    apply(m, { x: box.x, y: box.y }),
    apply(m, { x: box.x + box.w, y: box.y }),
    apply(m, { x: box.x, y: box.y + box.h }),
    apply(m, { x: box.x + box.w, y: box.y + box.h }),
  ])
}

export function boxOf(points: Point[]): Box {
  if (points.length === 0) return { x: 0, y: 0, w: 0, h: 0 }
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const p of points) {
    minX = Math.min(minX, p.x)
    minY = Math.min(minY, p.y)
    maxX = Math.max(maxX, p.x)
    maxY = Math.max(maxY, p.y)
  }
  return { x: minX, y: minY, w: maxX - minX, h: maxY - minY }
}

export function unionBoxes(boxes: Box[]): Box | null {
  if (boxes.length === 0) return null
  return boxOf(boxes.flatMap((b) => [{ x: b.x, y: b.y }, { x: b.x + b.w, y: b.y + b.h }]))
}

export function matrixAttr(m: Matrix): string {
  const n = (v: number) => round(v)
  return `matrix(${n(m.a)} ${n(m.b)} ${n(m.c)} ${n(m.d)} ${n(m.e)} ${n(m.f)})`
}

/** Numbers in the SVG: two decimals are plenty and keep the file small. */
export function round(value: number): number {
  return Math.round(value * 100) / 100
}

/**
 * Where the ray from `from` towards `to` (the centre of a local box or ellipse) first crosses
 * its outline, in the box's local space; `to` itself when `from` is inside.
 */
export function clipToOutline(from: Point, to: Point, box: Box, ellipse: boolean): Point {
  const dx = to.x - from.x
  const dy = to.y - from.y
  if (dx === 0 && dy === 0) return to
  let best: number | null = null
  const consider = (t: number) => {
    if (t >= 0 && t <= 1 && (best === null || t < best)) best = t
  }
  if (ellipse) {
    const cx = box.x + box.w / 2
    const cy = box.y + box.h / 2
    const rx = box.w / 2 || 1
    const ry = box.h / 2 || 1
    const ox = (from.x - cx) / rx
    const oy = (from.y - cy) / ry
    const vx = dx / rx
    const vy = dy / ry
    const a = vx * vx + vy * vy
    const b = 2 * (ox * vx + oy * vy)
    const c = ox * ox + oy * oy - 1
    const disc = b * b - 4 * a * c
    if (disc >= 0 && c > 0) consider((-b - Math.sqrt(disc)) / (2 * a))
  } else {
    const inside = from.x > box.x && from.x < box.x + box.w && from.y > box.y && from.y < box.y + box.h
    if (!inside) {
      for (const [edge, horizontal] of [
        [box.x, false],
        [box.x + box.w, false],
        [box.y, true],
        [box.y + box.h, true],
      ] as const) {
        const t = horizontal ? (dy === 0 ? NaN : (edge - from.y) / dy) : dx === 0 ? NaN : (edge - from.x) / dx
        if (Number.isNaN(t)) continue
        const px = from.x + dx * t
        const py = from.y + dy * t
        const onEdge = horizontal ? px >= box.x - 0.01 && px <= box.x + box.w + 0.01 : py >= box.y - 0.01 && py <= box.y + box.h + 0.01
        if (onEdge) consider(t)
      }
    }
  }
  if (best === null) return to
  return { x: from.x + dx * best, y: from.y + dy * best }
}
