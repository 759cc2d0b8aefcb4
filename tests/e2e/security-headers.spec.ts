import { expect, test, type Page } from '@playwright/test'
import type { Db } from '../../lib/server/db/connect'
import { sameOrigin } from './support/api-session'
import { E2E_BASE_URL, E2E_PORT } from './support/env'
import { createConference, signIn } from './support/flows'
import { createFacilitator, openE2eDatabase } from './support/seed'

/**
 * What a browser is told about every page (the Content-Security-Policy with a fresh nonce,
 * no HSTS on plain http), that the board works under that policy, that bad `callbackUrl`s are
 * refused without a server error, and that guessing a password ends in a 429 the login form
 * explains.
 */
let db: Db

test.beforeAll(async () => {
  db = await openE2eDatabase()
})

test.afterAll(async () => {
  await db.destroy()
})

function directives(policy: string | undefined): Map<string, string[]> {
  return new Map((policy ?? '').split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]))
}

test('every page has a Content-Security-Policy with a fresh nonce that its own scripts carry', async ({ request }) => {
  const nonces = new Set<string>()
  for (const path of ['/', '/login', '/join/ongeldig']) {
    const response = await request.get(path, { maxRedirects: 0 })
    expect(response.status(), path).toBeLessThan(500)
    const csp = directives(response.headers()['content-security-policy'])
    const scriptSrc = csp.get('script-src') ?? []
    const nonce = scriptSrc.find((v) => v.startsWith("'nonce-"))?.slice("'nonce-".length, -1)
    expect(nonce, `${path}: nonce in script-src`).toBeTruthy()
    expect(scriptSrc).toContain("'strict-dynamic'")
    expect(scriptSrc).not.toContain("'unsafe-inline'")
    expect(csp.get('connect-src')).toEqual(["'self'", `ws://localhost:${E2E_PORT}`])
    expect(csp.get('frame-ancestors')).toEqual(["'none'"])
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:'])
    if (response.status() === 200) {
      const html = await response.text()
      // Next put the nonce on its scripts, and no script goes without it. The join page is a light
      // document (lib/server/web/light): for a link that does not work it has no script at all.
      const scripts = html.match(/<script\b[^>]*>/g) ?? []
      if (!path.startsWith('/join/')) expect(scripts.length, `${path}: scripts`).toBeGreaterThan(0)
      for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`)
    }
    nonces.add(nonce!)
  }
  expect(nonces.size).toBe(3)
})

test('no Strict-Transport-Security over plain http', async ({ request }) => {
  const response = await request.get('/login')
  expect(response.headers()['strict-transport-security']).toBeUndefined()
})

test('a callbackUrl that is not Kring is refused without a server error', async ({ request }) => {
  const bad = [`http://localhost:${E2E_PORT}.evil.example/`, 'javascript:alert(1)', '//evil.example', 'https://evil.example/']
  for (const callbackUrl of bad) {
    const signInPage = await request.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`, { maxRedirects: 0 })
    expect(signInPage.status(), callbackUrl).toBeLessThan(500)
    expect(signInPage.headers().location ?? '', callbackUrl).not.toContain('evil.example')

    const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string }
    const posted = await request.post('/api/auth/callback/credentials', {
      // No usable email: next-auth still handles the callbackUrl, and no failed sign-in is counted.
      form: { csrfToken, email: 'niemand', password: 'x', callbackUrl, json: 'true' },
      headers: sameOrigin,
      maxRedirects: 0,
    })
    expect(posted.status(), callbackUrl).toBeLessThan(500)
    expect(JSON.stringify(await posted.json()), callbackUrl).not.toContain('evil.example')

    // In the query string, where next-auth itself refuses to parse it on most endpoints.
    for (const path of ['/api/auth/session', '/api/auth/providers', '/api/auth/csrf']) {
      const answered = await request.get(`${path}?callbackUrl=${encodeURIComponent(callbackUrl)}`, { maxRedirects: 0 })
      expect(answered.status(), `${path} ${callbackUrl}`).toBeLessThan(500)
    }
  }
})

test('guessing a password ends in 429 with Retry-After, and the login form says how long to wait', async ({ request, page }) => {
  const account = await createFacilitator(db, 'Gerda Geraden')
  const attempt = async (password: string) => {
    const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string }
    return request.post('/api/auth/callback/credentials', {
      form: { csrfToken, email: account.email, password, callbackUrl: `${E2E_BASE_URL}/`, json: 'true' },
      headers: sameOrigin,
      maxRedirects: 0,
    })
  }
  // The free failures, then one more that starts the wait.
  for (let i = 0; i < 6; i++) expect((await attempt(`fout-${i}`)).status()).toBe(401)
  const refused = await attempt(account.password)
  expect(refused.status()).toBe(429)
  expect(Number(refused.headers()['retry-after'])).toBeGreaterThanOrEqual(50)

  await signIn(page, account)
  await expect(page.getByTestId('login-throttled')).toHaveText(/Te veel pogingen\. Probeer het over een minuut opnieuw\./)
  await expect(page).toHaveURL(/\/login/)
})

test('the board works under the policy: no violations from signing in to drawing', async ({ browser }) => {
  const facilitator = await createFacilitator(db, 'Chris Csp')
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  await context.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { __cspViolations: string[] }).__cspViolations = seen
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`))
  })
  const page = await context.newPage()
  const consoleViolations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) consoleViolations.push(message.text())
  })
  // Feature probes that try eval inside try/catch and fall back when it is refused (zod's JIT
  // check; the `util` polyfill some client code pulls in) are reported too: they are expected,
  // and nothing else may be blocked: no script, style, image, font or connection.
  const isEvalProbe = (violation: string) => /^script-src eval\b|'unsafe-eval'/.test(violation)
  const violations = async (p: Page) =>
    [...consoleViolations, ...(await p.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations))].filter((v) => !isEvalProbe(v))

  await signIn(page, facilitator)
  const conferenceId = await createConference(page, 'Familie Csp')
  expect(await violations(page)).toEqual([])

  await page.goto(`/board/${conferenceId}`)
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
  const canvas = page.getByTestId('board-canvas')
  await expect(canvas).toBeVisible()
  const before = await page.locator('.tl-shape').count()
  const box = (await canvas.boundingBox())!
  await page.keyboard.press('r')
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.4)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.55, { steps: 5 })
  await page.mouse.up()
  await expect.poll(() => page.locator('.tl-shape').count()).toBeGreaterThan(before)
  // tldraw's fonts and icons (self-hosted) have loaded by now.
  await page.evaluate(() => document.fonts.ready)
  expect(await violations(page)).toEqual([])
  await context.close()
})
