/**
 * Idle memory and cold start: Kring's production server started as `npm start` starts it
 * (scripts/start.mjs: the checks, then Next + sync + socket.io in one process, NODE_ENV=production,
 * SQLite in a fresh data dir), beside the bare y-websocket server (@y/websocket-server's own
 * `y-websocket` command) in the same rounds.
 * - cold start: from spawning the command until GET /healthz answers 200 (the bare server answers
 *   any path), with the operating system's file cache warm (a warm-up start comes first, and
 *   builds the app if `npm start` would);
 * - idle RSS: the server process's resident memory once it has settled after the start, nobody
 *   connected. Kring's line also gives the whole process tree `npm start` leaves running (the
 *   compiled server; the start script too where Node cannot replace it with the server);
 * - first page: GET / right after, which is where Next loads what it did not load at start.
 * Median of ROUNDS rounds. Linux only (/proc).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Benchmark } from './lib/benchmark'
import { processRssMb, processTree, processTreeRssMb } from './lib/process-memory'
import { percentile } from './lib/stats'

const ROUNDS = 3
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const BARE_SERVER = join(ROOT, 'node_modules/@y/websocket-server/src/server.js')
/** A first start that builds the app waits this long; a measured start, START_TIMEOUT_MS. */
const BUILD_TIMEOUT_MS = 15 * 60_000
const START_TIMEOUT_MS = 120_000
/** Settled: RSS moved less than SETTLE_MB over SETTLE_WINDOW_MS (Next loads some of its code after listening). */
const SETTLE_MB = 1
const SETTLE_WINDOW_MS = 2_000
const SETTLE_MAX_MS = 20_000
const SAMPLE_MS = 250
const AUTH_SECRET = 'bench-secret-0123456789-0123456789-0123456789'

interface Started {
  child: ChildProcess
  coldStartMs: number
  port: number
}

interface Measured {
  coldStartMs: number
  rssMb: number
  treeRssMb: number
  firstPageMs: number | null
  rssAfterPageMb: number | null
}

const pause = (msToWait: number) => new Promise((resolve) => setTimeout(resolve, msToWait))

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) })
    await response.arrayBuffer()
    return response.ok
  } catch {
    return false
  }
}

/** Spawn a server on `port` and time it until /healthz answers. */
async function start(port: number, args: string[], env: Record<string, string>, timeoutMs: number): Promise<Started> {
  const started = performance.now()
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_000)))
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)
  child.once('exit', () => process.off('exit', killOnExit))
  const deadline = started + timeoutMs
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${args.join(' ')} exited before answering: ${stderr}`)
    if (await answers(`http://127.0.0.1:${port}/healthz`)) break
    if (performance.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`${args.join(' ')} did not answer within ${timeoutMs / 1000} s: ${stderr}`)
    }
    await pause(10)
  }
  return { child, coldStartMs: performance.now() - started, port }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  // The start script passes SIGTERM on to the server; its compiler service ends with it.
  child.kill('SIGTERM')
  const timer = setTimeout(() => {
    for (const pid of processTree(child.pid!).reverse()) {
      try {
        process.kill(pid, 'SIGKILL')
      } catch {
        // Already gone.
      }
    }
  }, 10_000)
  await exited
  clearTimeout(timer)
}

/** Wait until a process's memory stops moving; its RSS then. */
async function settledRss(read: () => number | null): Promise<number> {
  const samples: { at: number; mb: number }[] = []
  const started = performance.now()
  for (;;) {
    const mb = read()
    if (mb === null) throw new Error('the server exited while idle')
    const at = performance.now()
    samples.push({ at, mb })
    const window = samples.filter((s) => s.at >= at - SETTLE_WINDOW_MS)
    const settled = at - started >= SETTLE_WINDOW_MS && Math.max(...window.map((s) => s.mb)) - Math.min(...window.map((s) => s.mb)) < SETTLE_MB
    if (settled || at - started > SETTLE_MAX_MS) return mb
    await pause(SAMPLE_MS)
  }
}

