/**
 * Bandwidth on a prepaid phone (issue 10, section 2) and the server's cost per presence update
 * (issue 13, section 3), today's code beside the code before the change, in the same run.
 *
 * Clients: real Yjs clients in this process doing what the board page does, not a browser. The
 * drawer is a tldraw store bound to the board by Kring's binding, drawing with the pen: every
 * pointer move (60 a second) moves its pointer and rewrites the stroke's draw shape, as tldraw's
 * pen does; strokes of one second, 150 ms apart (pointer up between them). The watcher is a phone
 * that looks on (Kring's binding, says it shows no live cursors). Bytes are counted per websocket
 * frame as the browser's devtools (CDP frame sizes) would: payload plus frame header, no TCP/TLS.
 *
 * Baseline: the server code from before the change (the parent of the commit that added
 * server/sync/room-presence.ts, extracted from git, bench/lib/baseline-tree.ts) with the client as
 * it was (bench/lib/legacy-client.ts: the stock provider's echo, a write per move, the full presence
 * at 15 Hz). Current: this tree's server with Kring's client (tests/helpers/kring-client.ts).
 *
 * Server CPU: 10 clients in one room, each moving its cursor 10 times a second (issue 13's load),
 * the server's CPU time (from /proc) over that time divided by the presence updates the clients made.
 */
import { spawn } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { encodeAwarenessUpdate } from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { sendOwnPresenceOnly } from '../client/board/session/own-presence-only'
import { drawShape, strokePoint } from '../tests/helpers/drawing'
import { connectKringClient, countingWebSocket, emptyTraffic, movePointer, putLocal, type KringClient, type Traffic } from '../tests/helpers/kring-client'
import { waitFor } from '../tests/helpers/test-server'
import { installAnimationFrames } from './lib/animation-frame'
import { extractBaseline } from './lib/baseline-tree'
import type { Benchmark } from './lib/benchmark'
import { startChildServer, type ChildServer } from './lib/child-server'
import { connectLegacyClient } from './lib/legacy-client'
import { processCpuMs } from './lib/process-cpu'

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url))
const MARKER = 'server/sync/room-presence.ts'
const AUTH_SECRET = 'bench-secret-0123456789-0123456789-0123456789'

const DRAW_SECONDS = 6
const MOVES_PER_SECOND = 60
const STROKE_MOVES = 60
const PAUSE_MS = 150

const CPU_CLIENTS = 10
const CPU_HZ = 10
const CPU_SECONDS = 8

// Issue 10's budgets.
const TARGET_WATCHER_RX_KBPS = 50
const TARGET_IDLE_TX_KBPS = 5

interface Seeded {
  dir: string
  conferenceId: string
  tokens: string[]
  participantIds: string[]
}

/** Seed a board with the seeding code of the given tree (its own migrations). */
async function seed(treeDir: string): Promise<Seeded> {
  const dir = mkdtempSync(join(tmpdir(), 'kring-bench-bw-'))
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/servers/seed-board.ts'], {
      cwd: treeDir,
      env: { ...process.env, DATA_DIR: dir, SEED_PARTICIPANTS: String(CPU_CLIENTS + 2) },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`seeding in ${treeDir} failed (${code})`))))
  })
  return { dir, ...(JSON.parse(output.trim().split('\n').at(-1)!) as Omit<Seeded, 'dir'>) }
}

