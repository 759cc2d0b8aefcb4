import { Resvg } from '@resvg/resvg-js'
import { describe, expect, it } from 'vitest'
import { itemDefaults } from '../../lib/board/items'
import { svgToPng } from '../../lib/server/export/board-png'
import { REDACTED_MARK, renderBoardSvg } from '../../lib/server/export/board-svg'
import { PAGE, sampleBoard } from './export-fixtures'

/**
 * The board image: our own SVG of the board's records (what a facilitator recognises as their
 * board), and its PNG rendered with the bundled fonts only.
 */

function viewBoxOf(svg: string): { x: number; y: number; w: number; h: number } {
  const [x, y, w, h] = /viewBox="([^"]+)"/.exec(svg)![1]!.split(' ').map(Number)
  return { x: x!, y: y!, w: w!, h: h! }
}

function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  return { width: view.getUint32(16), height: view.getUint32(20) }
}

function person(id: string, x: number, y: number, name: string): Record<string, unknown> {
  return { id, typeName: 'shape', type: 'kring-person', parentId: PAGE, index: 'a1', x, y, rotation: 0, isLocked: false, opacity: 1, meta: {}, props: { ...itemDefaults['kring-person'], name } }
}

/** Two people and a strong tie between them, bound at both ends. */
function tiedPair(bX: number): Record<string, unknown> {
  const records: Record<string, unknown>[] = [
    { id: PAGE, typeName: 'page', name: 'Bord', index: 'a1', meta: {} },
    person('shape:a', 0, 0, 'Amira'),
    person('shape:b', bX, 0, 'Noor'),
    {
      id: 'shape:tie',
      typeName: 'shape',
      type: 'arrow',
      parentId: PAGE,
      index: 'a2',
      x: 0,
      y: 0,
      rotation: 0,
      isLocked: false,
      opacity: 1,
      meta: { kringTie: 'strong' },
      props: { start: { x: 0, y: 0 }, end: { x: 10, y: 10 }, bend: 0, arrowheadStart: 'none', arrowheadEnd: 'none', color: 'black', size: 'm', dash: 'draw', scale: 1 },
    },
    ...(['start', 'end'] as const).map((terminal) => ({
      id: `binding:${terminal}`,
      typeName: 'binding',
      type: 'arrow',
      fromId: 'shape:tie',
      toId: terminal === 'start' ? 'shape:a' : 'shape:b',
      meta: {},
      props: { terminal, normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false, snap: 'none' },
    })),
  ]
  return Object.fromEntries(records.map((r) => [String(r.id), r]))
}

function tiePath(svg: string): { x1: number; y1: number; x2: number; y2: number } {
  const match = /<path d="M([-\d.]+) ([-\d.]+)L([-\d.]+) ([-\d.]+)" fill="none" stroke="#1f6b63" stroke-width="6"/.exec(svg)
  expect(match, 'a strong tie drawn as a straight line').not.toBeNull()
  const [, x1, y1, x2, y2] = match!.map(Number)
  return { x1: x1!, y1: y1!, x2: x2!, y2: y2! }
}

