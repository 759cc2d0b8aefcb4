import { errorResponse } from '@/lib/server/web/route'
import { getLoginThrottle } from '@/lib/server/auth/login-throttle'
import { CredentialsInput } from '@/lib/server/auth/sign-in'
import { clientAddressFromHeaders } from '@/lib/server/http/client-address'
import { API_BODY_LIMIT_BYTES, BodyTooLargeError, readLimitedText } from '@/lib/server/http/read-limited'
import { ApiError } from '@/lib/protocol/api-error'

/** The path segments of next-auth's email-and-password sign-in: POST /api/auth/callback/credentials. */
export function isCredentialsSignIn(method: string, segments: string[] | undefined): boolean {
  return method === 'POST' && segments?.length === 2 && segments[0] === 'callback' && segments[1] === 'credentials'
}

/**
 * next-auth's `authorize` can only say yes or no, never "wait": so the sign-in throttle
 * (lib/server/auth/login-throttle.ts) is asked here first, and a refused attempt gets a 429 with
 * Retry-After without next-auth (or scrypt) running. The email is read from a clone of the
 * request, so next-auth still reads the body itself.
 */
export async function refuseThrottledSignIn(req: Request): Promise<Response | null> {
  let body: string
  try {
    body = await readLimitedText(req.clone().body, req.headers.get('content-length'), API_BODY_LIMIT_BYTES)
  } catch (err) {
    if (err instanceof BodyTooLargeError) return errorResponse(new ApiError('payload_too_large', err.message))
    return errorResponse(new ApiError('bad_request', 'could not read the request body'))
  }
  const address = clientAddressFromHeaders(req.headers)
  const email = CredentialsInput.shape.email.safeParse(emailOf(req.headers.get('content-type'), body))
  const throttle = getLoginThrottle()
  const verdict = email.success ? await throttle.admit({ email: email.data, address }) : await throttle.admitAddress(address)
  if (verdict.allowed) return null
  return errorResponse(new ApiError('too_many_requests', 'too many sign-in attempts', { retryAfterSeconds: verdict.retryAfterSeconds }))
}

/** The `email` field of the form (or JSON) body next-auth accepts; undefined when there is none. */
function emailOf(contentType: string | null, body: string): unknown {
  if (contentType?.includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(body)
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>).email : undefined
    } catch {
      return undefined
    }
  }
  return new URLSearchParams(body).get('email') ?? undefined
}
