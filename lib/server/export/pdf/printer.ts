import pdfmake from 'pdfmake'
import type { TDocumentDefinitions } from 'pdfmake/interfaces'
import { fontBytes, fontFiles, type PdfFont } from '../fonts'

/**
 * pdfmake 0.3 on Node, set up once per process: the Noto fonts are put in pdfmake's in-memory file
 * system (so no path on disk is read while rendering), and every URL and local file a document
 * might name is refused. pdfmake is a shared instance; the set-up is the same for every caller.
 */

interface VirtualFs {
  writeFileSync(name: string, content: Buffer): void
}

interface PdfmakeNode {
  virtualfs: VirtualFs
  setUrlAccessPolicy(callback: (url: string) => boolean): void
  setLocalAccessPolicy(callback: (path: string) => boolean): void
}

let ready = false

function setUp(): void {
  if (ready) return
  const node = pdfmake as unknown as PdfmakeNode
  const fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }> = {}
  for (const [family, files] of Object.entries(fontFiles) as [PdfFont, { normal: string; bold: string }][]) {
    node.virtualfs.writeFileSync(files.normal, fontBytes(files.normal))
    node.virtualfs.writeFileSync(files.bold, fontBytes(files.bold))
    // No italic cuts: italic text is drawn upright.
    fonts[family] = { normal: files.normal, bold: files.bold, italics: files.normal, bolditalics: files.bold }
  }
  pdfmake.setFonts(fonts)
  node.setUrlAccessPolicy(() => false)
  node.setLocalAccessPolicy(() => false)
  ready = true
}

export async function printPdf(definition: TDocumentDefinitions): Promise<Uint8Array> {
  setUp()
  const buffer = await pdfmake.createPdf(definition).getBuffer()
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}
