import { describe, expect, it } from 'vitest'
import { MAX_PRESENCE_UPDATES_PER_SECOND } from '../../lib/sync/presence'
import { throttlePerSecond } from '../../lib/sync/throttle'
import { manualClock } from './presence-clock'

/** Cursors move at pointer rate (60–120 Hz); the network must see at most 15 updates a second. */
describe('presence throttle', () => {
  function moveCursorFor(seconds: number, eventsPerSecond: number) {
    const clock = manualClock()
    const sent: { at: number; x: number }[] = []
    const send = throttlePerSecond((x: number) => sent.push({ at: clock.now(), x }), MAX_PRESENCE_UPDATES_PER_SECOND, clock)
    const step = 1000 / eventsPerSecond
    let x = 0
    for (let t = 0; t < seconds * 1000; t += step) {
      send(++x)
      clock.advance(step)
    }
    clock.advance(1000)
    return { sent, lastX: x }
  }

  it('sends at most 15 updates in any second of continuous movement', () => {
    const { sent } = moveCursorFor(10, 120)
    expect(MAX_PRESENCE_UPDATES_PER_SECOND).toBe(15)
    for (const first of sent) {
      const inWindow = sent.filter((s) => s.at >= first.at && s.at < first.at + 1000)
      expect(inWindow.length).toBeLessThanOrEqual(15)
    }
    // …and does not starve either: close to the cap while the cursor moves.
    expect(sent.length).toBeGreaterThanOrEqual(140)
  })

  it('always delivers where the cursor came to rest', () => {
    const { sent, lastX } = moveCursorFor(0.5, 100)
    expect(sent.at(-1)?.x).toBe(lastX)
  })

  it('sends a lone update at once', () => {
    const clock = manualClock()
    const sent: number[] = []
    const send = throttlePerSecond((n: number) => sent.push(n), 15, clock)
    send(1)
    expect(sent).toEqual([1])
    clock.advance(5_000)
    send(2)
    expect(sent).toEqual([1, 2])
  })

  it('drops a pending update when cancelled', () => {
    const clock = manualClock()
    const sent: number[] = []
    const send = throttlePerSecond((n: number) => sent.push(n), 15, clock)
    send(1)
    send(2)
    send.cancel()
    clock.advance(1_000)
    expect(sent).toEqual([1])
  })
})
