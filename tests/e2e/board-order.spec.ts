import { expect, test, type Page } from '@playwright/test'
import * as Y from 'yjs'
import { classifyByPosition, readBoard, slotOf } from '../../lib/board/placement'
import type { Db } from '../../lib/server/db/connect'
import { loadBoard } from '../../lib/server/db/repositories/yjs-log'
import { recordsMapOf } from '../../lib/sync/document-format'
import { createConference, invite, joinByLink, newPhoneContext, signIn } from './support/flows'
import { createFacilitator, openE2eDatabase } from './support/seed'

/**
 * A board that stays in order (issue 11): the facilitator on a laptop and an aunt on her phone
 * build a plan from the palette; every item lands in its area and its part of it (a person in a
 * ring, a worry in the worries column, an agreement under Afspraken, a safety line in the safety
 * plan, a house card in its house). Positions are read from the board the server stored: what
 * everyone else gets. A card dragged into another column becomes that kind.
 */
let db: Db

test.beforeAll(async () => {
  db = await openE2eDatabase()
})

test.afterAll(async () => {
  await db.destroy()
})

type Rec = Record<string, unknown> & { id: string; type?: string; props?: Record<string, unknown> }

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

/** The text a person typed into an item, whichever field holds it. */
const wordsOf = (record: Rec) => String(record.props?.name ?? record.props?.text ?? record.props?.what ?? record.props?.signal ?? '')

/** Add an item from the palette and type its words; the editor closes again. */
async function addFromPalette(page: Page, entry: string, field: string, words: string, touch: boolean) {
  const press = async (locator: ReturnType<Page['getByTestId']>) => (touch ? locator.tap() : locator.click())
  const palette = page.getByTestId('add-palette')
  if (!(await palette.isVisible())) await press(page.getByTestId('tool-add'))
  await press(palette.getByTestId(`add-${entry}`))
  const editor = page.getByTestId('item-editor')
  await expect(editor).toBeVisible()
  await editor.getByTestId(field).fill(words)
  await press(editor.getByRole('button', { name: 'Klaar' }))
  await expect(editor).toHaveCount(0)
}

const DESK_ITEMS: [entry: string, field: string, words: string][] = [
  ['person-family', 'field-name', 'Oma Fatima'],
  ['person-professional', 'field-name', 'Juf Anne'],
  ['card-going-well', 'field-text', 'Oma kookt op woensdag'],
  ['card-worry', 'field-text', 'Sem slaapt slecht'],
  ['card-next-step', 'field-text', 'Sem gaat naar de huisarts'],
  ['agreement', 'field-what', 'Oma haalt Sem op woensdag op'],
  ['safety', 'field-signal', 'Papa drinkt weer'],
  ['house-good-things', 'field-text', 'voetbal'],
]
const PHONE_ITEMS: [entry: string, field: string, words: string][] = [
  ['person-network', 'field-name', 'Buurman Kees'],
  ['person-family', 'field-name', 'Mama Samira'],
  ['person-institution', 'field-name', 'Voetbalclub'],
  ['card-worry', 'field-text', 'Geen geld voor de sportclub'],
  ['card-going-well', 'field-text', 'Sem lacht weer'],
  ['agreement', 'field-what', 'Kees brengt Sem naar training'],
  ['house-dreams', 'field-text', 'piloot worden'],
]

