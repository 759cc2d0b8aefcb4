/**
 * Run `task` now, or, when a run is already under way, once more right after it, however
 * many times it was asked for meanwhile. Every caller's promise settles after a run that
 * started after its call, so nobody sees state older than their request. Used for roster
 * reloads, which a reconnect flood would otherwise multiply.
 */
export function coalesce(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null
  let again = false
  const loop = async () => {
    // A failed run does not swallow a rerun that was asked for meanwhile; the last outcome counts.
    let failure: { error: unknown } | null = null
    do {
      again = false
      try {
        await task()
        failure = null
      } catch (error) {
        failure = { error }
      }
    } while (again)
    if (failure) throw failure.error
  }
  return () => {
    if (running) {
      again = true
      return running
    }
    running = loop().finally(() => {
      running = null
    })
    return running
  }
}
