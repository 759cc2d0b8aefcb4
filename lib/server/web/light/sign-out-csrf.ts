import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { cookies } from 'next/headers'
import { getConfig } from '@/lib/server/config/env'

/**
 * The CSRF token for a sign-out form in a page without script (SiteHeaderLight): next-auth (v4)
 * signs out on a POST to /api/auth/signout only with the token its CSRF cookie holds, as
 * `<token>|sha256(<token><secret>)` (next-auth/core/lib/csrf-token.js, cookie options from
 * next-auth/core/lib/cookie.js). The browser's cookie is reused when valid; otherwise a new one is
 * set on this response, exactly as next-auth's own GET /api/auth/csrf would set it.
 */
export async function signOutCsrfToken(): Promise<string> {
  const { authSecret, secureCookies } = getConfig()
  const name = `${secureCookies ? '__Host-' : ''}next-auth.csrf-token`
  const jar = await cookies()
  const current = validToken(jar.get(name)?.value, authSecret)
  if (current) return current
  const token = randomBytes(32).toString('hex')
  jar.set(name, `${token}|${hashOf(token, authSecret)}`, { httpOnly: true, sameSite: 'lax', path: '/', secure: secureCookies })
  return token
}

function hashOf(token: string, secret: string): string {
  return createHash('sha256').update(`${token}${secret}`).digest('hex')
}

function validToken(cookie: string | undefined, secret: string): string | null {
  const [token, hash] = cookie?.split('|') ?? []
  if (!token || !hash) return null
  const expected = Buffer.from(hashOf(token, secret))
  const given = Buffer.from(hash)
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null
}
