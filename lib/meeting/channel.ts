export type Unsubscribe = () => void

/**
 * A tiny typed event channel. With `replay`, a late subscriber is called at once with the
 * latest value, so a view that mounts after the roster arrived still shows it.
 */
export function createChannel<T>({ replay }: { replay: boolean }) {
  const listeners = new Set<(value: T) => void>()
  let latest: T | undefined
  return {
    subscribe(listener: (value: T) => void): Unsubscribe {
      listeners.add(listener)
      if (replay && latest !== undefined) listener(latest)
      return () => {
        listeners.delete(listener)
      }
    },
    emit(value: T): void {
      if (replay) latest = value
      // A copy, so a listener may unsubscribe (or subscribe) while being called.
      for (const listener of [...listeners]) listener(value)
    },
    latest(): T | undefined {
      return latest
    },
  }
}
