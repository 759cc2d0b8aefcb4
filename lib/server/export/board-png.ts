import { Resvg } from '@resvg/resvg-js'
import { fontPaths } from './fonts'

/**
 * The board SVG as a PNG, rendered with resvg and only the bundled Noto fonts (no system fonts,
 * no network, no files the SVG points at). `width` defaults to 2000 px; a very
 * tall board is scaled to at most MAX_HEIGHT px high instead, so memory stays bounded.
 */

export const DEFAULT_PNG_WIDTH = 2000
const MAX_HEIGHT = 8000
const MAX_WIDTH = 8000

/** The SVG's own size from its root viewBox (or width/height), if it states one. */
export function intrinsicSize(svg: string): { w: number; h: number } | null {
  const root = /<svg\b[^>]*>/i.exec(svg)?.[0] ?? ''
  const viewBox = /\bviewBox="\s*[-\d.e]+[\s,]+[-\d.e]+[\s,]+([\d.e]+)[\s,]+([\d.e]+)\s*"/i.exec(root)
  if (viewBox) return { w: Number(viewBox[1]), h: Number(viewBox[2]) }
  const w = /\bwidth="([\d.]+)"/.exec(root)
  const h = /\bheight="([\d.]+)"/.exec(root)
  return w && h ? { w: Number(w[1]), h: Number(h[1]) } : null
}

/**
 * resvg reads the files an SVG points at (an <image href="/some/path.png"> is drawn from disk).
 * The board SVG never points anywhere, so an SVG that does is refused rather than rendered.
 */
const EXTERNAL_REFERENCE = /<(?:image|feImage)\b|\bhref\s*=\s*["'](?!#)|url\(\s*["']?(?!#)|@import/i

export function svgToPng(svg: string, options: { width?: number } = {}): Uint8Array {
  // Markup only: words on the board ("zie url(…)") are text, not references.
  if (EXTERNAL_REFERENCE.test(svg.replace(/>[^<]*</g, '><'))) throw new Error('svgToPng renders self-contained SVGs only (no images, links or imports)')
  const width = Math.round(Math.min(MAX_WIDTH, Math.max(1, options.width ?? DEFAULT_PNG_WIDTH)))
  const size = intrinsicSize(svg)
  const tooTall = size !== null && size.w > 0 && (size.h / size.w) * width > MAX_HEIGHT
  const resvg = new Resvg(svg, {
    font: {
      loadSystemFonts: false,
      fontFiles: fontPaths(),
      defaultFontFamily: 'Noto Sans',
      sansSerifFamily: 'Noto Sans',
      serifFamily: 'Noto Sans',
      monospaceFamily: 'Noto Sans',
    },
    fitTo: tooTall ? { mode: 'height', value: MAX_HEIGHT } : { mode: 'width', value: width },
    background: '#ffffff',
    // resvg logs font fallbacks with the text's family names only; nothing from the board.
    logLevel: 'error',
  })
  return new Uint8Array(resvg.render().asPng())
}
