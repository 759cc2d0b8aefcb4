import { describe, expect, it } from 'vitest'
import { axisX, freeLane, laneY, markWidthFor, markXFor, placeMark, valueAt } from '../../client/board/canvas/scale-layout'

/** Where a mark lands on a 0–10 scale: on a whole value, under the axis, never hiding another mark. */
describe('scale layout', () => {
  const W = 560

  it('snaps a dropped mark to the nearest whole value, within 0 to 10', () => {
    expect(valueAt(W, axisX(W, 7) + 10)).toBe(7)
    expect(valueAt(W, axisX(W, 7) + 30)).toBe(8)
    expect(valueAt(W, -500)).toBe(0)
    expect(valueAt(W, 5000)).toBe(10)
  })

  it('centres a mark on its value', () => {
    const w = 100
    expect(markXFor(W, 3, w) + w / 2).toBe(axisX(W, 3))
  })

  it('puts a mark that would cover another in the next lane down', () => {
    const w = 100
    const first = placeMark(W, { x: 0, w, value: 5 }, [], 'valued')
    expect(first.y).toBe(laneY(0))
    const second = placeMark(W, { x: 0, w, value: 5 }, [{ x: first.x, y: first.y, w }], 'valued')
    expect(second.y).toBe(laneY(1))
    const far = placeMark(W, { x: 0, w, value: 0 }, [{ x: first.x, y: first.y, w }], 'valued')
    expect(far.y).toBe(laneY(0))
  })

  it('takes the value from where a mark was dragged to', () => {
    const w = 100
    const placed = placeMark(W, { x: axisX(W, 2) - w / 2 + 5, w, value: 9 }, [], 'dragged')
    expect(placed.value).toBe(2)
    expect(placed.x).toBe(markXFor(W, 2, w))
  })

  it('finds the first free lane among several', () => {
    const boxes = [0, 1, 3].map((lane) => ({ x: 100, y: laneY(lane), w: 100 }))
    expect(freeLane(boxes, 120, 100)).toBe(2)
  })

  it('makes a mark wide enough for a name, within bounds', () => {
    expect(markWidthFor('Jo')).toBeLessThan(markWidthFor('Fenna de Vries'))
    expect(markWidthFor('x'.repeat(80))).toBeLessThanOrEqual(200)
  })
})
