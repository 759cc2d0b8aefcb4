import { expect, test, type Page } from '@playwright/test'
import { createConference, invite, joinByLink, signIn } from './support/flows'
import { createFacilitator, openE2eDatabase } from './support/seed'

/**
 * The professional's way back (issue 11 part 5). A guardian is invited by link and joins without
 * signing in. On the invitation page they choose "Koppel aan mijn account", sign in, come back and
 * link it. They sign out and clear every cookie (the invitation cookie is gone, as on another
 * computer); signed in again, the conference is on their home page and opens by their account alone.
 */

const TITLE = `Familie Yilmaz ${Date.now()}`
const GUARDIAN = 'Jeroen (jeugdbescherming)'

async function fillSignIn(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.getByLabel(/e-mail/i).fill(account.email)
  await page.getByLabel(/wachtwoord/i).fill(account.password)
  await page.getByRole('button', { name: /inloggen/i }).click()
}

test('a professional who joined by link links it to their account and finds the conference again', async ({ browser }) => {
  const db = await openE2eDatabase()
  const facilitatorAccount = await createFacilitator(db)
  // A professional's account: made as the CLI makes accounts, then given the professional role.
  const guardian = await createFacilitator(db, 'Jeroen Smit')
  await db.updateTable('users').set({ role: 'professional' }).where('email', '=', guardian.email).execute()
  await db.destroy()

  const facilitatorContext = await browser.newContext()
  const facilitator = await facilitatorContext.newPage()
  await signIn(facilitator, facilitatorAccount)
  const conferenceId = await createConference(facilitator, TITLE)
  const joinUrl = await invite(facilitator, GUARDIAN, 'professional')

  // The guardian, on their own laptop: in by the link, no account.
  const guardianContext = await browser.newContext()
  const page = await guardianContext.newPage()
  await joinByLink(page, joinUrl, GUARDIAN, conferenceId, 'laptop')

  // Back on the invitation: link it. Signing in comes back here.
  await page.goto(joinUrl)
  await page.getByTestId('link-account-sign-in').click()
  await expect(page).toHaveURL(/\/login\?callbackUrl=/)
  await fillSignIn(page, guardian)
  await expect(page).toHaveURL(new RegExp(`/join/[A-Za-z0-9_-]{43}$`))
  await page.getByTestId('link-account-button').click()
  await expect(page).toHaveURL(new RegExp(`/\\?linked=${conferenceId}$`))
  await expect(page.getByTestId('linked-notice')).toBeVisible()
  await expect(page.getByTestId('conference-item').filter({ hasText: TITLE })).toBeVisible()

  // The invitation page no longer offers it.
  await page.goto(joinUrl)
  await expect(page.getByTestId('join-button')).toBeVisible()
  await expect(page.getByTestId('link-account')).toHaveCount(0)

  // Signed out, every cookie gone (the invitation's too): only the account is left.
  await page.goto('/')
  await page.getByRole('button', { name: /uitloggen/i }).click()
  await expect(page.getByRole('link', { name: /inloggen/i }).first()).toBeVisible()
  await guardianContext.clearCookies()
  expect(await guardianContext.cookies()).toEqual([])

  await signIn(page, guardian)
  const item = page.getByTestId('conference-item').filter({ hasText: TITLE })
  await expect(item).toBeVisible()
  await expect(item).toContainText('Uitgenodigd')
  await expect(item.getByTestId('conference-version')).toHaveText('Nog geen vastgesteld plan')
  await item.getByTestId('conference-link').click()
  await expect(page).toHaveURL(new RegExp(`/conferences/${conferenceId}$`))
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()

  await facilitatorContext.close()
  await guardianContext.close()
})