interface Side {
  name: 'baseline' | 'current'
  server: ChildServer
  seeded: Seeded
  syncUrl: string
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const kbps = (bytes: number, ms: number) => (bytes * 8) / ms // bits per ms = kbit/s

/** Draw continuously for `seconds`: one-second strokes at 60 moves a second, pointer up between them. */
async function draw(drawer: KringClient, seconds: number): Promise<number> {
  const started = performance.now()
  let stroke = 0
  while (performance.now() - started < seconds * 1000) {
    const id = `shape:bench-${stroke}`
    const origin = { x: 100 + (stroke % 8) * 60, y: 100 + Math.floor(stroke / 8) * 90 }
    stroke++
    const points = [strokePoint(0, origin)]
    putLocal(drawer.store, drawShape(id, points))
    const strokeStart = performance.now()
    for (let n = 1; n <= STROKE_MOVES; n++) {
      const wait = strokeStart + (n * 1000) / MOVES_PER_SECOND - performance.now()
      if (wait > 0) await sleep(wait)
      points.push(strokePoint(n, origin))
      movePointer(drawer.store, points.at(-1)!.x, points.at(-1)!.y)
      putLocal(drawer.store, drawShape(id, points))
    }
    // Pointer up: the stroke is complete and goes out at once.
    putLocal(drawer.store, drawShape(id, points, true))
    drawer.binding.flush()
    await sleep(PAUSE_MS)
  }
  return performance.now() - started
}

const snapshot = (t: Traffic) => ({ sent: t.sentBytes, received: t.receivedBytes, rxDoc: t.receivedByType[0]?.bytes ?? 0, rxPresence: t.receivedByType[1]?.bytes ?? 0 })

interface BandwidthFigures {
  watcherRx: number
  watcherRxDoc: number
  watcherRxPresence: number
  watcherTx: number
  drawerTx: number
  drawerRx: number
}

async function measureBandwidth(side: Side): Promise<BandwidthFigures> {
  const { seeded, syncUrl } = side
  const drawerUser = { participantId: seeded.participantIds[0]!, name: 'Mama Sanne' }
  const watcherUser = { participantId: seeded.participantIds[1]!, name: 'Tante Amira' }
  const drawer =
    side.name === 'current'
      ? await connectKringClient(syncUrl, seeded.conferenceId, seeded.tokens[0]!, drawerUser)
      : await connectLegacyClient(syncUrl, seeded.conferenceId, seeded.tokens[0]!, drawerUser)
  const watcher =
    side.name === 'current'
      ? await connectKringClient(syncUrl, seeded.conferenceId, seeded.tokens[1]!, { ...watcherUser, liveCursors: false })
      : await connectLegacyClient(syncUrl, seeded.conferenceId, seeded.tokens[1]!, watcherUser)
  try {
    await waitFor(() => drawer.provider.awareness.getStates().has(watcher.doc.clientID) && watcher.provider.awareness.getStates().has(drawer.doc.clientID), {
      message: 'drawer and watcher see each other',
    })
    await sleep(300)
    const d0 = snapshot(drawer.traffic)
    const w0 = snapshot(watcher.traffic)
    const ms = await draw(drawer, DRAW_SECONDS)
    // What was sent in the drawing time still arrives; counted over the drawing time.
    await sleep(200)
    const d1 = snapshot(drawer.traffic)
    const w1 = snapshot(watcher.traffic)
    return {
      watcherRx: kbps(w1.received - w0.received, ms),
      watcherRxDoc: kbps(w1.rxDoc - w0.rxDoc, ms),
      watcherRxPresence: kbps(w1.rxPresence - w0.rxPresence, ms),
      watcherTx: kbps(w1.sent - w0.sent, ms),
      drawerTx: kbps(d1.sent - d0.sent, ms),
      drawerRx: kbps(d1.received - d0.received, ms),
    }
  } finally {
    drawer.destroy()
    watcher.destroy()
  }
}

/** A tldraw presence as the old client sent it (about 500 bytes), with the cursor at (x, y). */
function fullPresence(participantId: string, x: number, y: number) {
  return {
    user: { id: participantId, name: 'Deelnemer' },
    presence: {
      selectedShapeIds: [],
      brush: null,
      scribbles: [],
      userId: `user:${participantId}`,
      userName: 'Deelnemer',
      followingUserId: null,
      camera: { x: -123.456789, y: -45.678912, z: 0.8765432 },
      color: '#4f72fc',
      currentPageId: 'page:page',
      cursor: { x, y, rotation: 0, type: 'default' },
      lastActivityTimestamp: Date.now(),
      screenBounds: { x: 0, y: 0, w: 1280.5, h: 720.25 },
      chatMessage: '',
      meta: {},
    },
  }
}

interface CpuFigures {
  cpuMs: number
  updates: number
  usPerUpdate: number
  /** Presence messages the clients received (what the server relayed), per second. */
  relayedPerSecond: number
  /** Presence messages the server received, per second (the updates and any echoes). */
  incomingPerSecond: number
}

/** 10 clients moving their cursors at 10 Hz; the server's CPU per presence update. */
async function measurePresenceCpu(side: Side, clients: 'stock' | 'kring'): Promise<CpuFigures> {
  const { seeded, syncUrl } = side
  const traffic: Traffic[] = []
  const providers: WebsocketProvider[] = []
  for (let i = 0; i < CPU_CLIENTS; i++) {
    const t = emptyTraffic()
    traffic.push(t)
    const provider = new WebsocketProvider(syncUrl, seeded.conferenceId, new Y.Doc(), {
      params: { token: seeded.tokens[i + 2]! },
      WebSocketPolyfill: countingWebSocket(t),
      disableBc: true,
    })
    if (clients === 'kring') sendOwnPresenceOnly(provider, encodeAwarenessUpdate)
    provider.awareness.setLocalState(fullPresence(seeded.participantIds[i + 2]!, 0, 0))
    providers.push(provider)
  }
  try {
    await waitFor(() => providers.every((p) => p.synced && p.awareness.getStates().size === CPU_CLIENTS), { message: 'presence clients see each other', timeoutMs: 20_000 })
    let updates = 0
    const move = async (ms: number) => {
      const started = performance.now()
      for (let tick = 1; performance.now() - started < ms; tick++) {
        providers.forEach((p, i) => p.awareness.setLocalState(fullPresence(seeded.participantIds[i + 2]!, tick * 2.5 + i, tick * 1.5)))
        updates += providers.length
        const wait = started + (tick * 1000) / CPU_HZ - performance.now()
        if (wait > 0) await sleep(wait)
      }
      return performance.now() - started
    }
    await move(1_000)
    updates = 0
    const received0 = traffic.reduce((n, t) => n + (t.receivedByType[1]?.messages ?? 0), 0)
    const sent0 = traffic.reduce((n, t) => n + (t.sentByType[1]?.messages ?? 0), 0)
    const cpu0 = processCpuMs(side.server.pid)
    const ms = await move(CPU_SECONDS * 1000)
    const cpu1 = processCpuMs(side.server.pid)
    const received1 = traffic.reduce((n, t) => n + (t.receivedByType[1]?.messages ?? 0), 0)
    const sent1 = traffic.reduce((n, t) => n + (t.sentByType[1]?.messages ?? 0), 0)
    const cpuMs = cpu0 === null || cpu1 === null ? NaN : cpu1 - cpu0
    return {
      cpuMs,
      updates,
      usPerUpdate: (cpuMs * 1000) / updates,
      relayedPerSecond: ((received1 - received0) * 1000) / ms,
      incomingPerSecond: ((sent1 - sent0) * 1000) / ms,
    }
  } finally {
    for (const p of providers) {
      p.destroy()
      p.doc.destroy()
    }
  }
}

async function startSide(name: Side['name'], treeDir: string): Promise<Side> {
  if (treeDir !== REPO_ROOT) {
    // The seeding script is newer than the baseline: it seeds that tree through that tree's code.
    mkdirSync(join(treeDir, 'bench/servers'), { recursive: true })
    copyFileSync(join(REPO_ROOT, 'bench/servers/seed-board.ts'), join(treeDir, 'bench/servers/seed-board.ts'))
  }
  const seeded = await seed(treeDir)
  const server = await startChildServer(join(treeDir, 'tests/helpers/server-child.ts'), { DATA_DIR: seeded.dir, AUTH_SECRET }, treeDir)
  return { name, server, seeded, syncUrl: `ws://127.0.0.1:${server.port}/sync` }
}

async function stopSide(side: Side): Promise<void> {
  await side.server.stop()
  rmSync(side.seeded.dir, { recursive: true, force: true })
}

const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a')

export const bandwidth: Benchmark = {
  name: 'bandwidth',
  async run(log) {
    installAnimationFrames()
    // Every stock provider in Node adds a process exit listener.
    process.setMaxListeners(Math.max(process.getMaxListeners(), 64))
    const baselineTree = extractBaseline(REPO_ROOT, MARKER)
    if ('unavailable' in baselineTree) log(`bandwidth: no baseline (${baselineTree.unavailable})`)
    else log(`bandwidth: baseline is the server at ${baselineTree.commit.slice(0, 10)} with the client as it was`)
    const current = await startSide('current', REPO_ROOT)
    const baseline = 'unavailable' in baselineTree ? null : await startSide('baseline', baselineTree.dir)
    try {
      // Alternating, so both see the same machine load.
      const bwBase = baseline ? await measureBandwidth(baseline) : null
      const bwNow = await measureBandwidth(current)
      const cpuBase = baseline ? await measurePresenceCpu(baseline, 'stock') : null
      const cpuNowStock = await measurePresenceCpu(current, 'stock')
      const cpuNow = await measurePresenceCpu(current, 'kring')

      const line = (name: string, b: BandwidthFigures) =>
        log(
          `bandwidth ${name.padEnd(8)} watcher_rx=${f(b.watcherRx)} kbit/s (document ${f(b.watcherRxDoc)}, presence ${f(b.watcherRxPresence)})  watcher_tx=${f(b.watcherTx)}  drawer_tx=${f(b.drawerTx)}  drawer_rx=${f(b.drawerRx)}`,
        )
      if (bwBase) line('baseline', bwBase)
      line('current', bwNow)
      const cpuLine = (name: string, c: CpuFigures) =>
        log(
          `bandwidth cpu ${name.padEnd(22)} ${f(c.usPerUpdate, 0)} µs per presence update (${f(c.cpuMs, 0)} ms CPU for ${c.updates} updates; server took in ${f(c.incomingPerSecond, 0)}/s, relayed ${f(c.relayedPerSecond, 0)} messages/s)`,
        )
      if (cpuBase) cpuLine('baseline, stock clients', cpuBase)
      cpuLine('current, stock clients', cpuNowStock)
      cpuLine('current, Kring clients', cpuNow)

      const met = bwNow.watcherRx <= TARGET_WATCHER_RX_KBPS && bwNow.watcherTx <= TARGET_IDLE_TX_KBPS
      return [
        'bandwidth',
        `watcher_rx_kbps=${f(bwNow.watcherRx)}`,
        `watcher_tx_kbps=${f(bwNow.watcherTx)}`,
        `drawer_tx_kbps=${f(bwNow.drawerTx)}`,
        `baseline_watcher_rx_kbps=${bwBase ? f(bwBase.watcherRx) : 'n/a'}`,
        `baseline_watcher_tx_kbps=${bwBase ? f(bwBase.watcherTx) : 'n/a'}`,
        `baseline_drawer_tx_kbps=${bwBase ? f(bwBase.drawerTx) : 'n/a'}`,
        `presence_cpu_us=${f(cpuNow.usPerUpdate, 0)}`,
        `presence_cpu_us_stock_clients=${f(cpuNowStock.usPerUpdate, 0)}`,
        `baseline_presence_cpu_us=${cpuBase ? f(cpuBase.usPerUpdate, 0) : 'n/a'}`,
        `targets=${met ? 'met' : 'missed'}`,
      ].join(' ')
    } finally {
      await stopSide(current)
      if (baseline) await stopSide(baseline)
      if (!('unavailable' in baselineTree)) baselineTree.remove()
    }
  },
}
