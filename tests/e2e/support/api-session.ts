import { expect, request, type APIRequestContext } from '@playwright/test'
import { invitationCookieName } from '../../../lib/conference/join-link'
import { E2E_BASE_URL } from './env'
import type { Account } from './gate-world'

/**
 * HTTP clients for API sweeps, each holding one person's credentials the way a browser would:
 * a next-auth session from the real sign-in, an invitation cookie from the real "Naar het bord"
 * post, or (for what a browser could only carry over from earlier) a cookie set by hand.
 */

/** Requests a browser page of Kring would make: same origin. */
export const sameOrigin = { Origin: E2E_BASE_URL }

export function anonymousClient(): Promise<APIRequestContext> {
  return request.newContext({ baseURL: E2E_BASE_URL })
}

/** Signed in with email and password through next-auth's own endpoints. */
export async function signedInClient(account: Account): Promise<APIRequestContext> {
  const client = await anonymousClient()
  const { csrfToken } = (await (await client.get('/api/auth/csrf')).json()) as { csrfToken: string }
  const response = await client.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: account.email, password: account.password, callbackUrl: `${E2E_BASE_URL}/`, json: 'true' },
    headers: sameOrigin,
    maxRedirects: 0,
  })
  expect(response.status(), 'sign-in answered').toBeLessThan(400)
  const session = (await (await client.get('/api/auth/session')).json()) as { user?: { id?: string } } | null
  expect(session?.user?.id, 'signed in').toBeTruthy()
  return client
}

/** Holding an invitation cookie, set by POST /api/join as the join page's button does. */
export async function joinedClient(token: string, conferenceId: string): Promise<APIRequestContext> {
  const client = await anonymousClient()
  const response = await client.post('/api/join', { form: { token }, headers: sameOrigin, maxRedirects: 0 })
  expect(response.status()).toBe(303)
  expect(response.headers().location).toBe(`/board/${conferenceId}`)
  return client
}

/** Holding `token` under `conferenceId`'s cookie name, which /api/join would never set (another conference's token). */
export function clientWithInvitationCookie(conferenceId: string, token: string): Promise<APIRequestContext> {
  const cookie = { name: invitationCookieName(conferenceId), value: token, domain: 'localhost', path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' as const }
  return request.newContext({ baseURL: E2E_BASE_URL, storageState: { cookies: [cookie], origins: [] } })
}

