import { expect, test, type Page } from '@playwright/test'
import type { Db } from '../../lib/server/db/connect'
import { createConference, invite, joinByLink, newPhoneContext, shapeCount, signIn } from './support/flows'
import { createFacilitator, openE2eDatabase } from './support/seed'

/**
 * The heart of a family group conference: the professional sees the board while the worries are
 * shared (informatie), has no board at all while the family and its network make their plan on
 * their own (besloten deel), and is back, seeing the family's plan, when the family says they are
 * ready. Three people, three browser contexts.
 */
let db: Db

test.beforeAll(async () => {
  db = await openE2eDatabase()
})

test.afterAll(async () => {
  await db.destroy()
})

const FAMILY_WORRY = 'Mama wil hulp bij de ochtenden'

async function expectPhase(page: Page, phase: string): Promise<void> {
  await expect(page.getByTestId('phase').first()).toHaveAttribute('data-phase', phase)
}

test('a professional sees the board, waits during private family time, and comes back to the family plan', async ({ browser }) => {
  const facilitator = await createFacilitator(db)

  const desk = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  const deskPage = await desk.newPage()
  await signIn(deskPage, facilitator)
  const conferenceId = await createConference(deskPage, 'Familie Bakker')
  const motherLink = await invite(deskPage, 'Mama Samira', 'family')
  const professionalLink = await invite(deskPage, 'Jeugdbeschermer Jan', 'professional')

  const phone = await newPhoneContext(browser)
  const motherPage = await phone.newPage()
  await joinByLink(motherPage, motherLink, 'Mama Samira', conferenceId)

  const office = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const professionalPage = await office.newPage()
  await joinByLink(professionalPage, professionalLink, 'Jeugdbeschermer Jan', conferenceId, 'laptop')

  await deskPage.goto(`/board/${conferenceId}`)
  await expect(deskPage.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')

  // Informatie: everyone is on the board, the professional included.
  await deskPage.getByTestId('phase-next').click()
  for (const page of [deskPage, motherPage, professionalPage]) await expectPhase(page, 'informatie')
  await expect.poll(() => shapeCount(professionalPage)).toBeGreaterThan(0)

  // Besloten deel: the professional (and, by default, the facilitator) leave the board.
  await deskPage.getByTestId('phase-next').click()
  await deskPage.getByTestId('confirm-private-time-yes').click()
  for (const page of [deskPage, motherPage, professionalPage]) await expectPhase(page, 'besloten_deel')
  await expect(professionalPage.getByTestId('waiting-room')).toBeVisible()
  await expect.poll(() => shapeCount(professionalPage)).toBe(0)
  await expect(professionalPage.locator('.tl-canvas')).toHaveCount(0)
  await professionalPage.screenshot({ path: 'test-results/professional-waiting-room.png' })

  // The family works on its own plan, on the mother's phone.
  await expect(motherPage.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
  await motherPage.getByTestId('tool-add').tap()
  await motherPage.getByTestId('add-card-worry').tap()
  const editor = motherPage.getByTestId('item-editor')
  await expect(editor).toBeVisible()
  const text = editor.getByTestId('field-text')
  if (!(await text.isVisible())) await editor.getByRole('button', { expanded: false }).first().tap()
  await text.fill(FAMILY_WORRY)
  await expect(motherPage.locator('.tl-shape', { hasText: FAMILY_WORRY })).toBeVisible()
  // Nothing of it reaches the professional while they wait.
  await expect(professionalPage.getByText(FAMILY_WORRY)).toHaveCount(0)

  // "We zijn klaar": the family ends private time; the professional is let back in and told so.
  await motherPage.getByTestId('we-are-ready').tap()
  await motherPage.getByTestId('confirm-ready-yes').tap()
  for (const page of [deskPage, motherPage, professionalPage]) await expectPhase(page, 'plan_en_afspraken')
  await expect(professionalPage.getByTestId('waiting-room')).toHaveCount(0)
  await expect(professionalPage.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
  await expect(professionalPage.locator('.tl-shape', { hasText: FAMILY_WORRY })).toHaveCount(1)
  await professionalPage.screenshot({ path: 'test-results/professional-back.png' })
  await motherPage.screenshot({ path: 'test-results/mother-plan-phase.png' })

  await desk.close()
  await phone.close()
  await office.close()
})
