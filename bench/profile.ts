/**
 * Where the sync server spends its CPU under a meeting's load: the server child (without Next,
 * SQLite) runs with `node --cpu-prof` while ROOMS rooms of CLIENTS stock y-websocket clients each
 * edit (one card per client per second) and move their cursors (presence at 10 Hz, as tldraw
 * sends it). Prints the top TOP functions by self time over the loaded window only (start-up and
 * seeding left out), each with its share of the server's busy time.
 *
 * The profiles are kept in the temporary directory (their paths are printed).
 * PROFILE_BASE=<commit> also profiles the server as it was at that commit, before the current
 * one, in the same run (the same load, one after the other), to compare the two tops.
 */
import { spawn } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { note } from '../tests/helpers/board-records'
import { waitFor } from '../tests/helpers/test-server'
import type { Benchmark } from './lib/benchmark'
import { startChildServer } from './lib/child-server'
import { formatTop, topSelfTime } from './lib/cpu-profile'
import { processCpuMs } from './lib/process-cpu'
import { extractTreeAt } from './lib/tree-at'

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url))
const ROOMS = 5
const CLIENTS = 8
const PRESENCE_HZ = 10
const EDIT_HZ = 1
const WARMUP_MS = 2_000
const LOAD_MS = 15_000
const TOP = 15
const AUTH_SECRET = 'bench-secret-0123456789-0123456789-0123456789'

interface SeededRoom {
  conferenceId: string
  tokens: string[]
  participantIds: string[]
}

interface Profiled {
  label: string
  cpuMs: number
  edits: number
  presence: number
  top: string[]
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
/** Microseconds on the monotonic clock V8's profiles use for their timestamps. */
const nowUs = () => Number(process.hrtime.bigint() / 1000n)

/** Seed the rooms with the seeding code of the given tree (its own migrations). */
async function seed(treeDir: string, dataDir: string): Promise<SeededRoom[]> {
  if (treeDir !== REPO_ROOT) {
    mkdirSync(join(treeDir, 'bench/servers'), { recursive: true })
    copyFileSync(join(REPO_ROOT, 'bench/servers/seed-rooms.ts'), join(treeDir, 'bench/servers/seed-rooms.ts'))
  }
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/servers/seed-rooms.ts'], {
      cwd: treeDir,
      env: { ...process.env, DATA_DIR: dataDir, SEED_ROOMS: String(ROOMS), SEED_PARTICIPANTS: String(CLIENTS) },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`seeding in ${treeDir} failed (${code})`))))
  })
  return (JSON.parse(output.trim().split('\n').at(-1)!) as { rooms: SeededRoom[] }).rooms
}

/** A cursor presence as tldraw's client publishes it, for this participant. */
function presence(participantId: string, x: number, y: number) {
  return {
    user: { id: participantId, name: 'Deelnemer' },
    presence: {
      selectedShapeIds: [],
      brush: null,
      scribbles: [],
      userId: `user:${participantId}`,
      userName: 'Deelnemer',
      followingUserId: null,
      camera: { x: -120.5, y: -45.25, z: 0.875 },
      color: '#4f72fc',
      currentPageId: 'page:page',
      cursor: { x, y, rotation: 0, type: 'default' },
      lastActivityTimestamp: Date.now(),
      screenBounds: { x: 0, y: 0, w: 1280, h: 720 },
      chatMessage: '',
      meta: {},
    },
  }
}

