import type { Content } from 'pdfmake/interfaces'

/**
 * A PDF in a right-to-left language (the family's copy in Arabic) read from the right: pdfmake
 * lays everything out left to right, so the finished content is mirrored here, once, instead of
 * in every section. Text starts on the right; table columns and rows of columns run from the
 * right (their widths, borders and paddings with them); left and right margins swap; bullet lists
 * hang their bullets on the right; drawn bars grow from the right. The order of the letters and
 * words inside each text is the job of text/runs.ts (the Unicode bidi algorithm), as in any PDF.
 */

type Node = Record<string, unknown>
type LayoutFn = (i: number, node: { table: { widths: unknown[] } }) => number
const DEFAULT_PADDING = 4

export function mirrorForRightToLeft(content: Content[]): Content[] {
  return content.map((node) => mirrorNode(node)) as Content[]
}

function mirrorNode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(mirrorNode)
  if (value === null || typeof value !== 'object') return value
  const node = { ...(value as Node) }
  if (Array.isArray(node.margin) && node.margin.length === 4) {
    const [left, top, right, bottom] = node.margin as number[]
    node.margin = [right, top, left, bottom]
  }
  // A text node: its runs stay as they are (already in visual order), it starts on the right.
  if ('text' in node) {
    if (node.alignment === undefined || node.alignment === 'left') node.alignment = 'right'
    return node
  }
  if (Array.isArray(node.ul)) {
    const items = node.ul as unknown[]
    delete node.ul
    // Written left to right like every node here; the columns are reversed just below with the rest.
    node.stack = items.map((item) => ({ columns: [{ width: 12, text: '•' }, { width: '*', stack: [item] }] }))
  }
  if (Array.isArray(node.stack)) node.stack = (node.stack as unknown[]).map(mirrorNode)
  if (Array.isArray(node.columns)) node.columns = (node.columns as unknown[]).map(mirrorNode).reverse()
  if (Array.isArray(node.canvas)) node.canvas = mirrorCanvas(node.canvas as Node[])
  if (node.table && typeof node.table === 'object') {
    const table = { ...(node.table as Node) }
    if (Array.isArray(table.widths)) table.widths = [...(table.widths as unknown[])].reverse()
    if (Array.isArray(table.body)) table.body = (table.body as unknown[][]).map((row) => row.map(mirrorNode).reverse())
    node.table = table
    if (node.layout && typeof node.layout === 'object') node.layout = mirrorLayout(node.layout as Record<string, unknown>)
  }
  return node
}

/** Vertical lines counted from the other side; each column's left padding becomes its right one. */
function mirrorLayout(layout: Record<string, unknown>): Record<string, unknown> {
  const mirrored = { ...layout }
  const columns = (node: { table: { widths: unknown[] } }) => node.table.widths.length
  for (const key of ['vLineWidth', 'vLineColor', 'vLineStyle'] as const) {
    const original = layout[key] as LayoutFn | undefined
    if (original) mirrored[key] = (i: number, node: { table: { widths: unknown[] } }) => original(columns(node) - i, node)
  }
  const left = layout.paddingLeft as LayoutFn | undefined
  const right = layout.paddingRight as LayoutFn | undefined
  if (left || right) {
    mirrored.paddingLeft = (i: number, node: { table: { widths: unknown[] } }) => (right ? right(columns(node) - 1 - i, node) : DEFAULT_PADDING)
    mirrored.paddingRight = (i: number, node: { table: { widths: unknown[] } }) => (left ? left(columns(node) - 1 - i, node) : DEFAULT_PADDING)
  }
  return mirrored
}

/** Rectangles (the scale's bars) drawn from the right edge of the drawing. */
function mirrorCanvas(shapes: Node[]): Node[] {
  const width = Math.max(0, ...shapes.map((shape) => (typeof shape.x === 'number' && typeof shape.w === 'number' ? shape.x + shape.w : 0)))
  return shapes.map((shape) => (typeof shape.x === 'number' && typeof shape.w === 'number' ? { ...shape, x: width - shape.x - shape.w } : shape))
}
