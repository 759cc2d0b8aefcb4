/**
 * Before a conference's data is deleted, the server closes what it holds of it in memory: the
 * board's room (so no edit and no unload writes it back) and every connected client (told, with
 * 4404 `conference deleted`). Route handlers run in Next's module graph, the server in its own, so
 * the server registers its closer on globalThis (as live events do). Where no server runs (the
 * CLI, a test without one) there is nothing to close; other instances close theirs on the live
 * event `conference.deleted` (REDIS_URL), a lone server elsewhere within REVOCATION_POLL_MS
 * (server/retention.ts).
 */
export type LiveConferenceCloser = (conferenceId: string) => Promise<void>

const KEY = Symbol.for('kring.liveConferenceCloser')

function holder(): Record<symbol, LiveConferenceCloser | undefined> {
  return globalThis as unknown as Record<symbol, LiveConferenceCloser | undefined>
}

/** The server's closer; returns a function that unregisters it. */
export function registerLiveConferenceCloser(closer: LiveConferenceCloser): () => void {
  holder()[KEY] = closer
  return () => {
    if (holder()[KEY] === closer) holder()[KEY] = undefined
  }
}

export async function closeLiveConference(conferenceId: string): Promise<void> {
  await holder()[KEY]?.(conferenceId)
}
