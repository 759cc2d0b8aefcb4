import { devices, expect, test, type Browser, type Page } from '@playwright/test'
import type { Db } from '../../lib/server/db/connect'
import { createConference, invite, signIn } from './support/flows'
import { createFacilitator, openE2eDatabase } from './support/seed'

/**
 * Issue 10, "In her language": the facilitator invites an aunt in Arabic and a grandmother in
 * Polish. On a phone whose browser speaks Turkish, the invitation, the board (Kring's own words and
 * tldraw's menus) and the plan open in the language of the invitation, right to left for Arabic;
 * when she switches language, the choice stays with her invitation. Screenshots in test-results/.
 */
let db: Db

test.beforeAll(async () => {
  db = await openE2eDatabase()
})

test.afterAll(async () => {
  await db.destroy()
})

/** A 390×844 touch phone whose browser prefers Turkish: Kring must not follow it. */
async function turkishPhone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'tr-TR' })
  return context.newPage()
}

/** Join on the phone: it lands on the phone view (in her language), then the whole board. */
async function onTheBoard(page: Page, conferenceId: string): Promise<void> {
  await page.getByTestId('join-button').tap()
  await expect(page).toHaveURL(new RegExp(`/board/${conferenceId}/phone$`))
  await expect(page.getByTestId('phone-view')).toBeVisible()
  await page.goto(`/board/${conferenceId}`)
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
}

test('an aunt invited in Arabic reads the invitation, the board, tldraw and the plan in Arabic, right to left; her own choice of language is kept', async ({ browser }) => {
  const facilitator = await createFacilitator(db)
  const desk = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const deskPage = await desk.newPage()
  await signIn(deskPage, facilitator)
  const conferenceId = await createConference(deskPage, 'Familie El Amrani')
  await deskPage.getByTestId('invite-language').selectOption('ar')
  const joinUrl = await invite(deskPage, 'خالتي أمينة', 'network')
  await expect(deskPage.getByTestId('invitation-row').filter({ hasText: 'خالتي أمينة' }).getByTestId('invitation-language')).toHaveText('العربية')

  const page = await turkishPhone(browser)
  const html = page.locator('html')

  // The invitation, in Arabic although the browser asks for Turkish.
  await page.goto(joinUrl)
  await expect(html).toHaveAttribute('lang', 'ar')
  await expect(html).toHaveAttribute('dir', 'rtl')
  await expect(page.getByText('دعوة إلى')).toBeVisible()
  await expect(page.getByTestId('join-button')).toHaveText('إلى اللوحة')
  await page.screenshot({ path: 'test-results/language-1-join-ar.png' })

  // The board: Kring's header and tldraw's own toolbar speak Arabic, and tldraw lays out right to left.
  await onTheBoard(page, conferenceId)
  await expect(html).toHaveAttribute('dir', 'rtl')
  await expect(page.getByTestId('connection-status')).toContainText('متصل')
  await expect(page.locator('.tl-container').first()).toHaveAttribute('dir', 'rtl')
  await expect(page.getByTestId('tools.select')).toHaveAttribute('aria-label', /^تحديد/)
  await expect(page.getByTestId('tools.draw')).toHaveAttribute('aria-label', /^رسم/)
  await expect(page.getByText(/Seç|Çizim/)).toHaveCount(0)
  await page.screenshot({ path: 'test-results/language-2-board-ar.png' })

  // The plan view.
  await page.goto(`/board/${conferenceId}/plan`)
  await expect(html).toHaveAttribute('dir', 'rtl')
  await expect(page.getByRole('heading', { name: 'خطة Familie El Amrani' })).toBeVisible()
  await page.screenshot({ path: 'test-results/language-3-plan-ar.png', fullPage: false })

  // She prefers English after all: the switcher changes the page and her invitation.
  await page.getByRole('button', { name: 'English' }).tap()
  await expect(html).toHaveAttribute('lang', 'en')
  await expect(html).toHaveAttribute('dir', 'ltr')
  await page.goto(joinUrl)
  await expect(html).toHaveAttribute('lang', 'en')
  await expect(page.getByTestId('join-button')).toHaveText('To the board')
  await desk.close()
})

test('a grandmother invited in Polish reads the invitation and the board in Polish', async ({ browser }) => {
  const facilitator = await createFacilitator(db)
  const desk = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const deskPage = await desk.newPage()
  await signIn(deskPage, facilitator)
  const conferenceId = await createConference(deskPage, 'Familie Nowak')
  await deskPage.getByTestId('invite-language').selectOption('pl')
  const joinUrl = await invite(deskPage, 'Babcia Zofia', 'family')

  const page = await turkishPhone(browser)
  const html = page.locator('html')
  await page.goto(joinUrl)
  await expect(html).toHaveAttribute('lang', 'pl')
  await expect(html).toHaveAttribute('dir', 'ltr')
  await page.screenshot({ path: 'test-results/language-4-join-pl.png' })
  await onTheBoard(page, conferenceId)
  await expect(page.getByTestId('tools.select')).toHaveAttribute('aria-label', /^Zaznacz/)
  await page.screenshot({ path: 'test-results/language-5-board-pl.png' })
  await desk.close()
})
