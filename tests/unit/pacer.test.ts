import { describe, expect, it } from 'vitest'
import { pacer } from '../../lib/sync/throttle'
import { manualClock } from './presence-clock'

describe('pacer', () => {
  it('runs at once when the interval has passed, collapses requests, and an urgent request is not held back by a lazy one', () => {
    const clock = manualClock()
    const runs: number[] = []
    const paced = pacer(() => runs.push(clock.now()), clock)
    const start = clock.now()
    paced(125)
    expect(runs).toEqual([start])
    // Lazy requests (a cursor) collapse into one, 125 ms after the last run.
    paced(125)
    clock.advance(10)
    paced(125)
    clock.advance(50)
    expect(runs).toHaveLength(1)
    // An urgent one (a selection) brings it forward to 67 ms after the last run.
    paced(67)
    clock.advance(10)
    expect(runs).toEqual([start, start + 67])
    clock.advance(1_000)
    expect(runs).toHaveLength(2)
    paced(125)
    paced.flush()
    expect(runs).toHaveLength(3)
    paced(125)
    paced.cancel()
    clock.advance(1_000)
    expect(runs).toHaveLength(3)
  })
})
