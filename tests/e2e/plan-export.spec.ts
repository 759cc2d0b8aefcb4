import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { expect, test, type Download, type Locator, type Page } from '@playwright/test'
import Ajv from 'ajv'
import type { Db } from '../../lib/server/db/connect'
import { createConference, invite, joinByLink, newPhoneContext, signIn } from './support/flows'
import { createFacilitator, openE2eDatabase } from './support/seed'

/**
 * The toolkit story: the facilitator builds a small plan on the board (people, an agreement, a
 * safety-plan line), the mother reads it on her phone, the facilitator proposes it and the mother
 * agrees on her own device; the frozen version is exported as PDF (plain and redacted) and JSON.
 */
let db: Db

test.beforeAll(async () => {
  db = await openE2eDatabase()
})

test.afterAll(async () => {
  await db.destroy()
})

const GRANDMA = 'Oma Fatima'
const AUNT = 'أمينة الزهراء'
const AGREEMENT = 'Oma haalt Sem op woensdag uit school'
const PHONE = '06 1234 5678'
const SIGNAL = 'Papa drinkt weer'
const QUESTION = 'Hoe komt Sem veilig thuis van school?'
const WORRY = 'Sem wacht vaak alleen bij het hek'

// pdftotext marks right-to-left runs with bidi control characters; the words between them count.
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/**
 * The PDF's text twice: in reading order (pdftotext's default, which puts right-to-left words
 * back in logical order) and in content order (`-raw`, which keeps text wrapped in a table cell
 * together). One space between words. "Contains" holds if either reading has it; "does not
 * contain" must hold for both.
 */
function pdfText(path: string): string {
  const read = (args: string[]) => execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', ...args, path, '-']).toString('utf8')
  return [read([]), read(['-raw'])].map((text) => text.replace(BIDI_CONTROLS, '').replace(/\s+/g, ' ')).join('\n')
}

async function saved(download: Download): Promise<string> {
  const path = await download.path()
  expect(path).toBeTruthy()
  return path
}

/** Add an item from the "Toevoegen" palette; its editor opens for it. */
async function addItem(page: Page, id: string): Promise<Locator> {
  const palette = page.getByTestId('add-palette')
  if (!(await palette.isVisible())) await page.getByTestId('tool-add').click()
  await palette.getByTestId(`add-${id}`).click()
  const editor = page.getByTestId('item-editor')
  await expect(editor).toBeVisible()
  return editor
}