/** The server process under the start script (the one that serves): the compiled server, or server/index.ts under tsx. */
function serverPid(startPid: number): number {
  for (const pid of processTree(startPid)) {
    try {
      if (/server\/index\.ts|kring-server\/index\.mjs/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))) return pid
    } catch {
      // Gone while looking.
    }
  }
  return startPid
}

async function measureKring(dataDir: string, timeoutMs = START_TIMEOUT_MS): Promise<Measured> {
  const port = await freePort()
  const env = { DATA_DIR: dataDir, AUTH_SECRET, PUBLIC_URL: `http://127.0.0.1:${port}`, LOG_LEVEL: 'warn' }
  const { child, coldStartMs } = await start(port, ['scripts/start.mjs'], env, timeoutMs)
  try {
    const pid = serverPid(child.pid!)
    const rssMb = await settledRss(() => processRssMb(pid))
    const treeRssMb = processTreeRssMb(child.pid!)
    const pageStarted = performance.now()
    const page = await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual' })
    await page.arrayBuffer()
    if (page.status >= 500) throw new Error(`GET / answered ${page.status}`)
    const firstPageMs = performance.now() - pageStarted
    return { coldStartMs, rssMb, treeRssMb, firstPageMs, rssAfterPageMb: processRssMb(pid) }
  } finally {
    await stop(child)
  }
}

async function measureBare(): Promise<Measured> {
  const port = await freePort()
  const { child, coldStartMs } = await start(port, [BARE_SERVER], {}, START_TIMEOUT_MS)
  try {
    const rssMb = await settledRss(() => processRssMb(child.pid!))
    return { coldStartMs, rssMb, treeRssMb: processTreeRssMb(child.pid!), firstPageMs: null, rssAfterPageMb: null }
  } finally {
    await stop(child)
  }
}

const median = (values: number[]) => percentile(values, 50)
const mb = (value: number) => value.toFixed(1)
const whole = (value: number) => value.toFixed(0)

export const idle: Benchmark = {
  name: 'idle',
  // The warm-up start builds the app when `npm start` would (sources newer than the build).
  extraTimeoutMs: BUILD_TIMEOUT_MS,
  async run(log) {
    const dataDir = mkdtempSync(join(tmpdir(), 'kring-bench-idle-'))
    try {
      log('idle: warm-up start (builds the app first if it is out of date)')
      await measureKring(dataDir, BUILD_TIMEOUT_MS)
      const kring: Measured[] = []
      const bare: Measured[] = []
      for (let round = 0; round < ROUNDS; round++) {
        const k = await measureKring(dataDir)
        const b = await measureBare()
        log(`idle: round ${round + 1}: kring rss=${mb(k.rssMb)} MB (tree ${mb(k.treeRssMb)} MB, after GET / ${mb(k.rssAfterPageMb ?? 0)} MB) cold start=${whole(k.coldStartMs)} ms first page=${whole(k.firstPageMs ?? 0)} ms; bare rss=${mb(b.rssMb)} MB cold start=${whole(b.coldStartMs)} ms`)
        kring.push(k)
        bare.push(b)
      }
      const of = (list: Measured[], pick: (m: Measured) => number | null) => median(list.map((m) => pick(m) ?? Number.NaN))
      const kringRss = of(kring, (m) => m.rssMb)
      const bareRss = of(bare, (m) => m.rssMb)
      const kringCold = of(kring, (m) => m.coldStartMs)
      const bareCold = of(bare, (m) => m.coldStartMs)
      return [
        `idle kring_rss_mb=${mb(kringRss)} baseline_rss_mb=${mb(bareRss)} rss_ratio=${(kringRss / bareRss).toFixed(2)}`,
        `kring_cold_start_ms=${whole(kringCold)} baseline_cold_start_ms=${whole(bareCold)}`,
        `kring_tree_rss_mb=${mb(of(kring, (m) => m.treeRssMb))} kring_first_page_ms=${whole(of(kring, (m) => m.firstPageMs))} kring_rss_after_page_mb=${mb(of(kring, (m) => m.rssAfterPageMb))}`,
      ].join(' ')
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  },
}
