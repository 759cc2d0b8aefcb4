import { expect, test } from '@playwright/test'
import { createConference, invite, signIn } from './support/flows'
import { createFacilitator, openE2eDatabase } from './support/seed'

/**
 * The join page (a page without Next's script) signs out the way the rest of Kring does: one
 * click, no confirm page, back on the start page signed out; also in a browser without JavaScript,
 * and in one that has no CSRF cookie of next-auth's yet (the page sets it).
 */
test('signing out on the join page, without JavaScript, signs out at once', async ({ browser }, testInfo) => {
  const db = await openE2eDatabase()
  const facilitator = await createFacilitator(db, 'Fenna Uitlog')
  await db.destroy()
  const desk = await browser.newContext()
  const deskPage = await desk.newPage()
  await signIn(deskPage, facilitator)
  const conferenceId = await createConference(deskPage, `Familie Uitlog ${Date.now()}`)
  const joinUrl = await invite(deskPage, 'Oma Joke', 'family')

  // The same session in a browser without JavaScript and without next-auth's CSRF cookie.
  const { cookies } = await desk.storageState()
  const session = cookies.filter((cookie) => !cookie.name.endsWith('next-auth.csrf-token'))
  expect(session.some((cookie) => cookie.name.endsWith('next-auth.session-token'))).toBe(true)
  const plain = await browser.newContext({ javaScriptEnabled: false, storageState: { cookies: session, origins: [] } })
  const page = await plain.newPage()
  await page.goto(joinUrl)
  await expect(page.getByText('Ingelogd als Fenna Uitlog')).toBeVisible()
  await page.locator('header').screenshot({ path: testInfo.outputPath('join-header-signed-in.png') })

  await page.getByTestId('sign-out').click()
  await expect(page).toHaveURL(/\/$/)
  await expect(page.getByRole('link', { name: /inloggen/i }).first()).toBeVisible()
  await expect(page.getByText('Ingelogd als Fenna Uitlog')).toHaveCount(0)
  expect((await plain.cookies()).some((cookie) => cookie.name.endsWith('next-auth.session-token'))).toBe(false)
  // Signed out for real: the conference page sends her to sign in.
  await page.goto(`/conferences/${conferenceId}`)
  await expect(page).toHaveURL(/\/login\?callbackUrl=/)

  await desk.close()
  await plain.close()
})
