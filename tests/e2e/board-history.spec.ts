import { expect, test } from '@playwright/test'
import type { Db } from '../../lib/server/db/connect'
import { createConference, invite, joinByLink, newPhoneContext, shapeCount, signIn } from './support/flows'
import { createFacilitator, openE2eDatabase } from './support/seed'

/**
 * The evening is not lost: the board is wiped (the facilitator's own select-all and delete), the
 * facilitator opens Geschiedenis, looks at the board as it was just before and restores it; the
 * aunt's phone shows the board back without reloading. Screenshots of each step in test-results/.
 */
let db: Db

test.beforeAll(async () => {
  db = await openE2eDatabase()
})

test.afterAll(async () => {
  await db.destroy()
})

test('a wiped board comes back for everyone from the facilitator\'s history', async ({ browser }) => {
  const facilitator = await createFacilitator(db)
  const desk = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const deskPage = await desk.newPage()
  await signIn(deskPage, facilitator)
  const conferenceId = await createConference(deskPage, 'Familie Bakker')
  const joinUrl = await invite(deskPage, 'Tante Amira', 'network')

  const phone = await newPhoneContext(browser)
  const phonePage = await phone.newPage()
  await joinByLink(phonePage, joinUrl, 'Tante Amira', conferenceId)

  await deskPage.goto(`/board/${conferenceId}`)
  await expect(deskPage.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')

  // The board has its template areas; the facilitator adds six rectangles beside them.
  const canvas = deskPage.getByTestId('board-canvas')
  const box = (await canvas.boundingBox())!
  // Wait until both show the template (the same count on both screens) before counting.
  await expect.poll(async () => (await shapeCount(deskPage)) > 0 && (await shapeCount(deskPage)) === (await shapeCount(phonePage))).toBe(true)
  const start = await shapeCount(deskPage)
  for (let i = 0; i < 6; i++) {
    const x = box.x + box.width * (0.3 + 0.08 * i)
    const y = box.y + box.height * 0.75
    await deskPage.keyboard.press('r')
    await deskPage.mouse.move(x, y)
    await deskPage.mouse.down()
    await deskPage.mouse.move(x + 50, y + 40, { steps: 4 })
    await deskPage.mouse.up()
    await deskPage.keyboard.press('Escape')
  }
  const full = start + 6
  await expect.poll(() => shapeCount(deskPage)).toBe(full)
  await expect.poll(() => shapeCount(phonePage)).toBe(full)
  await phonePage.screenshot({ path: 'test-results/history-1-phone-before-wipe.png' })

  // The wipe: select all, delete. The phone sees an empty board.
  // Focus the canvas on an empty spot (between the areas, left of the rectangles), then select all.
  await canvas.click({ position: { x: box.width * 0.15, y: box.height * 0.66 } })
  await deskPage.keyboard.press('ControlOrMeta+a')
  await deskPage.keyboard.press('Delete')
  await expect.poll(() => shapeCount(phonePage)).toBe(0)
  await expect.poll(() => shapeCount(deskPage)).toBe(0)
  await phonePage.screenshot({ path: 'test-results/history-2-phone-wiped.png' })

  // The aunt has no history button; the facilitator has.
  await expect(phonePage.getByTestId('tool-history')).toHaveCount(0)
  await deskPage.getByTestId('tool-history').click()
  const panel = deskPage.getByTestId('history-panel')
  await expect(panel.getByTestId('history-list')).toBeVisible()
  const beforeWipe = panel.locator('[data-testid="history-entry"][data-reason="before-delete"]').first()
  await expect(beforeWipe).toContainText('Vlak voordat veel items werden verwijderd')
  await expect(beforeWipe).toContainText(`${full} items`)
  await expect(beforeWipe).toContainText(facilitator.name)
  // The aunt only looked: she is not named as an editor.
  await expect(beforeWipe).not.toContainText('Tante Amira')
  await deskPage.screenshot({ path: 'test-results/history-3-desk-list.png' })

  // The preview: the board as it was, and what was deleted since.
  await beforeWipe.click()
  const preview = panel.getByTestId('history-preview')
  await expect(preview.getByTestId('history-image')).toBeVisible()
  await expect.poll(() => preview.getByTestId('history-image').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)
  await expect(preview.getByTestId('history-deleted').locator('li')).toHaveCount(full)
  await deskPage.screenshot({ path: 'test-results/history-4-desk-preview.png' })

  // Restore the whole board, after the confirmation.
  await preview.getByTestId('history-restore-board').click()
  await expect(preview.getByTestId('history-confirm')).toContainText('Weet je het zeker?')
  await deskPage.screenshot({ path: 'test-results/history-5-desk-confirm.png' })
  await preview.getByTestId('history-confirm-yes').click()
  await expect(panel.getByTestId('history-notice')).toContainText('Het bord is hersteld')

  // Everyone sees the board back, without reloading.
  await expect.poll(() => shapeCount(phonePage)).toBe(full)
  await expect.poll(() => shapeCount(deskPage)).toBe(full)
  await expect(phonePage.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
  // The undo point is now at the top of the list.
  await expect(panel.getByTestId('history-entry').first()).toHaveAttribute('data-reason', 'before-restore')
  await deskPage.screenshot({ path: 'test-results/history-6-desk-restored.png' })
  await phonePage.screenshot({ path: 'test-results/history-7-phone-restored.png' })

  await desk.close()
  await phone.close()
})
