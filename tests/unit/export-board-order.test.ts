import { describe, expect, it } from 'vitest'
import { itemDefaults, type ItemType } from '../../lib/board/items'
import { areaRecords, TEMPLATE_PAGE_ID, templateRecords } from '../../lib/board/templates'
import { indexKeyAt } from '../../lib/board/templates/index-keys'
import { kringShape } from '../../lib/board/templates/shape-records'
import { renderBoardSvg } from '../../lib/server/export/board-svg'
import { readRegions } from '../../lib/server/export/board/regions'

/**
 * The board image of the exports (issue 11): drawn from the board's layout, without what the
 * canvas shows only to invite people (empty items with "Nog leeg", the areas' hints), and with
 * the regions the PDF prints one by one: each area that has something on it, and what lies
 * outside the areas.
 */

let n = 0
const createId = () => `x${++n}`
type Rec = Record<string, unknown> & { id: string }

function boardWith(items: [ItemType, Record<string, unknown>, { x: number; y: number }][]): Record<string, unknown> {
  const records = templateRecords('familiegroepsplan', { locale: 'nl', createId }) as unknown as Rec[]
  records.push(...(areaRecords('three-houses', { x: 40, y: 4000 }, { pageId: TEMPLATE_PAGE_ID, createId }) as unknown as Rec[]))
  items.forEach(([type, props, at], i) => {
    records.push({ ...(kringShape(type, at, { ...itemDefaults[type], ...props } as never, { pageId: TEMPLATE_PAGE_ID, createId }) as unknown as Rec), index: indexKeyAt(300 + i) })
  })
  return Object.fromEntries(records.map((r) => [r.id, r]))
}

describe('the board image without on-screen hints', () => {
  const records = boardWith([
    ['kring-card', { kind: 'worry', text: '' }, { x: 2400, y: 1000 }],
    ['kring-person', { name: '' }, { x: 400, y: 900 }],
    ['kring-bottom-line', { text: '' }, { x: 1800, y: 200 }],
    ['kring-card', { kind: 'worry', text: 'Sem slaapt slecht' }, { x: 2400, y: 800 }],
  ])
  const svg = renderBoardSvg(records, { locale: 'nl', redacted: false })

  it('leaves out items nobody wrote on, and their "Nog leeg" hints', () => {
    expect(svg).toContain('Sem slaapt slecht')
    for (const hint of ['Nog leeg', 'tik om te schrijven', 'Naam nog invullen']) expect(svg, hint).not.toContain(hint)
  })

  it("keeps the areas' titles but not the hints under them", () => {
    expect(svg).toContain('Netwerkcirkel')
    expect(svg).toContain('Drie kolommen')
    expect(svg).not.toContain('Waar moet het plan een antwoord op geven?')
    expect(svg).not.toContain('huisgenoten, naaste familie')
  })
})

describe('the regions the PDF prints one by one', () => {
  it('marks each area with something on it, in reading order, and what lies elsewhere', () => {
    const records = boardWith([
      ['kring-card', { kind: 'worry', text: 'Sem slaapt slecht' }, { x: 2400, y: 800 }],
      ['kring-person', { name: 'Oma Fatima', ring: 'inner', group: 'family' }, { x: 500, y: 900 }],
      ['kring-house-card', { house: 'dreams', text: 'piloot' }, { x: 1300, y: 4400 }],
      ['kring-card', { kind: 'need', text: 'Rust' }, { x: 6000, y: 200 }],
    ])
    const regions = readRegions(renderBoardSvg(records, { locale: 'nl', redacted: false }))
    expect(regions.map((r) => r.title)).toEqual(['Netwerkcirkel', 'Drie kolommen', 'Drie huizen', 'Elders op het bord'])
    // An area's region is the area: the rings are 1400 × 1400.
    expect(regions[0]!.box).toMatchObject({ w: 1400, h: 1400 })
    expect(regions[3]!.box).toMatchObject({ x: 6000, y: 200, w: 240, h: 120 })
  })

  it('has no regions for the template alone (nothing written yet)', () => {
    const svg = renderBoardSvg(boardWith([]), { locale: 'nl', redacted: false })
    expect(readRegions(svg)).toEqual([])
  })
})
