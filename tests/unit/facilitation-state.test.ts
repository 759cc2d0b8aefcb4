import { describe, expect, it } from 'vitest'
import { followReducer, followsLeader, isFollower, notFollowing, sameBox, type FollowView } from '../../lib/conference/facilitation-follow'
import { clearHands, keepHands, lowerHand, placeInQueue, raiseHand, type HandQueue } from '../../lib/conference/facilitation-hands'
import { clockOffsetMs, formatCountdown, remainingMs, timerEndsAt } from '../../lib/conference/facilitation-timer'

const at = (second: number) => new Date(Date.UTC(2026, 2, 1, 10, 0, second)).toISOString()
const ids = (queue: HandQueue) => queue.map((hand) => hand.participantId)

describe('raised hands', () => {
  it('queues hands in the order they went up', () => {
    let queue: HandQueue = []
    queue = raiseHand(queue, 'sanne', at(1)).queue
    queue = raiseHand(queue, 'amira', at(2)).queue
    queue = raiseHand(queue, 'jan', at(3)).queue
    expect(ids(queue)).toEqual(['sanne', 'amira', 'jan'])
    expect(placeInQueue(queue, 'amira')).toBe(2)
    expect(placeInQueue(queue, 'nobody')).toBeNull()
  })

  it('keeps your place when you press twice, and tells nobody', () => {
    const first = raiseHand(raiseHand([], 'sanne', at(1)).queue, 'amira', at(2)).queue
    const again = raiseHand(first, 'sanne', at(5))
    expect(again.changed).toBe(false)
    expect(again.queue).toBe(first)
    expect(again.queue[0]).toEqual({ participantId: 'sanne', raisedAt: at(1) })
  })

  it('lowers one hand and keeps the others in order', () => {
    const queue = ['a', 'b', 'c'].reduce<HandQueue>((q, id, i) => raiseHand(q, id, at(i)).queue, [])
    const step = lowerHand(queue, 'b')
    expect(step.changed).toBe(true)
    expect(ids(step.queue)).toEqual(['a', 'c'])
    expect(lowerHand(step.queue, 'b').changed).toBe(false)
  })

  it('clears one person or everyone', () => {
    const queue = ['a', 'b'].reduce<HandQueue>((q, id, i) => raiseHand(q, id, at(i)).queue, [])
    expect(ids(clearHands(queue, 'a').queue)).toEqual(['b'])
    expect(clearHands(queue).queue).toEqual([])
    expect(clearHands([]).changed).toBe(false)
  })

  it('keeps only the hands that may stay up (someone left, or may no longer raise one)', () => {
    const queue = ['a', 'b', 'c'].reduce<HandQueue>((q, id, i) => raiseHand(q, id, at(i)).queue, [])
    const step = keepHands(queue, (hand) => hand.participantId !== 'a')
    expect(ids(step.queue)).toEqual(['b', 'c'])
    expect(keepHands(queue, () => true)).toEqual({ queue, changed: false })
  })
})

describe('phase timer', () => {
  const now = Date.UTC(2026, 2, 1, 10, 0, 0)

  it('runs out the given minutes from now, and 0 stops it', () => {
    expect(timerEndsAt(now, 15)).toBe(new Date(now + 15 * 60_000).toISOString())
    expect(timerEndsAt(now, 0)).toBeNull()
    expect(() => timerEndsAt(now, 241)).toThrow(RangeError)
    expect(() => timerEndsAt(now, 1.5)).toThrow(RangeError)
  })

  it('counts down on a device whose clock is off, corrected by the server time', () => {
    const endsAt = timerEndsAt(now, 10)
    // This device's clock is 2 minutes behind: the server said "now" when we thought now - 2 min.
    const localNow = now - 120_000
    const offset = clockOffsetMs(new Date(now).toISOString(), localNow)
    expect(offset).toBe(120_000)
    expect(remainingMs(endsAt, localNow, offset)).toBe(10 * 60_000)
    expect(remainingMs(endsAt, localNow + 60_000, offset)).toBe(9 * 60_000)
  })

  it('never shows less than nothing, and nothing when no timer runs', () => {
    expect(remainingMs(timerEndsAt(now, 1), now + 5 * 60_000)).toBe(0)
    expect(remainingMs(null, now)).toBeNull()
    expect(clockOffsetMs('not a date', now)).toBe(0)
  })

  it('reads like a clock, rounding up to the whole second', () => {
    expect(formatCountdown(4 * 60_000 + 5_000)).toBe('4:05')
    expect(formatCountdown(8_200)).toBe('0:09')
    expect(formatCountdown(0)).toBe('0:00')
    expect(formatCountdown(62 * 60_000)).toBe('1:02:00')
    expect(formatCountdown(-5)).toBe('0:00')
  })
})

describe('follow me on a device', () => {
  const viewport = { x: 0, y: 0, w: 800, h: 600 }
  const leading = (box = viewport): FollowView => followReducer(notFollowing, { type: 'message', message: { leader: 'fenna', viewport: box } })

  it('follows the leader until stepping out, and again after rejoining', () => {
    const following = leading()
    expect(isFollower(following, 'sanne')).toBe(true)
    expect(followsLeader(following, 'sanne')).toBe(true)
    const out = followReducer(following, { type: 'step-out' })
    expect(followsLeader(out, 'sanne')).toBe(false)
    expect(isFollower(out, 'sanne')).toBe(true)
    // New viewports keep coming, but someone who stepped out stays out.
    const moved = followReducer(out, { type: 'message', message: { leader: 'fenna', viewport: { ...viewport, x: 500 } } })
    expect(moved.steppedOut).toBe(true)
    expect(moved.viewport?.x).toBe(500)
    expect(followsLeader(followReducer(moved, { type: 'rejoin' }), 'sanne')).toBe(true)
  })

  it('never follows oneself', () => {
    expect(followsLeader(leading(), 'fenna')).toBe(false)
    expect(isFollower(leading(), 'fenna')).toBe(false)
  })

  it('brings everyone along again when a new round of following starts', () => {
    const out = followReducer(leading(), { type: 'step-out' })
    const stopped = followReducer(out, { type: 'message', message: { leader: null, viewport: null } })
    expect(stopped).toEqual(notFollowing)
    expect(followReducer(stopped, { type: 'step-out' })).toBe(stopped)
    expect(followsLeader(followReducer(stopped, { type: 'message', message: { leader: 'fenna', viewport } }), 'sanne')).toBe(true)
  })

  it('treats a camera that moved less than a pixel as not moved', () => {
    expect(sameBox(viewport, { ...viewport, x: 0.2 })).toBe(true)
    expect(sameBox(viewport, { ...viewport, w: 801 })).toBe(false)
    expect(sameBox(null, null)).toBe(true)
    expect(sameBox(viewport, null)).toBe(false)
  })
})
