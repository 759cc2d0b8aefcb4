import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { cmapCoverage } from './text/coverage'

/**
 * The fonts every export renders with (Noto, OFL, in lib/server/export/fonts). Exports never use system
 * fonts or the network: what the PDF and the board image look like must not depend on the machine.
 *
 * Found from the working directory, where the server, the tests and the benchmarks all run (the
 * repository root), not from this module's URL: inside the Next bundle that URL points elsewhere.
 */
export const FONT_DIR = join(process.cwd(), 'lib', 'server', 'export', 'fonts')

/** Font families as the PDF names them (pdfmake font keys). */
export type PdfFont = 'NotoSans' | 'NotoNaskhArabic' | 'NotoSansTifinagh'

/** In order of preference for a character that several fonts have (digits, punctuation). */
export const pdfFonts: readonly PdfFont[] = ['NotoSans', 'NotoNaskhArabic', 'NotoSansTifinagh']

export const fontFiles: Record<PdfFont, { normal: string; bold: string }> = {
  NotoSans: { normal: 'NotoSans-Regular.ttf', bold: 'NotoSans-Bold.ttf' },
  NotoNaskhArabic: { normal: 'NotoNaskhArabic-Regular.ttf', bold: 'NotoNaskhArabic-Bold.ttf' },
  // Tifinagh has no bold cut; bold text in Tifinagh is drawn regular.
  NotoSansTifinagh: { normal: 'NotoSansTifinagh-Regular.ttf', bold: 'NotoSansTifinagh-Regular.ttf' },
}

/** Family names as the font files declare them: what an SVG's font-family must say for resvg. */
export const SVG_FONT_FAMILY = "'Noto Sans', 'Noto Naskh Arabic', 'Noto Sans Tifinagh'"

/** Every font file's path, for resvg. */
export function fontPaths(): string[] {
  const names = new Set(Object.values(fontFiles).flatMap((f) => [f.normal, f.bold]))
  return [...names].map((name) => join(FONT_DIR, name))
}

const buffers = new Map<string, Buffer>()

/** A font file's bytes, read once per process. */
export function fontBytes(file: string): Buffer {
  let bytes = buffers.get(file)
  if (!bytes) {
    try {
      bytes = readFileSync(join(FONT_DIR, file))
    } catch (err) {
      throw new Error(`export font ${file} not found in ${FONT_DIR}; run from the repository root`, { cause: err })
    }
    buffers.set(file, bytes)
  }
  return bytes
}

let coverage: Record<PdfFont, (codePoint: number) => boolean> | null = null

/** Which characters each PDF font has a glyph for (from the regular cut's cmap). */
export function fontCoverage(): Record<PdfFont, (codePoint: number) => boolean> {
  coverage ??= {
    NotoSans: cmapCoverage(fontBytes(fontFiles.NotoSans.normal)),
    NotoNaskhArabic: cmapCoverage(fontBytes(fontFiles.NotoNaskhArabic.normal)),
    NotoSansTifinagh: cmapCoverage(fontBytes(fontFiles.NotoSansTifinagh.normal)),
  }
  return coverage
}
