import type { IncomingMessage } from 'node:http'

/**
 * Which browser pages may open the meeting socket: only Kring's own (the origin of PUBLIC_URL).
 * Requests without an Origin header come from non-browser clients (the CLI, tests, native
 * apps); they carry no ambient cookies we rely on and still have to present a token, so they
 * pass. A page on another site, or `Origin: null` (sandboxed frames, file://), is refused.
 * This stands in for CORS, which stays off: nothing cross-origin is ever allowed.
 */
export function isAllowedOrigin(origin: string | undefined, publicUrl: string): boolean {
  if (origin === undefined) return true
  const own = originOf(publicUrl)
  return own !== null && originOf(origin) === own
}

/** socket.io's `allowRequest` hook: refuse foreign origins, and everything once shutting down. */
export function createAllowRequest(publicUrl: string, isClosing: () => boolean) {
  return (req: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void): void => {
    if (isClosing()) return callback('server shutting down', false)
    if (!isAllowedOrigin(req.headers.origin, publicUrl)) return callback('origin not allowed', false)
    callback(null, true)
  }
}

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url)
    // `new URL('null').origin` would throw; opaque origins ("null" string) land in catch.
    return parsed.origin === 'null' ? null : parsed.origin
  } catch {
    return null
  }
}
