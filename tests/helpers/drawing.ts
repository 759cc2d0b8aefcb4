import { b64Vecs } from '@tldraw/tlschema'
import { shapeOnPage } from './board-records'

/** A point of a pen stroke: the n-th pointer move along a gentle curve. */
export function strokePoint(n: number, origin = { x: 100, y: 100 }): { x: number; y: number; z: number } {
  return { x: origin.x + n * 3.1, y: origin.y + Math.sin(n / 6) * 40, z: 0.5 }
}

/**
 * A tldraw draw shape (the pen) through these points, as tldraw writes it: the points in one free
 * segment (base64, a full first point then half-precision steps), the shape at the first point.
 */
export function drawShape(id: string, points: { x: number; y: number; z: number }[], isComplete = false) {
  const first = points[0] ?? { x: 0, y: 0, z: 0.5 }
  const relative = points.map((p) => ({ x: p.x - first.x, y: p.y - first.y, z: p.z }))
  return {
    ...shapeOnPage(id, 'draw', {
      color: 'black',
      fill: 'none',
      dash: 'draw',
      size: 'm',
      segments: [{ type: 'free', path: b64Vecs.encodePoints(relative) }],
      isComplete,
      isClosed: false,
      isPen: false,
      scale: 1,
      scaleX: 1,
      scaleY: 1,
    }),
    x: first.x,
    y: first.y,
  }
}
