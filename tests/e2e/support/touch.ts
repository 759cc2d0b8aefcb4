import type { Page } from '@playwright/test'

/**
 * Drag a finger across the screen, as a person on a phone draws: real touch events through the
 * Chrome DevTools Protocol (Playwright's touchscreen only taps).
 */
export async function touchDrag(page: Page, points: { x: number; y: number }[]): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  const [first, ...rest] = points
  if (!first) return
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: first.x, y: first.y }] })
  for (const point of rest) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: point.x, y: point.y }] })
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  await cdp.detach()
}

/** Points along a gentle zig-zag, enough for tldraw to make a freehand stroke. */
export function strokeAcross(from: { x: number; y: number }, to: { x: number; y: number }, steps = 12) {
  return Array.from({ length: steps + 1 }, (_, i) => ({
    x: from.x + ((to.x - from.x) * i) / steps,
    y: from.y + ((to.y - from.y) * i) / steps + (i % 2 === 0 ? 0 : 8),
  }))
}
