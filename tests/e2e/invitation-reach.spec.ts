import { expect, test } from '@playwright/test'
import { createConference, invite, joinByLink, newPhoneContext, signIn } from './support/flows'
import { createFacilitator, openE2eDatabase } from './support/seed'

/**
 * The invitation reaches her (issue 10 part 4). The facilitator, on her phone, fills in when and
 * where the meeting is, invites the aunt and sends the invitation on: the message in the aunt's
 * language, with the date, the Dutch time and the link, ready for WhatsApp, SMS or e-mail, and a
 * calendar file. Her list then follows the link: not opened, opened, took part.
 */

const AUNT = 'Tante Amina'

test('the facilitator sends an invitation on from her phone and sees it reach the aunt', async ({ browser }, testInfo) => {
  const db = await openE2eDatabase()
  const account = await createFacilitator(db)
  await db.destroy()

  const facilitatorContext = await newPhoneContext(browser)
  const facilitator = await facilitatorContext.newPage()
  await signIn(facilitator, account)
  const conferenceId = await createConference(facilitator, `Overleg ${Date.now()}`)
  const facts = facilitator.getByTestId('conference-facts-form')
  await facts.getByLabel('Datum van het beraad').fill('2026-12-08')
  await facts.getByLabel('Begintijd').fill('19:30')
  await facts.getByLabel('Duur (minuten)').fill('150')
  await facts.getByLabel('Plaats').fill('Buurthuis De Kring')
  await facts.getByRole('button', { name: 'Gegevens opslaan' }).click()
  await expect(facilitator.getByTestId('facts-saved')).toBeVisible()

  const joinUrl = await invite(facilitator, AUNT, 'network')
  const share = facilitator.getByTestId('invitation-share')
  await expect(share).toBeVisible()
  await share.getByTestId('share-language').selectOption('en')
  const whatsapp = decodeURIComponent((await share.getByTestId('share-whatsapp').getAttribute('href')) ?? '')
  expect(whatsapp).toContain('Hello Tante Amina')
  expect(whatsapp).toContain('at 19:30 (Dutch time)')
  expect(whatsapp).toContain(joinUrl)
  await expect(share.getByTestId('share-sms')).toHaveAttribute('href', /^sms:/)
  await expect(share.getByTestId('share-email')).toHaveAttribute('href', /^mailto:\?subject=/)
  const download = facilitator.waitForEvent('download')
  await share.getByTestId('share-calendar').tap()
  expect((await download).suggestedFilename()).toMatch(/\.ics$/)
  await share.locator('summary').tap()
  await facilitator.screenshot({ path: testInfo.outputPath('facilitator-phone-share.png'), fullPage: true })

  const reach = facilitator.getByTestId('invitation-row').filter({ hasText: AUNT }).getByTestId('invitation-reach')
  await expect(reach).toHaveAttribute('data-step', 'notOpened')

  // The aunt opens the link on her phone: opened; she goes onto the board: took part.
  const auntContext = await newPhoneContext(browser)
  const aunt = await auntContext.newPage()
  await aunt.goto(joinUrl)
  // She may have only this link: it says when and where, in Dutch time.
  await expect(aunt.getByTestId('join-when')).toContainText('om 19:30 (Nederlandse tijd)')
  await expect(aunt.getByTestId('join-when')).toContainText('Buurthuis De Kring')
  await expect.poll(async () => {
    await facilitator.reload()
    return reach.getAttribute('data-step')
  }).toBe('opened')
  await joinByLink(aunt, joinUrl, AUNT, conferenceId)
  await expect.poll(async () => {
    await facilitator.reload()
    return reach.getAttribute('data-step')
  }).toBe('joined')
  await expect(reach).toContainText('laatst gezien')

  await auntContext.close()
  await facilitatorContext.close()
})
