import { describe, expect, it } from 'vitest'
import { formatCountdown, phaseTimeLeft } from '../../lib/conference/facilitation-timer'

/**
 * The phase timer as the header and the facilitator's button show it: one choice of clock and
 * one formatter (they used to be two, in seconds and in milliseconds, rounding differently).
 */

const now = Date.parse('2026-03-01T10:00:00.000Z')
const noMessage = { endsAt: null, offsetMs: 0 }

describe('the phase timer', () => {
  it('reads a remaining time as a clock, rounding up so 0:00 means the time is really up', () => {
    expect(formatCountdown(245_000)).toBe('4:05')
    expect(formatCountdown(400)).toBe('0:01')
    expect(formatCountdown(0)).toBe('0:00')
    expect(formatCountdown(3_723_000)).toBe('1:02:03')
    expect(formatCountdown(12 * 60_000)).toBe('12:00')
  })

  it("counts on the server's clock once the facilitation tools report the timer", () => {
    // This device's clock is 30 s behind the server's: the server-corrected time wins over the conference state's.
    const message = { endsAt: '2026-03-01T10:05:00.000Z', offsetMs: 30_000 }
    expect(phaseTimeLeft(message, '2026-03-01T10:05:00.000Z', now)).toBe(270_000)
    expect(formatCountdown(phaseTimeLeft(message, null, now)!)).toBe('4:30')
  })

  it("falls back to the conference state's end on this device's clock", () => {
    expect(phaseTimeLeft(noMessage, '2026-03-01T10:04:05.000Z', now)).toBe(245_000)
    expect(phaseTimeLeft(noMessage, '2026-03-01T09:59:00.000Z', now)).toBe(0)
    expect(phaseTimeLeft(noMessage, null, now)).toBeNull()
    expect(phaseTimeLeft(noMessage, 'not a date', now)).toBeNull()
  })
})
