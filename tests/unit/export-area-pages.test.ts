import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { renderBoardSvg } from '../../lib/server/export/board-svg'
import { onlyRegion, readRegions } from '../../lib/server/export/board/regions'
import { TIE_STYLES } from '../../lib/server/export/board/palette'
import { renderPlanPdf } from '../../lib/server/export/pdf'
import { OVERLAP_TEXTS, overlapBoard } from './area-overlap-board'
import { sampleBoard } from './export-fixtures'

/**
 * An area's page in the plan PDF shows what belongs to that area, not whatever lies in its
 * rectangle: the rings grew over the columns' first column, and the worry lying there is the
 * columns' (on their page, whole), not the rings'; a card in the gap under the rings belongs to no
 * area and is on the page for what lies elsewhere; a tie from the rings to the worry is on the
 * overview only, where both its ends are. Everything written is on exactly one area's page.
 */

const svg = renderBoardSvg(overlapBoard(), { locale: 'nl', redacted: false })
const regions = readRegions(svg)
const page = (title: string) => {
  const index = regions.findIndex((region) => region.title === title)
  expect(index, title).toBeGreaterThanOrEqual(0)
  return onlyRegion(svg, index)
}
/** The strong ties drawn (the legend's sample line is no arrow: it has no `fill="none"`). */
const ties = (image: string) => image.split(`fill="none" stroke="${TIE_STYLES.strong.color}" stroke-width="${TIE_STYLES.strong.width}"`).length - 1

describe('the board image, area by area', () => {
  it('has a page for each area with something on it, and one for what lies on no area', () => {
    expect(regions.map((r) => r.title)).toEqual(['Netwerkcirkel', 'Drie kolommen', 'Elders op het bord'])
  })

  it("the rings' page leaves out the neighbour's worry lying on the grown rings, and the card half over their edge", () => {
    const rings = page('Netwerkcirkel')
    expect(rings).toContain(OVERLAP_TEXTS.person)
    expect(rings).toContain(OVERLAP_TEXTS.otherPerson)
    expect(rings).not.toContain(OVERLAP_TEXTS.worry)
    expect(rings).not.toContain(OVERLAP_TEXTS.loose)
    expect(rings).not.toContain('Drie kolommen')
    // The tie between two people in the rings, not the one to the worry on the columns.
    expect(ties(rings)).toBe(1)
  })

  it("the worry is on the columns' page, with the columns' other cards and nothing of the rings", () => {
    const columns = page('Drie kolommen')
    expect(columns).toContain(OVERLAP_TEXTS.worry)
    expect(columns).toContain(OVERLAP_TEXTS.columnsGoingWell)
    expect(columns).not.toContain(OVERLAP_TEXTS.person)
    expect(columns).not.toContain('Netwerkcirkel')
    expect(ties(columns)).toBe(0)
  })

  it('the card on no area is on the page for what lies elsewhere, without the area it reaches into', () => {
    const elsewhere = page('Elders op het bord')
    expect(elsewhere).toContain(OVERLAP_TEXTS.loose)
    expect(elsewhere).not.toContain('Netwerkcirkel')
    expect(elsewhere).not.toContain(OVERLAP_TEXTS.person)
  })

  it('everything written is on exactly one page; the whole board (the overview) has it all, the tie across too', () => {
    const pages = regions.map((_, index) => onlyRegion(svg, index))
    for (const text of Object.values(OVERLAP_TEXTS)) {
      expect(svg, text).toContain(text)
      expect(pages.filter((p) => p.includes(text)).length, text).toBe(1)
    }
    expect(ties(svg)).toBe(2)
  })

  it("an area's region holds the area and its items, so a card over the area's edge is not cut off", () => {
    const board = overlapBoard() as Record<string, { id: string; x: number; y: number; props: Record<string, unknown> }>
    // Oma moved down until her card hangs out under the rings (its centre still on them).
    board['shape:oma'] = { ...board['shape:oma']!, y: 1900 }
    const rings = readRegions(renderBoardSvg(board, { locale: 'nl', redacted: false }))[0]!
    expect(rings.title).toBe('Netwerkcirkel')
    expect(rings.box.y + rings.box.h).toBeGreaterThanOrEqual(1900 + 96)
  })
})

describe('the plan PDF with areas reaching over each other', () => {
  it('prints the overview, then each area and what lies elsewhere on pages of their own', async () => {
    const { input } = sampleBoard({})
    const pdf = await renderPlanPdf({ ...input, boardSvg: svg })
    const text = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8')
    const board = text.slice(text.lastIndexOf('De netwerkkaart en het bord'))
    expect(board.indexOf('Netwerkcirkel')).toBeGreaterThan(0)
    expect(board.indexOf('Drie kolommen')).toBeGreaterThan(board.indexOf('Netwerkcirkel'))
    expect(board.indexOf('Elders op het bord')).toBeGreaterThan(board.indexOf('Drie kolommen'))
  })
})
