/** The clock a throttle runs on; injectable so tests control time instead of sleeping. */
export interface ThrottleClock {
  now(): number
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export const systemClock: ThrottleClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export interface Throttled<A extends unknown[]> {
  (...args: A): void
  /** Drop a pending trailing call. */
  cancel(): void
}

/**
 * Call `fn` at most `maxPerSecond` times in any second: the first call runs at once, calls within
 * the interval after it collapse into one trailing call with the latest arguments, so the last
 * state is never lost (a cursor comes to rest where it really stopped).
 */
export function throttlePerSecond<A extends unknown[]>(
  fn: (...args: A) => void,
  maxPerSecond: number,
  clock: ThrottleClock = systemClock,
): Throttled<A> {
  if (!(maxPerSecond > 0)) throw new Error('maxPerSecond must be positive')
  // Rounded up, so that maxPerSecond runs never fit in less than a second.
  const intervalMs = Math.ceil(1000 / maxPerSecond)
  let lastRun = -Infinity
  let pending: { args: A } | null = null
  let timer: unknown = null

  const run = (args: A) => {
    lastRun = clock.now()
    fn(...args)
  }

  const fireTrailing = () => {
    timer = null
    if (!pending) return
    const { args } = pending
    pending = null
    run(args)
  }

  const throttled = ((...args: A) => {
    const wait = lastRun + intervalMs - clock.now()
    if (wait <= 0 && timer === null) {
      run(args)
      return
    }
    pending = { args }
    if (timer === null) timer = clock.setTimeout(fireTrailing, Math.max(0, wait))
  }) as Throttled<A>

  throttled.cancel = () => {
    if (timer !== null) clock.clearTimeout(timer)
    timer = null
    pending = null
  }
  return throttled
}
