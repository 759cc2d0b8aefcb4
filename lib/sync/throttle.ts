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

export interface Pacer {
  /** Ask for a run no sooner than `intervalMs` after the last one (at once if that has passed). */
  (intervalMs: number): void
  /** Run a pending request now. */
  flush(): void
  /** Drop a pending request. */
  cancel(): void
}

/**
 * Like throttlePerSecond, but each request says how long after the last run it may go: requests
 * between runs collapse into one, due at the shortest interval any of them asked for, so an urgent
 * change is not held back behind a lazy one (presence: a selection at once, a cursor at a low rate).
 * `fn` reads the latest state itself when it runs, so the last state always goes out.
 */
export function pacer(fn: () => void, clock: ThrottleClock = systemClock): Pacer {
  let lastRun = -Infinity
  let timer: unknown = null
  let dueAt = Infinity

  const run = () => {
    if (timer !== null) clock.clearTimeout(timer)
    timer = null
    dueAt = Infinity
    lastRun = clock.now()
    fn()
  }

  const paced = ((intervalMs: number) => {
    const at = lastRun + intervalMs
    const now = clock.now()
    if (at <= now && timer === null) return run()
    if (at >= dueAt) return
    if (timer !== null) clock.clearTimeout(timer)
    dueAt = at
    timer = clock.setTimeout(run, Math.max(0, at - now))
  }) as Pacer

  paced.flush = () => {
    if (timer !== null) run()
  }
  paced.cancel = () => {
    if (timer !== null) clock.clearTimeout(timer)
    timer = null
    dueAt = Infinity
  }
  return paced
}
