/**
 * Edit fan-out in a 40-client room: one sender, 39 receivers, all stock y-websocket
 * WebsocketProviders in this process. Measures, per edit, the time from the sender's edit until
 * the LAST receiver has it, for Kring's server and for a bare @y/websocket-server reference,
 * both in child processes on 127.0.0.1, measured in alternating blocks so that both see the
 * same machine load.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { openDatabase } from '../lib/server/db/connect'
import { seedConference, seedInvitation, seedUser } from '../lib/server/db/seed'
import { startChildServer, type ChildServer } from './lib/child-server'
import { ms, percentile } from './lib/stats'
import type { Benchmark } from './lib/benchmark'

const CLIENTS = 40
// p99 of a few hundred samples is its 3rd-worst value; more samples make it a steadier figure.
const WARMUP_EDITS = 200
const MEASURED_EDITS = 2000
const BLOCK = 25
const EDIT_TIMEOUT_MS = 10_000
const AUTH_SECRET = 'bench-secret-0123456789-0123456789-0123456789'

const KRING_ENTRY = fileURLToPath(new URL('../tests/helpers/server-child.ts', import.meta.url))
const REFERENCE_ENTRY = fileURLToPath(new URL('./servers/reference-server.ts', import.meta.url))

interface Room {
  sender: Y.Map<unknown>
  receivers: Y.Map<unknown>[]
  providers: WebsocketProvider[]
  /** Resolves with the time when every receiver has edit `seq`. */
  expect(seq: number): Promise<number>
}

/** Connect 40 stock providers to one board and wait until all are synced. */
async function openRoom(serverUrl: string, roomName: string, tokens: string[]): Promise<Room> {
  const providers: WebsocketProvider[] = []
  const maps: Y.Map<unknown>[] = []
  let pending: { seq: number; remaining: number; resolve: (at: number) => void } | null = null
  for (let i = 0; i < CLIENTS; i++) {
    const doc = new Y.Doc()
    const map = doc.getMap('records')
    const provider = new WebsocketProvider(serverUrl, roomName, doc, {
      params: tokens[i] ? { token: tokens[i]! } : {},
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      // Same-process providers would otherwise shortcut through a BroadcastChannel.
      disableBc: true,
    })
    // No presence traffic: this measures document edits only, the same way for both servers.
    provider.awareness.setLocalState(null)
    if (i > 0) {
      map.observe(() => {
        const value = map.get('bench') as { seq: number } | undefined
        if (pending && value?.seq === pending.seq && --pending.remaining === 0) {
          const done = pending
          pending = null
          done.resolve(performance.now())
        }
      })
    }
    providers.push(provider)
    maps.push(map)
  }
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`clients did not sync with ${serverUrl}`)), 20_000)
    const check = () => {
      if (providers.every((p) => p.synced)) {
        clearTimeout(timer)
        resolve()
      } else setTimeout(check, 20)
    }
    check()
  })
  return {
    sender: maps[0]!,
    receivers: maps.slice(1),
    providers,
    expect(seq) {
      return new Promise((resolve) => {
        pending = { seq, remaining: CLIENTS - 1, resolve }
      })
    },
  }
}

let nextSeq = 1

/** Send `count` edits one at a time; returns each edit's time until the last receiver had it. */
async function sendEdits(room: Room, count: number): Promise<number[]> {
  const latencies: number[] = []
  for (let i = 0; i < count; i++) {
    const seq = nextSeq++
    const arrived = room.expect(seq)
    const started = performance.now()
    room.sender.set('bench', { seq, text: `edit ${seq}`, x: seq % 997, y: (seq * 7) % 991 })
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`edit ${seq} did not reach every receiver`)), EDIT_TIMEOUT_MS)
    })
    const at = await Promise.race([arrived, timeout])
    clearTimeout(timer)
    latencies.push(at - started)
    // Let the event loop settle (acks, pending callbacks) before the next edit.
    await new Promise((resolve) => setImmediate(resolve))
  }
  return latencies
}

/** A fresh data dir with a conference and 40 invitations, made before Kring starts. */
async function seedKringData(): Promise<{ dir: string; conferenceId: string; tokens: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'kring-bench-'))
  const db = await openDatabase(join(dir, 'kring.sqlite'))
  try {
    const user = await seedUser(db, { email: 'bench@example.org', name: 'Bench Facilitator' })
    const { conference } = await seedConference(db, { facilitator: user, title: 'Bench' })
    const tokens: string[] = []
    for (let i = 0; i < CLIENTS; i++) {
      const { token } = await seedInvitation(db, { conferenceId: conference.id, displayName: `Deelnemer ${i}`, role: 'network' })
      tokens.push(token)
    }
    return { dir, conferenceId: conference.id, tokens }
  } finally {
    await db.destroy()
  }
}

function summary(name: string, values: number[]): string {
  return `${name.padEnd(9)} p50=${ms(percentile(values, 50))} ms  p95=${ms(percentile(values, 95))} ms  p99=${ms(percentile(values, 99))} ms  max=${ms(Math.max(...values))} ms  (n=${values.length})`
}

export const fanout: Benchmark = {
  name: 'fanout',
  async run(log) {
    // Every stock provider adds a process 'exit' listener; 80 of them are expected here.
    process.setMaxListeners(Math.max(process.getMaxListeners(), CLIENTS * 2 + 10))
    const seeded = await seedKringData()
    const servers: ChildServer[] = []
    const rooms: Room[] = []
    try {
      const kringServer = await startChildServer(KRING_ENTRY, { DATA_DIR: seeded.dir, AUTH_SECRET })
      servers.push(kringServer)
      const referenceServer = await startChildServer(REFERENCE_ENTRY, {})
      servers.push(referenceServer)

      const kring = await openRoom(`ws://127.0.0.1:${kringServer.port}/sync`, seeded.conferenceId, seeded.tokens)
      rooms.push(kring)
      const reference = await openRoom(`ws://127.0.0.1:${referenceServer.port}/sync`, seeded.conferenceId, [])
      rooms.push(reference)
      log(`fanout: ${CLIENTS} clients per room connected to both servers`)

      await sendEdits(kring, WARMUP_EDITS)
      await sendEdits(reference, WARMUP_EDITS)

      // Alternate blocks, starting with the other server every round, so drift in machine load
      // (GC, other processes) lands on both equally.
      const results = { kring: [] as number[], reference: [] as number[] }
      for (let round = 0; results.kring.length < MEASURED_EDITS; round++) {
        const order = round % 2 === 0 ? (['kring', 'reference'] as const) : (['reference', 'kring'] as const)
        for (const which of order) {
          const n = Math.min(BLOCK, MEASURED_EDITS - results[which].length)
          results[which].push(...(await sendEdits(which === 'kring' ? kring : reference, n)))
        }
      }

      log(summary('kring', results.kring))
      log(summary('baseline', results.reference))
      const kringP99 = percentile(results.kring, 99)
      const baselineP99 = percentile(results.reference, 99)
      return `fanout clients=${CLIENTS} kring_p99_ms=${ms(kringP99)} baseline_p99_ms=${ms(baselineP99)} ratio=${ms(kringP99 / baselineP99)}`
    } finally {
      for (const room of rooms) for (const provider of room.providers) provider.destroy()
      for (const server of servers) await server.stop()
      rmSync(seeded.dir, { recursive: true, force: true })
    }
  },
}
