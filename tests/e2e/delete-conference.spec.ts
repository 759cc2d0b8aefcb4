import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import type { Db } from '../../lib/server/db/connect'
import { PersonalDataExport } from '../../lib/protocol/personal-data'
import { createConference, invite, joinByLink, newPhoneContext, signIn } from './support/flows'
import { createFacilitator, openE2eDatabase } from './support/seed'

/**
 * The end of a conference's life, as people see it: a relative downloads what Kring holds about
 * her; the facilitator deletes the conference after a confirmation that says what goes; the
 * relative's open board says the board no longer exists, and the conference is gone from the
 * facilitator's overview.
 */
let db: Db

test.beforeAll(async () => {
  db = await openE2eDatabase()
})

test.afterAll(async () => {
  await db.destroy()
})

test('the facilitator deletes a conference after a confirmation naming what goes; the open board is told', async ({ browser }, testInfo) => {
  const facilitator = await createFacilitator(db)
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const deskPage = await desk.newPage()
  await signIn(deskPage, facilitator)
  const title = `Familie Verwijder ${Date.now()}`
  const conferenceId = await createConference(deskPage, title)
  const joinUrl = await invite(deskPage, 'Tante Amira', 'network')

  // The aunt joins on her phone, and downloads her own data from the plan page.
  const phone = await newPhoneContext(browser)
  const phonePage = await phone.newPage()
  await joinByLink(phonePage, joinUrl, 'Tante Amira', conferenceId)
  await phonePage.goto(`/board/${conferenceId}/plan`)
  const [download] = await Promise.all([phonePage.waitForEvent('download'), phonePage.getByTestId('my-data-link').tap()])
  const mine = PersonalDataExport.parse(JSON.parse(readFileSync((await download.path())!, 'utf8')))
  expect(mine.person).toMatchObject({ name: 'Tante Amira', role: 'network' })
  expect(mine.auditEvents.map((e) => e.action)).toContain('participant.invited')
  await phonePage.goto(`/board/${conferenceId}`)
  await expect(phonePage.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')

  // The facilitator sees when Kring would delete it, and asks to delete it now.
  await deskPage.reload()
  const section = deskPage.getByTestId('retention-section')
  await expect(section.getByTestId('retain-until')).toContainText('365 dagen')
  // A shorter term, within the bounds: the page says the new date.
  const in90Days = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10)
  // Filled once and saved once: until the page has hydrated the field is off (fill waits for it),
  // and the save sends what the field shows.
  await section.getByTestId('retention-date').fill(in90Days)
  await section.getByRole('button', { name: 'Datum opslaan' }).click()
  await expect(section.getByTestId('retain-until')).toContainText('90 dagen')
  await expect(section.getByTestId('retention-date')).toHaveValue(in90Days)
  await expect(section.getByRole('status')).toHaveText('De nieuwe datum is opgeslagen.')
  await section.screenshot({ path: testInfo.outputPath('retention-section.png') })
  await section.getByTestId('delete-conference').click()
  const confirmation = deskPage.getByTestId('delete-confirmation')
  await expect(confirmation).toBeVisible()
  await expect(confirmation.getByTestId('delete-participants')).toHaveText(/^Deelnemers met hun uitnodigingslinks: 2$/)
  await expect(confirmation.getByTestId('delete-versions')).toHaveText(/^Afgesproken versies van het plan .*: 0$/)
  await expect(confirmation.getByTestId('delete-items')).toHaveText(/^Items op het bord: \d+$/)
  await confirmation.screenshot({ path: testInfo.outputPath('delete-confirmation.png') })
  // Nothing goes before the facilitator says they understand.
  await expect(confirmation.getByTestId('delete-confirm')).toBeDisabled()
  await confirmation.getByTestId('delete-understood').check()
  await confirmation.getByTestId('delete-confirm').click()

  // Back on the overview, without the conference; the aunt's board says it no longer exists.
  await expect(deskPage).toHaveURL(/\/$/)
  await expect(deskPage.getByText(title)).toHaveCount(0)
  await expect(deskPage.locator(`a[href="/conferences/${conferenceId}"]`)).toHaveCount(0)
  const notice = phonePage.getByTestId('access-notice')
  await expect(notice).toHaveAttribute('data-loss', 'not-found')
  await phonePage.screenshot({ path: testInfo.outputPath('phone-after-deletion.png') })

  // The conference page and the board are closed to the facilitator too.
  await deskPage.goto(`/conferences/${conferenceId}`)
  await expect(deskPage.getByTestId('retention-section')).toHaveCount(0)
  const row = await db.selectFrom('conferences').select(['deleted_at', 'title']).where('id', '=', conferenceId).executeTakeFirstOrThrow()
  expect(row.deleted_at).not.toBeNull()
  expect(row.title).toBe('')

  await desk.close()
  await phone.close()
})
