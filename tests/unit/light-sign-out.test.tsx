/** @jsxImportSource preact */
import { createRequire } from 'node:module'
import { join } from 'node:path'
import renderToString from 'preact-render-to-string'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { getConfig } from '../../lib/server/config/env'
import { createTranslator } from '../../lib/i18n/catalogs'
import { SiteHeaderLight } from '../../lib/server/web/light/SiteHeaderLight'
import { signOutCsrfToken } from '../../lib/server/web/light/sign-out-csrf'

/**
 * Signing out from a page without script (the join page's header): a form post to next-auth's
 * /api/auth/signout with the token of next-auth's CSRF cookie. Checked against next-auth's own
 * check (which signs out only when it passes, and otherwise shows its confirm page), including
 * for a browser that has no CSRF cookie yet (the page sets one).
 */
type CookieOptions = { httpOnly?: boolean; sameSite?: string; path?: string; secure?: boolean }
const jar = vi.hoisted(() => ({ values: new Map<string, string>(), set: [] as { name: string; value: string; options: CookieOptions }[] }))
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (jar.values.has(name) ? { name, value: jar.values.get(name)! } : undefined),
    set: (name: string, value: string, options: CookieOptions) => {
      jar.set.push({ name, value, options })
      jar.values.set(name, value)
    },
  }),
}))

// next-auth's CSRF check itself (not exported by the package: loaded by its file).
const { createCSRFToken } = createRequire(import.meta.url)(join(process.cwd(), 'node_modules/next-auth/core/lib/csrf-token.js')) as {
  createCSRFToken: (input: { options: { secret: string }; cookieValue?: string; isPost: boolean; bodyValue?: string }) => { csrfTokenVerified?: boolean; csrfToken: string; cookie?: string }
}
const SECRET = 'sign-out-secret-0123456789-0123456789-abcdef'
const COOKIE = '__Host-next-auth.csrf-token' // secure cookies: the public URL is https
const savedEnv = { AUTH_SECRET: process.env.AUTH_SECRET, PUBLIC_URL: process.env.PUBLIC_URL }
const nextAuthAccepts = (token: string) => createCSRFToken({ options: { secret: SECRET }, cookieValue: jar.values.get(COOKIE), isPost: true, bodyValue: token }).csrfTokenVerified === true

beforeAll(() => {
  process.env.AUTH_SECRET = SECRET
  process.env.PUBLIC_URL = 'https://kring.example.org'
  getConfig()
})

afterAll(() => {
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
})

beforeEach(() => {
  jar.values.clear()
  jar.set.length = 0
})

describe('the sign-out token of a page without script', () => {
  it('without a CSRF cookie yet: sets one as next-auth would, and next-auth accepts the form\'s token with it', async () => {
    const token = await signOutCsrfToken()
    expect(jar.set).toEqual([{ name: COOKIE, value: expect.stringMatching(/^[0-9a-f]{64}\|[0-9a-f]{64}$/), options: { httpOnly: true, sameSite: 'lax', path: '/', secure: true } }])
    expect(nextAuthAccepts(token)).toBe(true)
    expect(nextAuthAccepts('0'.repeat(64))).toBe(false)
  })

  it('with next-auth\'s own CSRF cookie: posts that token and leaves the cookie as it is', async () => {
    const issued = createCSRFToken({ options: { secret: SECRET }, isPost: false })
    jar.values.set(COOKIE, issued.cookie!)
    expect(await signOutCsrfToken()).toBe(issued.csrfToken)
    expect(jar.set).toEqual([])
    expect(nextAuthAccepts(issued.csrfToken)).toBe(true)
  })

  it('with a cookie not signed with the secret: never posts its token, but a fresh one', async () => {
    const forged = 'a'.repeat(64)
    jar.values.set(COOKIE, `${forged}|${'b'.repeat(64)}`)
    const token = await signOutCsrfToken()
    expect(token).not.toBe(forged)
    expect(jar.set).toHaveLength(1)
    expect(nextAuthAccepts(token)).toBe(true)
  })
})

describe('the light header', () => {
  it('signs out with a form post carrying the token, back to the start page; no link to next-auth\'s confirm page', () => {
    const html = renderToString(<SiteHeaderLight t={createTranslator('nl')} locale="nl" user={{ name: 'Anna', signOutCsrfToken: 'tok123' }} returnTo="/join/x" />)
    expect(html).toContain('Ingelogd als Anna')
    expect(html).toMatch(
      /<form method="post" action="\/api\/auth\/signout"><input type="hidden" name="csrfToken" value="tok123" \/><input type="hidden" name="callbackUrl" value="\/" \/><button type="submit" class="button button--quiet" data-testid="sign-out">Uitloggen<\/button><\/form>/,
    )
    expect(html).not.toContain('href="/api/auth/signout"')
  })

  it('shows no sign-out to someone not signed in', () => {
    const html = renderToString(<SiteHeaderLight t={createTranslator('nl')} locale="nl" user={null} returnTo="/join/x" />)
    expect(html).not.toContain('/api/auth/signout')
  })
})
