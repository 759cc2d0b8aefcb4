import { expect, test, type Page } from '@playwright/test'
import * as Y from 'yjs'
import { readBoard } from '../../lib/board/placement'
import type { Db } from '../../lib/server/db/connect'
import { loadBoard } from '../../lib/server/db/repositories/yjs-log'
import { recordsMapOf } from '../../lib/sync/document-format'
import { createConference, invite, joinByLink, signIn } from './support/flows'
import { createFacilitator, openE2eDatabase } from './support/seed'

/**
 * A growing area makes room (lib/board/placement/make-room.ts): an aunt at the table adds the
 * family one by one to the network rings from the palette on her laptop; when the rings are full
 * they grow, and the three columns beside them and the agreements below move aside with their
 * cards, in the same change, instead of lying under the rings. Her device's guard lets the move
 * through (she may not move areas otherwise) and the server stores it.
 */
let db: Db

test.beforeAll(async () => {
  db = await openE2eDatabase()
})

test.afterAll(async () => {
  await db.destroy()
})

type Rec = Record<string, unknown> & { id: string }

async function storedRecords(conferenceId: string): Promise<Rec[]> {
  const stored = await loadBoard(db, conferenceId)
  const doc = new Y.Doc()
  try {
    for (const update of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) Y.applyUpdate(doc, update)
    return Object.values(recordsMapOf(doc).toJSON()) as Rec[]
  } finally {
    doc.destroy()
  }
}

async function addPerson(page: Page, name: string) {
  const palette = page.getByTestId('add-palette')
  if (!(await palette.isVisible())) await page.getByTestId('tool-add').click()
  await palette.getByTestId('add-person-family').click()
  const editor = page.getByTestId('item-editor')
  await expect(editor).toBeVisible()
  await editor.getByTestId('field-name').fill(name)
  await editor.getByRole('button', { name: 'Klaar' }).click()
  await expect(editor).toHaveCount(0)
}

test('the rings grow with the family an aunt adds; the columns and the agreements move aside, nothing lies under the rings', async ({ browser }) => {
  test.setTimeout(420_000)
  const facilitator = await createFacilitator(db)
  const desk = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  const deskPage = await desk.newPage()
  await signIn(deskPage, facilitator)
  const conferenceId = await createConference(deskPage, 'Familie Bakker')
  const joinUrl = await invite(deskPage, 'Tante Els', 'network')
  const aunt = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  const auntPage = await aunt.newPage()
  await joinByLink(auntPage, joinUrl, 'Tante Els', conferenceId, 'laptop')

  const areasOf = async () => readBoard(await storedRecords(conferenceId)).areas
  const start = await areasOf()
  const ringsStart = start.find((a) => a.kind === 'network-rings')!
  const columnsStart = start.find((a) => a.kind === 'three-columns')!
  let added = 0
  for (; added < 20; added++) {
    await addPerson(auntPage, `Familielid ${added + 1}`)
    const name = `Familielid ${added + 1}`
    await expect.poll(async () => (await storedRecords(conferenceId)).some((r) => (r.props as { name?: string } | undefined)?.name === name), { timeout: 15_000 }).toBe(true)
    const rings = (await areasOf()).find((a) => a.kind === 'network-rings')!
    if (rings.w > ringsStart.w) break
  }
  expect(added, 'the rings grew before 20 people').toBeLessThan(20)
  const areas = await areasOf()
  const rings = areas.find((a) => a.kind === 'network-rings')!
  const columns = areas.find((a) => a.kind === 'three-columns')!
  expect({ x: rings.x, y: rings.y }).toEqual({ x: ringsStart.x, y: ringsStart.y })
  expect(columns.x - (rings.x + rings.w)).toBe(columnsStart.x - (ringsStart.x + ringsStart.w))
  for (let i = 0; i < areas.length; i++) {
    for (let j = i + 1; j < areas.length; j++) {
      const [a, b] = [areas[i]!, areas[j]!]
      expect(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h, `${a.kind} / ${b.kind}`).toBe(false)
    }
  }
  // The facilitator's screen shows the columns where they went.
  await deskPage.goto(`/board/${conferenceId}`)
  await expect(deskPage.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
  await deskPage.locator('.tl-container').first().focus()
  await deskPage.keyboard.press('Shift+1')
  await expect(deskPage.locator('[data-area="three-columns"]')).toBeVisible()
  await deskPage.screenshot({ path: 'test-results/area-room-desk.png' })
  await auntPage.screenshot({ path: 'test-results/area-room-aunt.png' })
  await desk.close()
  await aunt.close()
})
