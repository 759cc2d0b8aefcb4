/** The selection outline of a rectangular item: its rounded card shape, drawn by tldraw's canvas. */
export function roundedRectPath(w: number, h: number, radius = 12): Path2D {
  const path = new Path2D()
  path.roundRect(0, 0, w, h, Math.min(radius, w / 2, h / 2))
  return path
}
