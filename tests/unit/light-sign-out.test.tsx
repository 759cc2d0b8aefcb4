/** @jsxImportSource preact */
import { routeHarness } from '../helpers/route-harness'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import renderToString from 'preact-render-to-string'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { createTranslator } from '../../lib/i18n/catalogs'
import { SiteHeaderLight } from '../../lib/server/web/light/SiteHeaderLight'
import { signOutCsrfToken } from '../../lib/server/web/light/sign-out-csrf'

/**
 * Signing out from a page without script (the join page's header): a form post to next-auth's
 * /api/auth/signout with the token of next-auth's CSRF cookie. Checked against next-auth's own
 * check (which signs out only when it passes, and otherwise shows its confirm page), including
 * for a browser that has no CSRF cookie yet (the page sets one). tests/e2e/join-sign-out.spec.ts
 * signs out in a browser without JavaScript.
 */
vi.mock('@/lib/server/web/light/manifest', () => ({
  lightManifest: () => ({ phone: { js: '/light/phone-TEST.js', css: '/light/phone-TEST.css', preload: [] }, site: { css: '/light/site-TEST.css' } }),
  lightStylesheetText: () => '.join{color:#123456}',
}))

// next-auth's CSRF check itself (not exported by the package: loaded by its file).
const { createCSRFToken } = createRequire(import.meta.url)(join(process.cwd(), 'node_modules/next-auth/core/lib/csrf-token.js')) as {
  createCSRFToken: (input: { options: { secret: string }; cookieValue?: string; isPost: boolean; bodyValue?: string }) => { csrfTokenVerified?: boolean; csrfToken: string; cookie?: string }
}
const SECRET = 'sign-out-secret-0123456789-0123456789-abcdef'
const COOKIE = '__Host-next-auth.csrf-token' // secure cookies: the public URL is https
const harness = routeHarness({ secret: SECRET, publicUrl: 'https://kring.example.org' })
const nextAuthAccepts = (token: string) => createCSRFToken({ options: { secret: SECRET }, cookieValue: harness.cookies[COOKIE], isPost: true, bodyValue: token }).csrfTokenVerified === true

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>
let joinRoute: Handler
beforeAll(async () => {
  joinRoute = (await import('../../app/join/[token]/route')).GET as Handler
}, 60_000)

describe('the sign-out token of a page without script', () => {
  it('without a CSRF cookie yet: sets one as next-auth would, and next-auth accepts the form\'s token with it', async () => {
    harness.as('facilitator')
    const token = await signOutCsrfToken()
    expect(harness.setCookies).toEqual([{ name: COOKIE, value: expect.stringMatching(/^[0-9a-f]{64}\|[0-9a-f]{64}$/), options: { httpOnly: true, sameSite: 'lax', path: '/', secure: true } }])
    expect(nextAuthAccepts(token)).toBe(true)
    expect(nextAuthAccepts('0'.repeat(64))).toBe(false)
  })

  it('with next-auth\'s own CSRF cookie: posts that token and leaves the cookie as it is', async () => {
    harness.as('facilitator')
    const issued = createCSRFToken({ options: { secret: SECRET }, isPost: false })
    harness.cookies[COOKIE] = issued.cookie!
    expect(await signOutCsrfToken()).toBe(issued.csrfToken)
    expect(harness.setCookies).toEqual([])
    expect(nextAuthAccepts(issued.csrfToken)).toBe(true)
  })

  it('with a cookie not signed with the secret: never posts its token, but a fresh one', async () => {
    harness.as('facilitator')
    const forged = 'a'.repeat(64)
    harness.cookies[COOKIE] = `${forged}|${'b'.repeat(64)}`
    const token = await signOutCsrfToken()
    expect(token).not.toBe(forged)
    expect(harness.setCookies).toHaveLength(1)
    expect(nextAuthAccepts(token)).toBe(true)
  })
})

describe('signing out on the join page', () => {
  it('offers someone signed in a sign-out form whose token next-auth accepts with the cookie the page set', async () => {
    harness.as('facilitator')
    const token = harness.world.tokens.family
    const html = await (await joinRoute(new Request(`https://kring.example.org/join/${token}`), { params: Promise.resolve({ token }) })).text()
    const posted = /<form method="post" action="\/api\/auth\/signout"><input type="hidden" name="csrfToken" value="([0-9a-f]{64})" \/><input type="hidden" name="callbackUrl" value="\/" \/>/.exec(html)
    expect(posted).not.toBeNull()
    expect(harness.setCookies.map((cookie) => cookie.name)).toEqual([COOKIE])
    expect(nextAuthAccepts(posted![1]!)).toBe(true)
    expect(html).not.toContain('href="/api/auth/signout"')
  })

  it('offers no sign-out to someone not signed in, and sets no cookie for it', async () => {
    harness.as('nobody')
    const token = harness.world.tokens.family
    const html = await (await joinRoute(new Request(`https://kring.example.org/join/${token}`), { params: Promise.resolve({ token }) })).text()
    expect(html).toContain('data-testid="join-button"')
    expect(html).not.toContain('/api/auth/signout')
    expect(harness.setCookies).toEqual([])
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
})
