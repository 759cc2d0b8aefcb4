import { create } from 'qrcode'

/**
 * A QR code as one SVG path (one `h1v1h-1z` square per dark module), so pages can draw it as
 * plain SVG without injecting markup. `size` is the number of modules per side; callers add
 * the quiet zone with the viewBox.
 */
export function qrPath(text: string): { size: number; path: string } {
  const { modules } = create(text, { errorCorrectionLevel: 'M' })
  const { size, data } = modules
  const parts: string[] = []
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (data[y * size + x]) parts.push(`M${x} ${y}h1v1h-1z`)
    }
  }
  return { size, path: parts.join('') }
}

/** Modules of white space around the code; the QR standard asks for four. */
export const QR_QUIET_ZONE = 4
