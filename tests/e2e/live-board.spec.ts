import { expect, test } from '@playwright/test'
import type { Db } from '../../lib/server/db/connect'
import { createConference, invite, joinByLink, newPhoneContext, shapeCount, signIn } from './support/flows'
import { createFacilitator, openE2eDatabase } from './support/seed'
import { strokeAcross, touchDrag } from './support/touch'

/**
 * The first story of Kring: a facilitator signs in, creates a conference and invites an aunt;
 * the aunt opens the link on her phone and is on the board in one tap; what either draws appears
 * on the other's screen, and each sees the other in the roster.
 */
let db: Db

test.beforeAll(async () => {
  db = await openE2eDatabase()
})

test.afterAll(async () => {
  await db.destroy()
})

test('facilitator invites, a relative joins from a phone, both draw and see each other', async ({ browser }) => {
  const facilitator = await createFacilitator(db)

  // The facilitator, on a laptop.
  const desk = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const deskPage = await desk.newPage()
  await signIn(deskPage, facilitator)
  const conferenceId = await createConference(deskPage, 'Familie Jansen')
  const joinUrl = await invite(deskPage, 'Tante Amira', 'network')

  // The aunt, on a phone, far away: one tap and she is on the board.
  const phone = await newPhoneContext(browser)
  const phonePage = await phone.newPage()
  await joinByLink(phonePage, joinUrl, 'Tante Amira', conferenceId)

  await deskPage.goto(`/board/${conferenceId}`)
  await expect(deskPage.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')

  // Both see each other in the roster: the aunt online on a phone, the facilitator online.
  const deskRoster = deskPage.getByTestId('roster')
  await expect(
    deskRoster.locator('[data-testid="roster-entry"][data-role="network"][data-online="true"][data-device="phone"]'),
  ).toHaveCount(1)
  const phoneRoster = phonePage.getByTestId('roster')
  if (!(await phoneRoster.isVisible())) await phonePage.getByTestId('roster-toggle').tap()
  await expect(phoneRoster.locator('[data-testid="roster-entry"][data-role="facilitator"][data-online="true"]')).toHaveCount(1)
  if (await phonePage.getByTestId('roster-toggle').isVisible()) await phonePage.getByTestId('roster-toggle').tap()

  // The facilitator draws a rectangle; it appears on the phone.
  const before = await shapeCount(phonePage)
  const canvas = deskPage.getByTestId('board-canvas')
  const box = (await canvas.boundingBox())!
  await deskPage.keyboard.press('r')
  await deskPage.mouse.move(box.x + box.width * 0.35, box.y + box.height * 0.35)
  await deskPage.mouse.down()
  await deskPage.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5, { steps: 8 })
  await deskPage.mouse.up()
  await expect.poll(() => shapeCount(deskPage)).toBe(before + 1)
  await expect.poll(() => shapeCount(phonePage)).toBe(before + 1)

  // The aunt draws with her finger; it appears on the laptop.
  await phonePage.getByTestId('tools.draw').tap()
  const phoneBox = (await phonePage.getByTestId('board-canvas').boundingBox())!
  await touchDrag(
    phonePage,
    strokeAcross(
      { x: phoneBox.x + phoneBox.width * 0.2, y: phoneBox.y + phoneBox.height * 0.3 },
      { x: phoneBox.x + phoneBox.width * 0.7, y: phoneBox.y + phoneBox.height * 0.35 },
    ),
  )
  await expect.poll(() => shapeCount(phonePage)).toBe(before + 2)
  await expect.poll(() => shapeCount(deskPage)).toBe(before + 2)

  await phonePage.screenshot({ path: 'test-results/phone-board.png' })
  await deskPage.screenshot({ path: 'test-results/desk-board.png' })
  await desk.close()
  await phone.close()
})
