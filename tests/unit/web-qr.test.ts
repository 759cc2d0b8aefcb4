import { describe, expect, it } from 'vitest'
import { create } from 'qrcode'
import { qrPath } from '../../lib/qr/qr-path'

describe('qrPath', () => {
  it('draws exactly the dark modules of the QR code for a join link', () => {
    const url = 'https://kring.example.org/join/OZj8iofWS42sWijxMV-2MpJh0ygLcahXu7awMrmiGLA'
    const { size, path } = qrPath(url)
    const reference = create(url, { errorCorrectionLevel: 'M' }).modules
    expect(size).toBe(reference.size)
    const dark = Array.from(reference.data).filter(Boolean).length
    expect(path.match(/M/g)).toHaveLength(dark)
    // The three finder patterns: the top-left module is always dark.
    expect(path.startsWith('M0 0h1v1h-1z')).toBe(true)
  })
})