describe('renderBoardSvg', () => {
  const { records } = sampleBoard()
  const svg = renderBoardSvg(records, { locale: 'nl', redacted: false })

  it('draws the Kring items with their words, and the areas with their titles', () => {
    for (const text of ['Amira El Idrissi', 'أمينة الزهراء', 'ⵜⴰⵍⴰ Tala', 'Amira haalt Noor op van school', 'Papa drinkt als hij boos is', 'Hoe veilig is Noor nu thuis?', '06-12345678', 'Netwerkcirkel', 'Drie kolommen', 'Huis van dromen', 'Afspraak', 'Gezin']) {
      expect(svg, text).toContain(text)
    }
    // An agreement names its owners and backup from the people on the board.
    expect(svg).toContain('Amira El Idrissi, Youssef El Idrissi')
  })

  it('draws the bottom lines in their area, the ticked one saying who ticked it off', () => {
    for (const text of ['Ondergrenzen', 'Ondergrens', 'Noor is nooit alleen thuis met', 'Afgevinkt door Jeroen Smit', 'Er is elke schooldag een']) {
      expect(svg, text).toContain(text)
    }
    expect(svg.match(/>Afgevinkt</g)).toHaveLength(1)
  })

  it("draws tldraw's own shapes: a note, a labelled ellipse, a text and a drawing", () => {
    expect(svg).toContain('Volgende keer:')
    expect(svg).toContain('uitnodigen')
    expect(svg).toContain('Sportclub')
    expect(svg).toContain('<ellipse')
    expect(svg).toContain('Gemaakt op de conferentie')
    expect(svg).toMatch(/<path d="M[-\d.]+ [-\d.]+(L[-\d.]+ [-\d.]+){8}" fill="none" stroke="#e03131"/)
  })

  it('draws every kind of tie and explains them in a legend', () => {
    expect(svg).toContain('stroke="#1f6b63" stroke-width="6"')
    expect(svg).toContain('stroke-dasharray="10 8"')
    expect(svg).toContain('stroke-dasharray="14 5 3 5"')
    expect(svg).toContain('Soort band:')
    expect(svg).toContain('Moeizaam')
  })

  it('fits the view to the content', () => {
    const box = viewBoxOf(svg)
    // The board runs from the question area (y = -460) to the drawing at the right (x ≈ 3900).
    expect(box.x).toBeLessThanOrEqual(-20)
    expect(box.x).toBeGreaterThan(-100)
    expect(box.y).toBeLessThanOrEqual(-460)
    expect(box.y).toBeGreaterThan(-560)
    expect(box.x + box.w).toBeGreaterThan(3860)
    expect(box.x + box.w).toBeLessThan(4000)
  })

  it('is well-formed SVG that resvg reads', () => {
    expect(() => new Resvg(svg, { font: { loadSystemFonts: false } })).not.toThrow()
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
  })

  it('names the bundled fonts', () => {
    expect(svg).toContain(`font-family="'Noto Sans', 'Noto Naskh Arabic', 'Noto Sans Tifinagh'"`)
  })

  it('uses the chosen language', () => {
    const english = renderBoardSvg(records, { locale: 'en', redacted: false })
    expect(english).toContain('Three columns')
    expect(english).not.toContain('Drie kolommen')
  })

  it('escapes text, so a card cannot inject markup', () => {
    const evil = {
      ...records,
      'shape:evil': { ...(records['shape:need'] as object), id: 'shape:evil', props: { ...itemDefaults['kring-card'], kind: 'worry', text: '<script>alert("x")</script> & <image href="http://evil"/>' } },
    }
    const out = renderBoardSvg(evil, { locale: 'nl', redacted: false })
    expect(out).not.toContain('<script')
    expect(out).not.toContain('<image')
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;')
  })

  it('keeps a tie attached when a person moves: its ends sit on both edges', () => {
    const near = tiePath(renderBoardSvg(tiedPair(400), { locale: 'nl', redacted: false }))
    expect(near).toEqual({ x1: 200, y1: 48, x2: 400, y2: 48 })
    const far = tiePath(renderBoardSvg(tiedPair(900), { locale: 'nl', redacted: false }))
    expect(far).toEqual({ x1: 200, y1: 48, x2: 900, y2: 48 })
  })

  it('says so when the board is empty, and skips records it cannot read', () => {
    const empty = renderBoardSvg({}, { locale: 'nl', redacted: false })
    expect(empty).toContain('Het bord is leeg.')
    const junk = {
      a: null,
      b: 'x',
      [PAGE]: { id: PAGE, typeName: 'page', index: 'a1' },
      'shape:bad': { id: 'shape:bad', typeName: 'shape', type: 'kring-person', parentId: PAGE, index: 'a1', x: 0, y: 0, props: { name: 42, ring: 'nowhere' } },
      'shape:loop1': { id: 'shape:loop1', typeName: 'shape', type: 'geo', parentId: 'shape:loop2', index: 'a1', x: 0, y: 0, props: {} },
      'shape:loop2': { id: 'shape:loop2', typeName: 'shape', type: 'geo', parentId: 'shape:loop1', index: 'a1', x: 0, y: 0, props: {} },
      'shape:draw': { id: 'shape:draw', typeName: 'shape', type: 'draw', parentId: PAGE, index: 'a2', x: 0, y: 0, props: { segments: [{ type: 'free', path: '!!not base64' }] } },
    }
    expect(renderBoardSvg(junk, { locale: 'nl', redacted: false })).toContain('Het bord is leeg.')
  })
})

describe('renderBoardSvg, redacted', () => {
  it('shows initials instead of names, no phone numbers, and marks itself redacted', () => {
    const { records } = sampleBoard()
    const svg = renderBoardSvg(records, { locale: 'nl', redacted: true })
    for (const secret of ['Amira El Idrissi', 'أمينة الزهراء', 'Jan-Willem de Vries', '06-12345678', '612 345 678', '765 4321', 'ploegendienst']) {
      expect(svg, secret).not.toContain(secret)
    }
    expect(svg).toContain('A.E.I. (netwerk)')
    // Right-to-left initials without full stops, isolated so they keep their place in a Dutch line.
    expect(svg).toContain('\u2068أ ز\u2069 (familie)')
    expect(svg).not.toContain('أ.ا.')
    expect(svg).toContain('Afgevinkt door J.S.')
    expect(svg).toContain(REDACTED_MARK)
    expect(renderBoardSvg(records, { locale: 'nl', redacted: false })).not.toContain(REDACTED_MARK)
  })
})

describe('svgToPng', () => {
  const { records } = sampleBoard()
  const svg = renderBoardSvg(records, { locale: 'nl', redacted: false })

  it('renders a PNG 2000 px wide by default, or as wide as asked', () => {
    const png = svgToPng(svg)
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    const box = viewBoxOf(svg)
    expect(pngSize(png)).toEqual({ width: 2000, height: Math.round((box.h / box.w) * 2000) })
    expect(pngSize(svgToPng(svg, { width: 640 })).width).toBe(640)
  })

  it('keeps a very tall board at a bounded size', () => {
    const tall = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="10000" viewBox="0 0 100 10000"><rect width="100" height="10000" fill="#eee"/></svg>'
    expect(pngSize(svgToPng(tall)).height).toBe(8000)
  })

  it('refuses an SVG that points at files or URLs (resvg would read them)', () => {
    for (const svg of [
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image href="/etc/kring/secret.png" width="10" height="10"/></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><use xlink:href="other.svg#a"/></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="url(other.svg#g)"/></svg>',
    ]) {
      expect(() => svgToPng(svg, { width: 10 }), svg).toThrow(/self-contained/)
    }
    // Words that look like references are only words.
    const words = { ...records, 'shape:words': { ...(records['shape:need'] as object), id: 'shape:words', props: { ...itemDefaults['kring-card'], text: 'zie url(x) en href="y" @import' } } }
    expect(() => svgToPng(renderBoardSvg(words, { locale: 'nl', redacted: false }), { width: 100 })).not.toThrow()
  })
})
