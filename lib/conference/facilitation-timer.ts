/**
 * The phase timer's arithmetic, pure. The server stores only when the timer runs out
 * (conferences.timer_ends_at); every client counts down to that moment on its own clock,
 * corrected by how far that clock is off the server's.
 */

export const MAX_TIMER_MINUTES = 240

/** When a timer of `minutes` set at `nowMs` runs out; null for 0 (the facilitator stops the timer). */
export function timerEndsAt(nowMs: number, minutes: number): string | null {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > MAX_TIMER_MINUTES) throw new RangeError('minutes out of range')
  return minutes === 0 ? null : new Date(nowMs + minutes * 60_000).toISOString()
}

/**
 * How far the server's clock is ahead of ours, from a message stamped with the server's time
 * and the moment it arrived here (network delay is small next to minutes, so it is ignored).
 */
export function clockOffsetMs(serverNowIso: string, receivedAtMs: number): number {
  const serverNow = Date.parse(serverNowIso)
  return Number.isFinite(serverNow) ? serverNow - receivedAtMs : 0
}

/** Milliseconds left, never below 0; null when no timer runs. */
export function remainingMs(endsAtIso: string | null, localNowMs: number, offsetMs = 0): number | null {
  if (endsAtIso === null) return null
  const endsAt = Date.parse(endsAtIso)
  if (!Number.isFinite(endsAt)) return null
  return Math.max(0, endsAt - (localNowMs + offsetMs))
}

/**
 * What the phase timer counts down to: the facilitation tools' `timer` message when it names
 * a running timer (the server's clock, so a device with a wrong clock still counts right),
 * else the conference state's `timerEndsAt` on this device's clock (the first moment after
 * loading, an older server). Null when no timer runs.
 */
export function phaseTimeLeft(message: { endsAt: string | null; offsetMs: number }, conferenceEndsAt: string | null, localNowMs: number): number | null {
  return message.endsAt !== null ? remainingMs(message.endsAt, localNowMs, message.offsetMs) : remainingMs(conferenceEndsAt, localNowMs)
}

/**
 * The countdown as people read it (the only formatter of a remaining time): "4:05", "0:09", "1:02:00". Rounded up to the whole second,
 * so the display shows 0:00 only when time is really up.
 */
export function formatCountdown(ms: number): string {
  const totalSeconds = Math.ceil(Math.max(0, ms) / 1000)
  const hours = Math.floor(totalSeconds / 3600)
  const minutes = Math.floor((totalSeconds % 3600) / 60)
  const seconds = totalSeconds % 60
  const ss = String(seconds).padStart(2, '0')
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`
}
