import { describe, expect, it } from 'vitest'
import { currentPeriod, periodDays } from '@/lib/plan/follow-up/periods'

describe('periodDays: the rhythm of asking', () => {
  it.each([
    ['elke woensdag', 7],
    ['elke dag', 7],
    ['elke schooldag 7:30', 7],
    ['om de week', 14],
    ['every other weekend', 14],
    ['een keer per maand', 28],
    ['om de drie maanden', 84],
    ['jaarlijks', 182],
    ['als het nodig is', 7],
    ['', 7],
  ])('%s → every %i days', (when, days) => {
    expect(periodDays(when)).toBe(days)
  })
})

describe('currentPeriod', () => {
  const frozenAt = '2026-03-03T19:45:00.000Z'
  it('starts at midnight of the day the plan was agreed', () => {
    expect(currentPeriod(frozenAt, 7, new Date('2026-03-03T20:00:00.000Z'))).toEqual({
      index: 0,
      start: new Date('2026-03-03T00:00:00.000Z'),
      end: new Date('2026-03-10T00:00:00.000Z'),
    })
  })
  it('counts whole periods', () => {
    expect(currentPeriod(frozenAt, 7, new Date('2026-03-17T00:00:00.000Z')).index).toBe(2)
    expect(currentPeriod(frozenAt, 14, new Date('2026-03-16T23:59:59.000Z')).index).toBe(0)
  })
  it('is the first period for a clock a little behind', () => {
    expect(currentPeriod(frozenAt, 7, new Date('2026-03-02T23:00:00.000Z')).index).toBe(0)
  })
})
