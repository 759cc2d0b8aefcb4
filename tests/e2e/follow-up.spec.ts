import { expect, test } from '@playwright/test'
import type { Db } from '../../lib/server/db/connect'
import { findUserByEmail } from '../../lib/server/db/repositories/users'
import { seedFollowUpWorld } from '../helpers/follow-up-world'
import { newPhoneContext, signIn } from './support/flows'
import { createFacilitator, openE2eDatabase } from './support/seed'

/**
 * Between meetings, on phones: the plan of the De Vries family was agreed yesterday (seeded as a
 * frozen version; the clock is the data's: agreed one day ago, so this is the first week). Mama
 * Sanne says "lukt niet" and asks her backup; Tante Amira sees the request on her phone; the
 * facilitator's follow-up view shows the agreement slipping, first; the evaluatie the facilitator
 * then creates starts with that history on its board; when Amira takes it over, it is carried again.
 */
let db: Db

test.beforeAll(async () => {
  db = await openE2eDatabase()
})

test.afterAll(async () => {
  await db.destroy()
})

const REASON = 'Ik lig deze week in het ziekenhuis'

test('a "lukt niet" reaches the backup, slips in the follow-up view and starts the evaluatie', async ({ browser, baseURL }) => {
  const account = await createFacilitator(db)
  const facilitatorUser = (await findUserByEmail(db, account.email))!
  const world = await seedFollowUpWorld(db, new Date(Date.now() - 24 * 60 * 60 * 1000), { title: 'Familie de Vries', facilitatorUser })

  // Mama Sanne, on her phone, from her invitation link.
  const sanne = await newPhoneContext(browser)
  const sannePage = await sanne.newPage()
  await sannePage.goto(`${baseURL}/join/${world.mother.token}`)
  await sannePage.getByTestId('join-my-agreements').tap()
  await expect(sannePage).toHaveURL(new RegExp(`/conferences/${world.conference.id}/my-agreements$`))
  const mine = sannePage.getByTestId('my-agreement')
  await expect(mine).toHaveCount(1)
  await expect(mine).toContainText('Sem naar school brengen')
  await expect(mine).toContainText('Sem is om half negen op school')
  await expect(mine.getByTestId('due')).toHaveText('Nog niet ingevuld voor deze week')
  await sannePage.screenshot({ path: 'test-results/follow-up-1-sanne-due.png', fullPage: true })
  await mine.getByLabel('Wat is er aan de hand?').fill(REASON)
  await mine.getByLabel('Tante Amira mag het overnemen').check()
  await mine.getByRole('button', { name: 'Lukt niet' }).tap()
  await expect(sannePage.getByTestId('my-agreement').getByTestId('answered')).toContainText('Je zei: Lukt niet')
  await sannePage.screenshot({ path: 'test-results/follow-up-2-sanne-answered.png', fullPage: true })

  // Tante Amira, her backup, on her own phone: the request is there, with the reason.
  const amira = await newPhoneContext(browser)
  const amiraPage = await amira.newPage()
  await amiraPage.goto(`${baseURL}/join/${world.aunt.token}`)
  await amiraPage.getByTestId('join-my-agreements').tap()
  const request = amiraPage.getByTestId('backup-request')
  await expect(request).toContainText(`Mama Sanne kan het niet doen: "${REASON}"`)
  await expect(request.getByRole('button', { name: 'Ik neem het over' })).toBeVisible()
  await expect(amiraPage.getByTestId('my-agreement')).toContainText('Jij bent reserve')
  await amiraPage.screenshot({ path: 'test-results/follow-up-3-amira-request.png', fullPage: true })

  // The facilitator's follow-up view: slipping, first, with what Sanne said.
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const deskPage = await desk.newPage()
  await signIn(deskPage, account)
  await expect(deskPage.getByTestId('create-conference-form')).toBeVisible()
  await deskPage.goto(`${baseURL}/conferences/${world.conference.id}`)
  await deskPage.getByTestId('open-follow-up').click()
  const first = deskPage.getByTestId('follow-up-agreement').first()
  await expect(first).toHaveAttribute('data-status', 'slipping')
  await expect(first).toContainText('Sem naar school brengen')
  await expect(first.getByTestId('follow-up-status')).toContainText('Hapert')
  await expect(first.getByTestId('follow-up-check-in')).toContainText(`Mama Sanne: Lukt niet — “${REASON}”`)
  await expect(deskPage.getByTestId('follow-up-agreement').nth(1)).toHaveAttribute('data-status', 'on-track')
  await expect(deskPage.getByTestId('follow-up-load')).toContainText('Opa Kees')
  await deskPage.screenshot({ path: 'test-results/follow-up-4-facilitator-view.png', fullPage: true })

  // The review meeting: an evaluatie of this conference starts with that history on its board.
  await deskPage.goto(`${baseURL}/`)
  const form = deskPage.getByTestId('create-conference-form')
  await form.getByLabel(/titel/i).fill('Evaluatie familie de Vries')
  await form.getByLabel('Soort bijeenkomst').selectOption('evaluatie')
  await form.getByRole('button', { name: /conferentie aanmaken/i }).click()
  await expect(deskPage).toHaveURL(/\/conferences\/[A-Za-z0-9_-]+$/)
  await deskPage.getByTestId('open-board').click()
  await expect(deskPage.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
  const history = deskPage.locator('.tl-shape').filter({ hasText: 'Wat er gebeurde: Hapert. 1× lukt niet.' })
  await expect(history).toHaveCount(1)
  await expect(deskPage.locator('.tl-shape').filter({ hasText: 'Sem naar school brengen' }).first()).toBeVisible()
  await deskPage.screenshot({ path: 'test-results/follow-up-5-evaluatie-board.png' })

  // Then Tante Amira takes it over for this week: recorded, and the agreement is carried again.
  await amiraPage.getByRole('button', { name: 'Ik neem het over' }).tap()
  await expect(amiraPage.getByText('Genoteerd: jij neemt het over.')).toBeVisible()
  await expect(amiraPage.getByTestId('backup-request')).toContainText('Tante Amira neemt het over.')
  await deskPage.goto(`${baseURL}/conferences/${world.conference.id}/follow-up`)
  const wednesday = deskPage.locator('[data-testid="follow-up-agreement"][data-agreement="shape:wednesday"]')
  await expect(wednesday).toHaveAttribute('data-status', 'on-track')
  await expect(wednesday.getByTestId('follow-up-check-in')).toContainText('Tante Amira nam het over')

  await sanne.close()
  await amira.close()
  await desk.close()
})
