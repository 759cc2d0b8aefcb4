import { expect, test, type Page } from '@playwright/test'
import type { Db } from '../../lib/server/db/connect'
import { createConference, invite, joinByLink, shapeCount, signIn } from './support/flows'
import { createFacilitator, openE2eDatabase } from './support/seed'

/**
 * Issue 9 part 3: an aunt selected all and deleted, and the whole board was gone for everyone.
 * Now her board removes only what she added herself; the areas show a lock and stay; nothing is
 * refused by the server because nothing the server would refuse is sent.
 */
let db: Db

test.beforeAll(async () => {
  db = await openE2eDatabase()
})

test.afterAll(async () => {
  await db.destroy()
})

/** Draw with a tool by its shortcut: `r` a rectangle (the facilitator's full set), `d` the pen (everyone's). */
async function drawWith(page: Page, tool: 'r' | 'd', from: number, to: number): Promise<void> {
  const box = (await page.getByTestId('board-canvas').boundingBox())!
  await page.keyboard.press(tool)
  await page.mouse.move(box.x + box.width * from, box.y + box.height * from)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width * to, box.y + box.height * to, { steps: 8 })
  await page.mouse.up()
}

test("the aunt's select-all-delete removes only what she added; the rest of the board stays for everyone", async ({ browser }) => {
  const facilitator = await createFacilitator(db)
  const desk = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const deskPage = await desk.newPage()
  await signIn(deskPage, facilitator)
  const conferenceId = await createConference(deskPage, 'Familie Jansen')
  const joinUrl = await invite(deskPage, 'Tante Amira', 'network')
  await deskPage.goto(`/board/${conferenceId}`)
  await expect(deskPage.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')

  const laptop = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const auntPage = await laptop.newPage()
  await joinByLink(auntPage, joinUrl, 'Tante Amira', conferenceId, 'laptop')

  // The areas are locked for her, not for the facilitator.
  await expect.poll(() => auntPage.getByTestId('area-lock').count()).toBeGreaterThan(0)
  await expect(deskPage.getByTestId('area-lock')).toHaveCount(0)

  // The facilitator adds something, then the aunt does.
  const template = await shapeCount(deskPage)
  await drawWith(deskPage, 'r', 0.35, 0.45)
  await expect.poll(() => shapeCount(auntPage)).toBe(template + 1)
  // The aunt has the simple toolset (no rectangle): she draws with the pen.
  await drawWith(auntPage, 'd', 0.55, 0.65)
  await expect.poll(() => shapeCount(deskPage)).toBe(template + 2)

  // Select all, delete.
  await auntPage.keyboard.press('Escape')
  await auntPage.keyboard.press('ControlOrMeta+a')
  await auntPage.keyboard.press('Delete')

  await expect.poll(() => shapeCount(auntPage)).toBe(template + 1)
  await expect.poll(() => shapeCount(deskPage)).toBe(template + 1)
  await expect(auntPage.getByTestId('refused-edit-notice')).toHaveCount(0)
  // She is told why the rest stayed, instead of seeing nothing happen.
  await expect(auntPage.locator('.tlui-toast__description')).toContainText(/items zijn blijven staan: je kunt alleen weghalen wat je zelf hebt toegevoegd/)

  // After a reload too.
  await auntPage.reload()
  await expect(auntPage.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
  await expect.poll(() => shapeCount(auntPage)).toBe(template + 1)

  // The facilitator may remove anything: her own rectangle and, selecting all, the template.
  await deskPage.keyboard.press('Escape')
  await deskPage.keyboard.press('ControlOrMeta+a')
  await deskPage.keyboard.press('Delete')
  await expect.poll(() => shapeCount(deskPage)).toBe(0)
  await expect.poll(() => shapeCount(auntPage)).toBe(0)

  await desk.close()
  await laptop.close()
})
