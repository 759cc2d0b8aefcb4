import { getCsrfToken } from 'next-auth/react'
import { z } from 'zod'

export type PasswordSignInOutcome =
  | { kind: 'signed-in' }
  | { kind: 'wrong-credentials' }
  | { kind: 'too-many-attempts'; retryAfterSeconds: number }
  | { kind: 'failed' }

/** next-auth's answer to `json: true`: where it would have redirected (`?error=…` on failure). */
const CallbackAnswer = z.object({ url: z.string() })

/**
 * Email and password to next-auth's credentials callback, as next-auth's own `signIn()` sends
 * them (form body with its CSRF token and `json: true`). Done here rather than through `signIn()`
 * because that drops the status and headers: a 429 from the sign-in throttle comes with
 * Retry-After, which the form turns into "try again in N minutes".
 */
export async function signInWithPassword({ email, password, callbackUrl }: { email: string; password: string; callbackUrl: string }): Promise<PasswordSignInOutcome> {
  const csrfToken = await getCsrfToken()
  if (!csrfToken) return { kind: 'failed' }
  const response = await fetch('/api/auth/callback/credentials', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl, json: 'true' }),
  })
  if (response.status === 429) return { kind: 'too-many-attempts', retryAfterSeconds: retryAfterSeconds(response.headers.get('Retry-After')) }
  const answer = CallbackAnswer.safeParse(await response.json().catch(() => null))
  const target = answer.success ? new URL(answer.data.url, window.location.origin) : null
  const error = target?.searchParams.get('error')
  if (error === 'CredentialsSignin') return { kind: 'wrong-credentials' }
  // A stale CSRF token comes back as a redirect to next-auth's sign-in page, not as an error.
  if (response.ok && target && !error && !target.searchParams.has('csrf')) return { kind: 'signed-in' }
  return { kind: 'failed' }
}

/** Retry-After in seconds (Kring sends seconds; an HTTP date is accepted too); a minute when absent. */
function retryAfterSeconds(header: string | null): number {
  if (header === null) return 60
  if (/^\d+$/.test(header.trim())) return Number(header)
  const at = Date.parse(header)
  return Number.isFinite(at) ? Math.max(1, Math.ceil((at - Date.now()) / 1000)) : 60
}
