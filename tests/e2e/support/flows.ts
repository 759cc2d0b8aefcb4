import { devices, expect, type Browser, type BrowserContext, type Page } from '@playwright/test'

/** Steps every story starts with, done through the UI the way a person does them. */

export async function signIn(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.goto('/login')
  await page.getByLabel(/e-mail/i).fill(account.email)
  await page.getByLabel(/wachtwoord/i).fill(account.password)
  await page.getByRole('button', { name: /inloggen/i }).click()
}

/** On the start page after signing in: create a conference; returns its id (the page is on it). */
export async function createConference(page: Page, title: string): Promise<string> {
  const createForm = page.getByTestId('create-conference-form')
  await expect(createForm).toBeVisible()
  await createForm.getByLabel(/titel/i).fill(title)
  await createForm.getByRole('button', { name: /conferentie aanmaken|create conference/i }).click()
  await expect(page).toHaveURL(/\/conferences\/[A-Za-z0-9_-]+$/)
  return page.url().split('/').pop()!
}

/** On the conference page: invite someone by name and role; returns the join link shown once. */
export async function invite(page: Page, name: string, role: 'family' | 'child' | 'network' | 'professional'): Promise<string> {
  const inviteForm = page.getByTestId('invite-form')
  const link = page.getByTestId('invitation-link')
  // The link of the previous invitation may still be on screen: wait for this one's, not that one.
  const previous = (await link.isVisible()) ? ((await link.textContent())?.trim() ?? '') : ''
  await inviteForm.getByLabel(/naam/i).fill(name)
  await inviteForm.getByLabel(/rol/i).selectOption(role)
  await inviteForm.getByRole('button').click()
  await expect(link).toBeVisible()
  await expect.poll(async () => (await link.textContent())?.trim() ?? '').not.toBe(previous)
  const joinUrl = (await link.textContent())?.trim() ?? ''
  expect(joinUrl).toMatch(/\/join\/[A-Za-z0-9_-]{43}$/)
  await expect(page.getByTestId('invitation-row').filter({ hasText: name })).toBeVisible()
  return joinUrl
}

/** A 390×844 touch phone. */
export function newPhoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })
}

/** Open an invitation link and take the one tap (or click, on a laptop) onto the board. */
export async function joinByLink(page: Page, joinUrl: string, name: string, conferenceId: string, device: 'phone' | 'laptop' = 'phone'): Promise<void> {
  await page.goto(joinUrl)
  await expect(page.getByText(name)).toBeVisible()
  const join = page.getByTestId('join-button')
  if (device === 'phone') await join.tap()
  else await join.click()
  // A phone lands on the phone view (issue 10); these stories go on to the whole board.
  await expect(page).toHaveURL(new RegExp(`/board/${conferenceId}(/phone)?$`))
  if (new URL(page.url()).pathname.endsWith('/phone')) await page.goto(`/board/${conferenceId}`)
  await expect(page).toHaveURL(new RegExp(`/board/${conferenceId}$`))
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
}

/** How many shapes the board shows on this page right now (tldraw renders one `.tl-shape` each). */
export function shapeCount(page: Page): Promise<number> {
  return page.locator('.tl-shape').count()
}
