import { expect, test, type Page } from '@playwright/test'
import type { Db } from '../../lib/server/db/connect'
import { createConference, invite, newPhoneContext, signIn } from './support/flows'
import { createFacilitator, openE2eDatabase } from './support/seed'

/**
 * The relative abroad (issue 10): on a slow phone she opens her link and lands on her part of the
 * meeting, without the canvas; she adds a worry and a person through the short forms and the
 * facilitator's board shows them; her own agreement is listed first in the plan. Reopened without
 * a network, the view comes from the phone's own copy, says it is offline, keeps what she adds
 * and brings it to the board when the network is back.
 */
let db: Db

test.beforeAll(async () => {
  db = await openE2eDatabase()
})

test.afterAll(async () => {
  await db.destroy()
})

/** Chromium's own throttling, as the issue tried it: 400 ms, 400 kbit/s both ways, CPU 4×. */
async function throttle(page: Page): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 })
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  // Lifts the network throttling (the CPU stays slow), so the context's own offline switch is the only network condition.
  return async () => {
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 })
  }
}

async function joinOnPhone(page: Page, joinUrl: string, conferenceId: string): Promise<void> {
  await page.goto(joinUrl)
  await page.getByTestId('join-button').tap()
  await expect(page).toHaveURL(new RegExp(`/board/${conferenceId}/phone$`))
  await expect(page.getByTestId('phone-view')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 })
}

