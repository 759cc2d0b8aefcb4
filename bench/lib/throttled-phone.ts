import { gzipSync } from 'node:zlib'
import { chromium, devices, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test'

/**
 * A phone the way issue 10 tried Kring: 390×844 touch, Chromium's own throttling through the
 * DevTools protocol (400 ms latency, 400 kbit/s down and up, CPU 4× slower), with every response
 * counted as it finishes. What a load cost is read from those counts, never guessed from files.
 */
export const THROTTLE = { latencyMs: 400, kbitPerSecond: 400, cpuSlowdown: 4 }

export interface LoadedResource {
  url: string
  type: string
  /** Bytes on the wire (headers and body, as the network delivered them). */
  transferred: number
  /** The body gzipped here (level 9): the size a script is compared by, whatever the server sent. */
  gzipped: number
  /** When it finished, ms since the measurement started. */
  finishedAt: number
}

export interface PhoneMeter {
  page: Page
  context: BrowserContext
  /** Start counting (and the clock) from now; earlier resources are forgotten. */
  reset(): void
  /** What finished so far (resources whose body could not be read count their transfer only). */
  resources(): Promise<LoadedResource[]>
  /** Requests sent and neither finished nor failed yet. */
  inFlight(): number
  elapsedMs(): number
  /** A wall-clock time (Date.now() in the page, same machine) as ms since the measurement started. */
  sinceStart(wallClockMs: number): number
  close(): Promise<void>
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.KRING_CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  })
}

/** A fresh throttled phone context (empty cache, no cookies; the browser caches as it would). */
export async function openThrottledPhone(browser: Browser): Promise<PhoneMeter> {
  const context = await browser.newContext({
    ...devices['Pixel 7'],
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
    // The offline shell's worker (public/sw.js) would fetch what the page loads after it started,
    // outside this page's network log: those files would count as 0 bytes. A first visit without it.
    serviceWorkers: 'block',
  })
  const page = await context.newPage()
  const cdp: CDPSession = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  const bytesPerSecond = (THROTTLE.kbitPerSecond * 1000) / 8
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: THROTTLE.latencyMs,
    downloadThroughput: bytesPerSecond,
    uploadThroughput: bytesPerSecond,
  })
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE.cpuSlowdown })

  let started = performance.now()
  let startedWall = Date.now()
  const requests = new Map<string, { url: string; type: string }>()
  const finished: { requestId: string; url: string; type: string; transferred: number; finishedAt: number }[] = []
  const pending = new Set<string>()
  cdp.on('Network.requestWillBeSent', (event) => {
    if (!event.request.url.startsWith('data:')) pending.add(event.requestId)
  })
  const sockets = new Set<string>()
  cdp.on('Network.webSocketCreated', (event) => {
    sockets.add(event.requestId)
  })
  cdp.on('Network.loadingFailed', (event) => {
    pending.delete(event.requestId)
  })
  cdp.on('Network.responseReceived', (event) => {
    requests.set(event.requestId, { url: event.response.url, type: event.type })
  })
  cdp.on('Network.loadingFinished', (event) => {
    pending.delete(event.requestId)
    const request = requests.get(event.requestId)
    if (!request || request.url.startsWith('data:')) return
    finished.push({ requestId: event.requestId, ...request, transferred: event.encodedDataLength, finishedAt: performance.now() - started })
  })

  const bodies = new Map<string, number>()
  const gzippedSize = async (requestId: string): Promise<number> => {
    const known = bodies.get(requestId)
    if (known !== undefined) return known
    try {
      const { body, base64Encoded } = await cdp.send('Network.getResponseBody', { requestId })
      const size = gzipSync(Buffer.from(body, base64Encoded ? 'base64' : 'utf8'), { level: 9 }).byteLength
      bodies.set(requestId, size)
      return size
    } catch {
      return 0
    }
  }

  return {
    page,
    context,
    reset() {
      started = performance.now()
      startedWall = Date.now()
      finished.length = 0
    },
    async resources() {
      const list: LoadedResource[] = []
      for (const item of [...finished]) {
        list.push({ url: item.url, type: item.type, transferred: item.transferred, gzipped: await gzippedSize(item.requestId), finishedAt: item.finishedAt })
      }
      return list
    },
    // A websocket's upgrade request never "finishes": only plain requests count as in flight.
    inFlight: () => [...pending].filter((id) => !sockets.has(id)).length,
    elapsedMs: () => performance.now() - started,
    sinceStart: (wallClockMs: number) => wallClockMs - startedWall,
    close: () => context.close(),
  }
}

/** Scripts are JavaScript whatever the server calls them. */
export function isScript(resource: LoadedResource): boolean {
  return resource.type === 'Script' || /\.m?js(\?|$)/.test(new URL(resource.url).pathname)
}

export const kb = (bytes: number) => (bytes / 1024).toFixed(0)
