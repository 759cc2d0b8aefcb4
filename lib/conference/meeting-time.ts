/**
 * The meeting's date and start time are entered as Dutch wall-clock time (the conference is held
 * in the Netherlands, whatever the time zone of the relative joining from abroad). These turn
 * them into an instant, so a calendar entry shows the right hour in Casablanca or Warsaw.
 */
export const MEETING_TIME_ZONE = 'Europe/Amsterdam'

/** Minutes the zone is ahead of UTC at `instant`. */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant))
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'))
  return Math.round((wall - instant) / 60_000)
}

/** The instant of `date` (YYYY-MM-DD) at `time` (HH:MM) on the clocks of `timeZone`. */
export function wallTimeToInstant(date: string, time: string, timeZone = MEETING_TIME_ZONE): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const [hh, mm] = time.split(':').map(Number) as [number, number]
  const asUtc = Date.UTC(y, m - 1, d, hh, mm)
  // The offset at the guess, then again at the corrected instant (they differ only around a DST switch).
  const first = asUtc - offsetMinutes(asUtc, timeZone) * 60_000
  return new Date(asUtc - offsetMinutes(first, timeZone) * 60_000)
}