test('a relative on a slow phone adds a worry and a person without the canvas; the facilitator sees them; her agreement comes first', async ({ browser }) => {
  test.setTimeout(300_000)
  const facilitator = await createFacilitator(db)
  const desk = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const deskPage = await desk.newPage()
  await signIn(deskPage, facilitator)
  const conferenceId = await createConference(deskPage, 'Familie El Amrani')
  const auntLink = await invite(deskPage, 'Tante Fatima', 'network')
  const uncleLink = await invite(deskPage, 'Oom Karim', 'family')

  const phone = await newPhoneContext(browser)
  const phonePage = await phone.newPage()
  const unthrottle = await throttle(phonePage)
  await joinOnPhone(phonePage, auntLink, conferenceId)

  // Her part of the meeting: the phase and what it asks, and no canvas loaded.
  await expect(phonePage.getByTestId('phone-phase')).toContainText(/voorbereiding/i)
  await expect(phonePage.locator('.tl-canvas')).toHaveCount(0)
  const scripts = await phonePage.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name).filter((n) => n.endsWith('.js')))
  expect(scripts.length).toBeGreaterThan(0)

  // A person (what the preparation asks first), then a worry (one tap further).
  await phonePage.getByTestId('phone-add-person').tap()
  const personForm = phonePage.getByTestId('phone-form-person')
  await personForm.getByLabel(/naam/i).fill('Buurvrouw Ans')
  await personForm.getByLabel(/wie is het/i).fill('buurvrouw')
  await personForm.getByTestId('phone-form-submit').tap()
  await expect(phonePage.getByTestId('phone-added')).toBeVisible()
  await phonePage.getByRole('button', { name: /iets anders toevoegen/i }).tap()
  await phonePage.getByTestId('phone-add-worry').tap()
  await phonePage.getByTestId('phone-form-worry').getByRole('textbox').fill('Samira is vaak alleen thuis')
  await phonePage.getByTestId('phone-form-submit').tap()
  await expect(phonePage.getByTestId('phone-added')).toBeVisible()

  // An offer of help: an agreement that is hers.
  await phonePage.getByTestId('phone-add-offer').tap()
  await phonePage.getByTestId('phone-form-offer').getByLabel(/waarmee/i).fill('Ik bel Samira elke zondag')
  await phonePage.getByTestId('phone-form-submit').tap()

  // The uncle offers help from his own phone (not throttled): his is not hers.
  const unclePhone = await newPhoneContext(browser)
  const unclePage = await unclePhone.newPage()
  await joinOnPhone(unclePage, uncleLink, conferenceId)
  await unclePage.getByRole('button', { name: /iets anders toevoegen/i }).tap()
  await unclePage.getByTestId('phone-add-offer').tap()
  await unclePage.getByTestId('phone-form-offer').getByLabel(/waarmee/i).fill('Ik haal Samira op van school')
  await unclePage.getByTestId('phone-form-submit').tap()

  // The facilitator's desktop board shows what she added.
  await deskPage.goto(`/board/${conferenceId}`)
  await expect(deskPage.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected', { timeout: 60_000 })
  await expect(deskPage.locator('.tl-shape').filter({ hasText: 'Buurvrouw Ans' })).toHaveCount(1)
  await expect(deskPage.locator('.tl-shape').filter({ hasText: 'Samira is vaak alleen thuis' })).toHaveCount(1)
  await deskPage.screenshot({ path: 'test-results/phone-view-desk.png' })

  // Her plan: her own agreement first, the uncle's under the others; live, no reload.
  await expect(phonePage.getByTestId('phone-plan-mine')).toContainText('Ik bel Samira elke zondag', { timeout: 60_000 })
  await expect(phonePage.getByTestId('phone-plan-others')).toContainText('Ik haal Samira op van school', { timeout: 60_000 })
  await expect(phonePage.getByTestId('phone-plan-mine')).not.toContainText('op van school')
  // Who is there (the meeting plane, loaded after the view was usable).
  await expect(phonePage.getByTestId('phone-who')).toContainText('Oom Karim', { timeout: 60_000 })
  await phonePage.screenshot({ path: 'test-results/phone-view-phone.png', fullPage: true })

  // Offline: she opens the view again without a network. It comes from the phone itself (the kept
  // page, the board's copy on the device), says so, and what she adds then reaches the board later.
  await unthrottle()
  await expect.poll(() => phonePage.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? null), { timeout: 30_000 }).toBe('activated')
  await expect.poll(() => phonePage.evaluate(async () => (await (await caches.open('kring-shell-v1')).keys()).some((r) => new URL(r.url).pathname.endsWith('/phone'))), { timeout: 30_000 }).toBe(true)
  // Every page is rendered with its own script nonce: the kept copy's tells it apart from a fresh one.
  const keptNonce = await phonePage.evaluate(async () => {
    const kept = await (await caches.open('kring-shell-v1')).match(location.pathname)
    return (await kept?.text())?.match(/nonce="([^"]+)"/)?.[1] ?? null
  })
  expect(keptNonce).not.toBeNull()
  await phone.setOffline(true)
  await phonePage.reload()
  await expect(phonePage.getByTestId('phone-view')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 })
  expect(await phonePage.evaluate(() => document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce ?? null)).toBe(keptNonce)
  expect(await phonePage.evaluate(() => fetch('/healthz').then(() => 'reached', () => 'unreachable'))).toBe('unreachable')
  await expect(phonePage.getByTestId('phone-status')).toHaveAttribute('data-status', 'offline')
  await expect(phonePage.getByTestId('phone-status')).toContainText(/offline.*bewaard/i)
  // Who is there cannot be known offline: it says so instead of loading for ever.
  await expect(phonePage.getByTestId('phone-who-offline')).toContainText(/offline/i)
  // The board from the device's copy: her agreement is still listed first.
  await expect(phonePage.getByTestId('phone-plan-mine')).toContainText('Ik bel Samira elke zondag')
  await phonePage.getByRole('button', { name: /iets anders toevoegen/i }).tap()
  await phonePage.getByTestId('phone-add-worry').tap()
  await phonePage.getByTestId('phone-form-worry').getByRole('textbox').fill('Geen vervoer naar de sportclub')
  await phonePage.getByTestId('phone-form-submit').tap()
  await expect(phonePage.getByTestId('phone-added')).toContainText(/bewaard op deze telefoon/i)
  await phonePage.screenshot({ path: 'test-results/phone-view-offline.png', fullPage: true })
  await expect(deskPage.locator('.tl-shape').filter({ hasText: 'Geen vervoer naar de sportclub' })).toHaveCount(0)

  // Back online: it reaches the facilitator's board, once.
  await phone.setOffline(false)
  await expect(phonePage.getByTestId('phone-status')).toHaveAttribute('data-status', 'connected', { timeout: 60_000 })
  await expect(deskPage.locator('.tl-shape').filter({ hasText: 'Geen vervoer naar de sportclub' })).toHaveCount(1, { timeout: 60_000 })
  await expect(deskPage.locator('.tl-shape').filter({ hasText: 'Samira is vaak alleen thuis' })).toHaveCount(1)

  // The whole board is one tap away, and only loads then.
  await phonePage.getByTestId('phone-open-board').tap()
  await expect(phonePage.locator('.tl-canvas')).toBeVisible({ timeout: 120_000 })
  await expect(phonePage.locator('.tl-shape').filter({ hasText: 'Geen vervoer naar de sportclub' })).toHaveCount(1, { timeout: 60_000 })
  // The board on a phone fetches no embed icons and only the fonts it draws with: a board of
  // Kring items needs none of tldraw's own, and Kring's headings at most once each.
  await phonePage.evaluate(() => document.fonts.ready.then(() => undefined))
  const fetched = await phonePage.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname))
  expect(fetched.filter((path) => path.includes('/embed-icons/'))).toEqual([])
  const fonts = fetched.filter((path) => /\.(woff2?|ttf|otf)$/.test(path))
  expect(fonts.filter((path) => !/\/IBMPlexSans-(Medium|Bold)\.woff2$/.test(path))).toEqual([])
  expect(new Set(fonts).size).toBe(fonts.length)

  await unclePhone.close()
  await phone.close()
  await desk.close()
})
