/**
 * Which code points a TrueType/OpenType font has a glyph for, read from its `cmap` table.
 *
 * pdfmake has no font fallback: a character the chosen font lacks becomes an empty box. Knowing
 * each font's coverage lets the PDF give every run of text a font that can draw it.
 * Reads the Unicode subtables of format 12 (full repertoire) or, failing that, format 4 (BMP).
 */
export function cmapCoverage(font: Uint8Array): (codePoint: number) => boolean {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength)
  const cmap = findTable(view, 'cmap')
  if (cmap === null) throw new Error('font has no cmap table')
  const subtables = new Map<string, number>()
  const count = view.getUint16(cmap + 2)
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + i * 8
    const key = `${view.getUint16(record)}/${view.getUint16(record + 2)}`
    subtables.set(key, cmap + view.getUint32(record + 4))
  }
  const full = subtables.get('3/10') ?? subtables.get('0/4') ?? subtables.get('0/6')
  if (full !== undefined && view.getUint16(full) === 12) return format12(view, full)
  const bmp = subtables.get('3/1') ?? subtables.get('0/3') ?? subtables.get('0/1') ?? subtables.get('0/0')
  if (bmp !== undefined && view.getUint16(bmp) === 4) return format4(view, bmp)
  throw new Error('font has no Unicode cmap of format 4 or 12')
}

function findTable(view: DataView, tag: string): number | null {
  const numTables = view.getUint16(4)
  for (let i = 0; i < numTables; i++) {
    const record = 12 + i * 16
    const name = String.fromCharCode(view.getUint8(record), view.getUint8(record + 1), view.getUint8(record + 2), view.getUint8(record + 3))
    if (name === tag) return view.getUint32(record + 8)
  }
  return null
}

type Range = [start: number, end: number]

function lookup(ranges: Range[]): (codePoint: number) => boolean {
  return (codePoint) => {
    let lo = 0
    let hi = ranges.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const [start, end] = ranges[mid]!
      if (codePoint < start) hi = mid - 1
      else if (codePoint > end) lo = mid + 1
      else return true
    }
    return false
  }
}

function format12(view: DataView, at: number): (codePoint: number) => boolean {
  const groups = view.getUint32(at + 12)
  const ranges: Range[] = []
  for (let i = 0; i < groups; i++) {
    const group = at + 16 + i * 12
    ranges.push([view.getUint32(group), view.getUint32(group + 4)])
  }
  ranges.sort((a, b) => a[0] - b[0])
  return lookup(ranges)
}

function format4(view: DataView, at: number): (codePoint: number) => boolean {
  const segCount = view.getUint16(at + 6) / 2
  const endCodes = at + 14
  const startCodes = endCodes + segCount * 2 + 2
  const idDeltas = startCodes + segCount * 2
  const idRangeOffsets = idDeltas + segCount * 2
  const covered = new Set<number>()
  for (let s = 0; s < segCount; s++) {
    const start = view.getUint16(startCodes + s * 2)
    const end = view.getUint16(endCodes + s * 2)
    const delta = view.getInt16(idDeltas + s * 2)
    const rangeOffsetAt = idRangeOffsets + s * 2
    const rangeOffset = view.getUint16(rangeOffsetAt)
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff
      else {
        const glyphAt = rangeOffsetAt + rangeOffset + (c - start) * 2
        const raw = glyphAt + 2 <= view.byteLength ? view.getUint16(glyphAt) : 0
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff
      }
      if (glyph !== 0) covered.add(c)
    }
  }
  return (codePoint) => covered.has(codePoint)
}