test('a plan built on the board is agreed from two devices and exported as PDF and JSON', async ({ browser }) => {
  const facilitator = await createFacilitator(db)
  const desk = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })
  const deskPage = await desk.newPage()
  await signIn(deskPage, facilitator)
  const conferenceId = await createConference(deskPage, 'Familie El Idrissi')
  // The case-file facts, on the conference page: they go on the cover of the PDF.
  const factsForm = deskPage.getByTestId('conference-facts-form')
  await factsForm.getByLabel('Datum van het beraad').fill('2026-03-03')
  await factsForm.getByLabel('Plaats', { exact: true }).fill('Buurthuis De Kring')
  await factsForm.getByTestId('facts-add-child').click()
  await factsForm.getByTestId('facts-child').getByLabel('Voornaam').fill('Sam')
  await factsForm.getByTestId('facts-child').getByLabel('Leeftijd').fill('12')
  await factsForm.getByLabel('Organisatie van de gespreksleider').fill('Eigen Kracht Centrale')
  await factsForm.getByRole('button', { name: 'Gegevens opslaan' }).click()
  await expect(factsForm.getByTestId('facts-saved')).toBeVisible()
  const joinUrl = await invite(deskPage, 'Mama Samira', 'family')

  const phone = await newPhoneContext(browser)
  const phonePage = await phone.newPage()
  await joinByLink(phonePage, joinUrl, 'Mama Samira', conferenceId)

  // The facilitator builds the plan on the board.
  await deskPage.goto(`/board/${conferenceId}`)
  await expect(deskPage.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')

  // The palette asks the group first: grandma is family, the aunt network.
  let editor = await addItem(deskPage, 'person-family')
  await editor.getByTestId('field-name').fill(GRANDMA)
  editor = await addItem(deskPage, 'person-network')
  await editor.getByTestId('field-name').fill(AUNT)

  editor = await addItem(deskPage, 'card-central-question')
  await editor.getByTestId('field-text').fill(QUESTION)
  // A worry nothing answers yet: an open point the facilitator has to confirm before proposing.
  editor = await addItem(deskPage, 'card-worry')
  await editor.getByTestId('field-text').fill(WORRY)

  editor = await addItem(deskPage, 'agreement')
  await editor.getByTestId('field-what').fill(AGREEMENT)
  await editor.getByTestId('field-owners').getByLabel(GRANDMA).check()
  await editor.getByTestId('field-when').fill('elke woensdag')
  await editor.getByTestId('field-backup').selectOption({ label: AUNT })

  editor = await addItem(deskPage, 'safety')
  await editor.getByTestId('field-signal').fill(SIGNAL)
  await editor.getByLabel(/naam/i).fill(GRANDMA)
  await editor.getByTestId('field-phone').fill(PHONE)

  await deskPage.screenshot({ path: 'test-results/desk-board-items.png' })

  // The mother reads the plan on her phone: the reading view, derived live from the board.
  await phonePage.goto(`/board/${conferenceId}/plan`)
  const phonePlan = phonePage.getByTestId('plan-view')
  await expect(phonePlan.getByText(AGREEMENT)).toBeVisible()
  await expect(phonePlan.getByText(PHONE).first()).toBeVisible()

  // The facilitator proposes; the mother agrees on her own phone; the version is frozen on both.
  await deskPage.goto(`/board/${conferenceId}/plan`)
  await expect(deskPage.getByTestId('plan-view').getByText(AGREEMENT)).toBeVisible()
  // One open point: "Voorstellen" waits until the facilitator ticks it knowingly.
  const propose = deskPage.getByTestId('agreement-propose')
  const openPoints = deskPage.getByTestId('propose-warnings').getByTestId('propose-warning')
  await expect(openPoints).toHaveCount(1)
  await expect(deskPage.getByTestId('propose-warnings')).toContainText(WORRY)
  await expect(propose).toBeDisabled()
  await openPoints.first().check()
  await expect(propose).toBeEnabled()
  await propose.click()
  await expect(phonePage.getByTestId('agreement-proposal')).toBeVisible()
  await expect(phonePage.getByTestId('agreement-accepted-warnings')).toBeVisible()
  await phonePage.getByTestId('agreement-confirm').tap()
  await expect(deskPage.getByTestId('agreement-frozen')).toBeVisible()
  await expect(phonePage.getByTestId('agreement-frozen')).toBeVisible()
  await phonePage.screenshot({ path: 'test-results/phone-plan-agreed.png', fullPage: true })

  // Afterwards: the export, from the conference page.
  await deskPage.goto(`/conferences/${conferenceId}`)
  const versions = deskPage.getByTestId('versions-section')
  await expect(versions.getByTestId('version-item')).toHaveCount(1)
  await deskPage.screenshot({ path: 'test-results/desk-versions.png', fullPage: true })

  const [pdfDownload] = await Promise.all([deskPage.waitForEvent('download'), versions.getByTestId('export-pdf').click()])
  const pdf = pdfText(await saved(pdfDownload))
  await pdfDownload.saveAs('test-results/plan-v1.pdf')
  expect(pdf).toContain(AGREEMENT)
  expect(pdf).toContain(GRANDMA)
  expect(pdf).toContain(AUNT)
  expect(pdf).toContain(PHONE)
  expect(pdf).toContain(SIGNAL)
  expect(pdf).toContain('Mama Samira')
  for (const fact of ['3 maart 2026', 'Buurthuis De Kring', 'Sam (12 jaar)', 'Eigen Kracht Centrale']) expect(pdf).toContain(fact)
  expect(pdf).not.toContain('Niets ingevuld')

  const [jsonDownload] = await Promise.all([deskPage.waitForEvent('download'), versions.getByTestId('export-json').click()])
  const exported: unknown = JSON.parse(readFileSync(await saved(jsonDownload), 'utf8'))
  const schema = JSON.parse(readFileSync('docs/plan-export.schema.json', 'utf8')) as object
  const ajv = new Ajv({ strict: false }).addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)))
  const validate = ajv.compile(schema)
  expect(validate(exported), JSON.stringify(validate.errors)).toBe(true)
  expect(JSON.stringify(exported)).toContain(AGREEMENT)
  // The version says which open point the facilitator accepted.
  expect((exported as { version: { acceptedWarnings?: { warnings: { code: string }[] } } }).version.acceptedWarnings?.warnings.map((w) => w.code)).toEqual([
    'worry-unanswered',
  ])

  // Redacted: no names of network members, no phone numbers.
  await versions.getByTestId('versions-redacted').check()
  const [redactedDownload] = await Promise.all([deskPage.waitForEvent('download'), versions.getByTestId('export-pdf').click()])
  expect(redactedDownload.suggestedFilename()).toMatch(/geanonimiseerd\.pdf$/)
  const redacted = pdfText(await saved(redactedDownload))
  await redactedDownload.saveAs('test-results/plan-v1-redacted.pdf')
  expect(redacted).toContain(SIGNAL)
  expect(redacted).not.toContain(GRANDMA)
  expect(redacted).not.toContain(AUNT)
  expect(redacted).not.toContain(PHONE)
  expect(redacted.replace(/\s/g, '')).not.toContain(PHONE.replace(/\s/g, ''))

  await desk.close()
  await phone.close()
})
