/**
 * tldraw's store flushes its change events once per animation frame; Node has no frames. A 60 Hz
 * timer stands in, so the board's bindings batch a store's changes per frame as in the browser.
 */
export function installAnimationFrames(): void {
  if (typeof globalThis.requestAnimationFrame === 'function') return
  globalThis.requestAnimationFrame = (callback: FrameRequestCallback) => setTimeout(() => callback(performance.now()), 1000 / 60) as unknown as number
  globalThis.cancelAnimationFrame = (handle: number) => clearTimeout(handle)
}