async function profileTree(label: string, treeDir: string, log: (line: string) => void): Promise<Profiled> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kring-bench-profile-'))
  const profileDir = mkdtempSync(join(tmpdir(), 'kring-bench-cpuprof-'))
  const providers: WebsocketProvider[] = []
  try {
    const rooms = await seed(treeDir, dataDir)
    const server = await startChildServer(
      join(treeDir, 'tests/helpers/server-child.ts'),
      { DATA_DIR: dataDir, AUTH_SECRET, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${profileDir}`.trim() },
      treeDir,
    )
    const syncUrl = `ws://127.0.0.1:${server.port}/sync`
    let edits = 0
    let presenceUpdates = 0
    try {
      const clients = rooms.flatMap((room) =>
        room.tokens.map((token, i) => {
          const doc = new Y.Doc()
          const provider = new WebsocketProvider(syncUrl, room.conferenceId, doc, {
            params: { token },
            WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
            disableBc: true,
          })
          providers.push(provider)
          return { provider, records: doc.getMap('records'), participantId: room.participantIds[i]!, key: `shape:profile-${i}` }
        }),
      )
      await waitFor(() => providers.every((p) => p.synced), { message: 'every client synced', timeoutMs: 60_000 })
      const run = async (ms: number, measured: boolean) => {
        const started = performance.now()
        for (let tick = 1; performance.now() - started < ms; tick++) {
          clients.forEach((client, i) => {
            client.provider.awareness.setLocalState(presence(client.participantId, tick * 2.5 + i, tick * 1.5))
            // Edits spread over the second: each client's turn comes once per PRESENCE_HZ / EDIT_HZ ticks.
            if ((tick + i) % (PRESENCE_HZ / EDIT_HZ) === 0) {
              client.records.set(client.key, note(client.key, `Kaart ${tick}`))
              if (measured) edits++
            }
          })
          if (measured) presenceUpdates += clients.length
          const wait = started + (tick * 1000) / PRESENCE_HZ - performance.now()
          if (wait > 0) await sleep(wait)
        }
      }
      await run(WARMUP_MS, false)
      const fromUs = nowUs()
      const cpu0 = processCpuMs(server.pid)
      await run(LOAD_MS, true)
      const cpu1 = processCpuMs(server.pid)
      const toUs = nowUs()
      for (const provider of providers.splice(0)) {
        provider.destroy()
        provider.doc.destroy()
      }
      await server.stop()
      const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'))
      if (!file) throw new Error('the server wrote no CPU profile')
      const cpuMs = cpu0 === null || cpu1 === null ? Number.NaN : cpu1 - cpu0
      const { top } = topSelfTime(join(profileDir, file), TOP, treeDir, { fromUs, toUs }, Number.isFinite(cpuMs) ? cpuMs : undefined)
      // Kept, to open in a browser's developer tools (Performance) or read with bench/lib/cpu-profile.ts.
      log(`profile ${label}: CPU profile in ${join(profileDir, file)}`)
      log(`profile ${label}: ${ROOMS} rooms × ${CLIENTS} clients for ${LOAD_MS / 1000} s: ${edits} edits, ${presenceUpdates} presence updates; server CPU ${cpuMs.toFixed(0)} ms (the ms below are shares of it)`)
      const lines = formatTop(top)
      for (const line of lines) log(`profile ${label}: ${line}`)
      return { label, cpuMs, edits, presence: presenceUpdates, top: lines }
    } finally {
      await server.stop()
    }
  } finally {
    for (const provider of providers) {
      provider.destroy()
      provider.doc.destroy()
    }
    rmSync(dataDir, { recursive: true, force: true })
  }
}

export const profile: Benchmark = {
  name: 'profile',
  extraTimeoutMs: 60_000,
  async run(log) {
    process.setMaxListeners(Math.max(process.getMaxListeners(), ROOMS * CLIENTS + 16))
    const results: Profiled[] = []
    const base = process.env.PROFILE_BASE
    if (base) {
      const tree = extractTreeAt(REPO_ROOT, base)
      if ('unavailable' in tree) log(`profile: no base (${tree.unavailable})`)
      else {
        try {
          results.push(await profileTree(`base ${tree.commit.slice(0, 7)}`, tree.dir, log))
        } finally {
          tree.remove()
        }
      }
    }
    results.push(await profileTree('current', REPO_ROOT, log))
    const perUpdate = (r: Profiled) => ((r.cpuMs * 1000) / (r.edits + r.presence)).toFixed(0)
    const first = (r: Profiled) => r.top[0]?.trim().replace(/\s+/g, ' ') ?? 'n/a'
    return [
      'profile',
      ...results.map((r) => `${r.label.split(' ')[0]}_cpu_us_per_update=${perUpdate(r)}`),
      ...results.map((r) => `${r.label.split(' ')[0]}_top="${first(r)}"`),
    ].join(' ')
  },
}
