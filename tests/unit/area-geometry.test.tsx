import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { AreaDrawing } from '../../client/board/canvas/AreaDrawing'
import { areaGeometry, type AreaGeometry } from '../../lib/board/area-geometry'
import { areaKinds, type AreaKind } from '../../lib/board/items'
import { areaSizes } from '../../lib/board/templates'
import { catalogOf, createTranslator } from '../../lib/i18n/catalogs'
import type { DrawContext } from '../../lib/server/export/board/context'
import { drawArea } from '../../lib/server/export/board/draw-areas'
import { I18nProvider } from '../../client/i18n/I18nProvider'

/**
 * The template areas are drawn twice: on the canvas (React SVG) and in the board image of the
 * exports (SVG strings). Both must draw the one geometry of lib/board/area-geometry.ts, so a
 * facilitator sees in the export the rings, columns, houses and stain they saw on the board.
 * Every area and Family Finding circle, at its template size and at a small and a tall size.
 */

const t = createTranslator('nl')
const ctx = { t, scene: null as never, personName: () => null } satisfies DrawContext

type Attrs = Record<string, string>

/** Every `<tag …>` in an SVG string with its attributes (both renderers write plain attributes). */
function elements(svg: string, tag: string): Attrs[] {
  return [...svg.matchAll(new RegExp(`<${tag}\\s([^>]*?)/?>`, 'g'))].map((match) =>
    Object.fromEntries([...match[1]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((attr) => [attr[1]!, attr[2]!])),
  )
}

/** Every `<text>` with its anchor and its words. */
function textsOf(svg: string): { x: string | undefined; y: string | undefined; words: string }[] {
  return [...svg.matchAll(/<text\s([^>]*)>([^<]*)<\/text>/g)].map((match) => {
    const attrs = Object.fromEntries([...match[1]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((attr) => [attr[1]!, attr[2]!]))
    return { x: attrs.x, y: attrs.y, words: match[2]! }
  })
}

const near = (value: string | undefined, expected: number) => Math.abs(Number(value) - expected) < 0.01

function circlesOf(g: AreaGeometry) {
  return [...g.rings, ...(g.core ? [g.core] : [])]
}

function cases(): { area: AreaKind; variant: number; w: number; h: number }[] {
  const sizes = (area: AreaKind) => [areaSizes[area], { w: 400, h: 300 }, { w: 900, h: 2000 }]
  return areaKinds.flatMap((area) => {
    const variants = area === 'finding-circle' ? [0, 1, 2, 3, 4] : [0]
    return variants.flatMap((variant) => sizes(area).map((size) => ({ area, variant, ...size })))
  })
}

function canvasSvg(c: { area: AreaKind; variant: number; w: number; h: number }): string {
  // As on the board: inside the page's I18nProvider, with the Dutch catalogue.
  return renderToStaticMarkup(createElement(I18nProvider, { locale: 'nl', messages: catalogOf('nl'), children: createElement(AreaDrawing, c) }))
}

function exportSvg(c: { area: AreaKind; variant: number; w: number; h: number }): string {
  return drawArea(c, ctx)
}

describe('area geometry: the canvas and the export draw the same', () => {
  it.each(cases())('$area $variant at $w×$h', (c) => {
    const g = areaGeometry(c.area, c.variant, c.w, c.h)
    const canvas = canvasSvg(c)
    const exported = exportSvg(c)

    // Rings and the core: circles on the canvas, ellipses in the export.
    const circles = circlesOf(g)
    const canvasCircles = elements(canvas, 'circle')
    const exportCircles = elements(exported, 'ellipse')
    expect(canvasCircles).toHaveLength(circles.length)
    expect(exportCircles).toHaveLength(circles.length)
    circles.forEach((circle, i) => {
      expect(near(canvasCircles[i]!.cx, circle.cx) && near(canvasCircles[i]!.cy, circle.cy) && near(canvasCircles[i]!.r, circle.r)).toBe(true)
      expect(near(exportCircles[i]!.cx, circle.cx) && near(exportCircles[i]!.cy, circle.cy) && near(exportCircles[i]!.rx, circle.r)).toBe(true)
    })

    // The frame and the column bands: the same rects, in order.
    const rects = [g.frame, ...g.columnBands]
    for (const drawn of [elements(canvas, 'rect'), elements(exported, 'rect')]) {
      expect(drawn).toHaveLength(rects.length)
      rects.forEach((r, i) => {
        const { x, y, width, height } = drawn[i]!
        expect(near(x, r.x) && near(y, r.y) && near(width, r.w) && near(height, r.h)).toBe(true)
      })
    }

    // Houses and the stain's layers: the very same path data.
    const outlines = [...g.houses.map((house) => house.d), ...g.stains]
    for (const svg of [canvas, exported]) {
      const paths = elements(svg, 'path').map((path) => path.d)
      for (const d of outlines) expect(paths).toContain(d)
    }

    // Every label, in words, at the same anchor and baseline (the export cuts what does not fit its room with "…").
    for (const label of g.labels) {
      const words = t(label.key)
      const at = (svg: string) => textsOf(svg).filter((text) => near(text.x, label.x) && near(text.y, label.baseline))
      expect(at(canvas).map((text) => text.words)).toEqual([words])
      const [inExport] = at(exported)
      expect(inExport && (inExport.words === words || (inExport.words.endsWith('…') && words.startsWith(inExport.words.slice(0, -1))))).toBe(true)
    }
  })

  it('gives every structured area its structure', () => {
    const structure = (area: AreaKind) => {
      const g = areaGeometry(area, 0, areaSizes[area].w, areaSizes[area].h)
      return { rings: g.rings.length, bands: g.columnBands.length, houses: g.houses.length, stains: g.stains.length, labels: g.labels.length }
    }
    expect(structure('network-rings')).toEqual({ rings: 3, bands: 0, houses: 0, stains: 0, labels: 4 })
    expect(structure('finding-circle')).toEqual({ rings: 3, bands: 0, houses: 0, stains: 0, labels: 4 })
    expect(structure('three-columns')).toEqual({ rings: 0, bands: 3, houses: 0, stains: 0, labels: 3 })
    expect(structure('safety-map')).toEqual({ rings: 0, bands: 3, houses: 0, stains: 0, labels: 4 })
    expect(structure('three-houses')).toEqual({ rings: 0, bands: 0, houses: 3, stains: 0, labels: 3 })
    expect(structure('oil-stain')).toEqual({ rings: 0, bands: 0, houses: 0, stains: 3, labels: 0 })
    expect(structure('agreements')).toEqual({ rings: 0, bands: 0, houses: 0, stains: 0, labels: 0 })
  })

  it('names each Family Finding circle after its own rings', () => {
    const keys = [0, 1, 2, 3, 4].map((variant) => areaGeometry('finding-circle', variant, 900, 900).labels.map((label) => label.key))
    expect(new Set(keys.map((k) => k.join())).size).toBe(5)
    expect(areaGeometry('finding-circle', 9, 900, 900).title).toBe('items.area.finding-circle.4.title')
  })
})