test('a plan built from the palette on a laptop and a phone: every item in its area; a card dragged to the worries is a worry', async ({ browser }) => {
  test.setTimeout(420_000)
  const facilitator = await createFacilitator(db)
  const desk = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  const deskPage = await desk.newPage()
  await signIn(deskPage, facilitator)
  const conferenceId = await createConference(deskPage, 'Familie Bakker')
  const joinUrl = await invite(deskPage, 'Tante Els', 'network')

  await deskPage.goto(`/board/${conferenceId}`)
  await expect(deskPage.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
  // The template has no safety plan and no houses: the facilitator adds them.
  for (const area of ['safety-plan', 'three-houses']) {
    const picker = deskPage.getByTestId('area-picker')
    if (!(await picker.isVisible())) await deskPage.getByTestId('tool-area').click()
    await picker.getByTestId(`add-area-${area}`).click()
  }
  await deskPage.getByTestId('tool-area').click()
  await expect(deskPage.getByTestId('area-picker')).toHaveCount(0)

  const phone = await newPhoneContext(browser)
  const phonePage = await phone.newPage()
  await joinByLink(phonePage, joinUrl, 'Tante Els', conferenceId)
  // The phone opens on the area of the phase (voorbereiding: the network rings), fitted to its width.
  const rings = phonePage.locator('.tl-shape', { has: phonePage.locator('[data-area="network-rings"]') })
  const ringsWidth = async () => Math.round((await rings.boundingBox({ timeout: 2_000 }).catch(() => null))?.width ?? 0)
  await expect.poll(ringsWidth, { message: 'the rings fill the phone’s width' }).toBeGreaterThan(300)
  expect(await ringsWidth()).toBeLessThanOrEqual(390)
  await phonePage.screenshot({ path: 'test-results/board-order-phone-open.png' })

  for (const [entry, field, words] of DESK_ITEMS) await addFromPalette(deskPage, entry, field, words, false)
  for (const [entry, field, words] of PHONE_ITEMS) await addFromPalette(phonePage, entry, field, words, true)

  const all = [...DESK_ITEMS, ...PHONE_ITEMS].map(([, , words]) => words)
  await expect
    .poll(async () => (await storedRecords(conferenceId)).filter((r) => all.includes(wordsOf(r))).length, { timeout: 30_000 })
    .toBe(all.length)
  const records = await storedRecords(conferenceId)
  const board = readBoard(records)
  for (const words of all) {
    const record = records.find((r) => wordsOf(r) === words)!
    const item = board.items.find((i) => i.id === record.id)!
    const slot = slotOf(item.type, item.props)
    expect(slot, words).not.toBeNull()
    const area = board.areas.find((a) => a.kind === slot!.areas[0] && a.x <= item.box.x && a.y <= item.box.y && item.box.x + item.box.w <= a.x + a.w && item.box.y + item.box.h <= a.y + a.h)
    expect(area, `${words} lies inside a ${slot!.areas[0]} area`).toBeDefined()
    // And in its part of it: its ring, its column, its house.
    expect(classifyByPosition(records, record.id), words).toBeNull()
  }
  // No two items overlap.
  const boxes = board.items.map((i) => i.box)
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!]
      expect(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h, `${board.items[i]!.id} / ${board.items[j]!.id}`).toBe(false)
    }
  }

  // The facilitator drags "Oma kookt op woensdag" from "gaat goed" into "zorgen": it is a worry now.
  await deskPage.getByTestId('tool-add').click()
  await expect(deskPage.getByTestId('add-palette')).toHaveCount(0)
  // Zoom to fit (tldraw's Shift+1), with the canvas focused: the whole board in view.
  await deskPage.locator('.tl-container').first().focus()
  await deskPage.keyboard.press('Shift+1')
  const columns = deskPage.locator('[data-area="three-columns"]')
  const card = deskPage.locator('.tl-shape', { hasText: 'Oma kookt op woensdag' })
  await expect(columns).toBeVisible()
  await expect(card).toBeVisible()
  const from = (await card.boundingBox())!
  const area = (await columns.boundingBox())!
  const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 }
  const target = { x: area.x + area.width / 2, y: area.y + area.height * 0.7 }
  await deskPage.mouse.move(start.x, start.y)
  await deskPage.mouse.down()
  await deskPage.mouse.move(target.x, target.y, { steps: 12 })
  await deskPage.mouse.up()
  await expect
    .poll(async () => (await storedRecords(conferenceId)).find((r) => wordsOf(r) === 'Oma kookt op woensdag')?.props?.kind, { timeout: 15_000 })
    .toBe('worry')
  await deskPage.screenshot({ path: 'test-results/board-order-desk.png' })

  // "Opruimen" is the facilitator's: the aunt's phone has no such button. The facilitator tidies
  // the columns: the dragged card joins the other worries in the grid, nothing overlaps.
  await expect(phonePage.getByTestId('area-tidy')).toHaveCount(0)
  await deskPage.keyboard.press('Escape')
  await columns.getByTestId('area-tidy').click()
  await expect
    .poll(async () => {
      const after = await storedRecords(conferenceId)
      const worry = after.find((r) => wordsOf(r) === 'Oma kookt op woensdag')!
      const others = after.filter((r) => r.props?.kind === 'worry' && r.id !== worry.id)
      // In the grid: in line with the other worries (same grid column or row), every card in its column.
      return others.some((r) => r.x === worry.x || r.y === worry.y) && after.every((r) => !r.props?.kind || classifyByPosition(after, r.id) === null)
    }, { timeout: 15_000 })
    .toBe(true)
  await deskPage.screenshot({ path: 'test-results/board-order-tidied.png' })

  await desk.close()
  await phone.close()
})
