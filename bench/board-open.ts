/**
 * Opening a 20k-record board: the time from a fresh stock y-websocket client connecting until it
 * is synced (its first full sync) and holds every record. Kring's sync server (its own process,
 * without Next, SQLite) is measured twice: loading the board from storage (the room is not in
 * memory: the first person to open it) and with the room already loaded (someone else is on it).
 * Baseline, in the same run and in the same rounds: the bare @y/websocket-server holding the
 * same board in memory. Median of ROUNDS rounds after WARMUP rounds.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { openDatabase } from '../lib/server/db/connect'
import { appendUpdate, compactBoard } from '../lib/server/db/repositories/yjs-log'
import { seedConference, seedInvitation, seedUser } from '../lib/server/db/seed'
import { bigBoardUpdate } from '../tests/helpers/big-board'
import type { Benchmark } from './lib/benchmark'
import { startChildServer, type ChildServer } from './lib/child-server'
import { ms, percentile } from './lib/stats'

const RECORDS = 20_000
const WARMUP = 1
const ROUNDS = 5
const OPEN_TIMEOUT_MS = 30_000
/** After the last Kring client leaves: its room unloads at once (ROOM_UNLOAD_DELAY_MS=0); this is ample. */
const UNLOAD_GAP_MS = 1_000
const AUTH_SECRET = 'bench-secret-0123456789-0123456789-0123456789'

const KRING_ENTRY = fileURLToPath(new URL('../tests/helpers/server-child.ts', import.meta.url))
const REFERENCE_ENTRY = fileURLToPath(new URL('./servers/reference-server.ts', import.meta.url))

interface Client {
  provider: WebsocketProvider
  doc: Y.Doc
  destroy(): void
}

/** A fresh stock client on the board; resolves with it and the ms until it was synced with every record. */
async function open(serverUrl: string, room: string, token: string | null, doc = new Y.Doc()): Promise<{ client: Client; ms: number }> {
  const started = performance.now()
  const provider = new WebsocketProvider(serverUrl, room, doc, {
    params: token ? { token } : {},
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  provider.awareness.setLocalState(null)
  const client = {
    provider,
    doc,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`board did not open on ${serverUrl}`)), OPEN_TIMEOUT_MS)
      const onSync = (synced: boolean) => {
        if (!synced) return
        clearTimeout(timer)
        provider.off('sync', onSync)
        resolve()
      }
      provider.on('sync', onSync)
    })
  } catch (err) {
    client.destroy()
    throw err
  }
  const took = performance.now() - started
  const size = doc.getMap('records').size
  if (size < RECORDS) {
    client.destroy()
    throw new Error(`opened a board of ${size} records, expected ${RECORDS}+`)
  }
  return { client, ms: took }
}

/** A data dir with a conference whose stored board is the 20k-record snapshot, and two invitations. */
async function seedKring(board: Uint8Array): Promise<{ dir: string; conferenceId: string; tokens: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'kring-bench-open-'))
  const db = await openDatabase(join(dir, 'kring.sqlite'))
  try {
    const user = await seedUser(db, { email: 'bench@example.org', name: 'Bench Facilitator' })
    const { conference } = await seedConference(db, { facilitator: user, title: 'Bench' })
    const tokens: string[] = []
    for (let i = 0; i < 2; i++) tokens.push((await seedInvitation(db, { conferenceId: conference.id, displayName: `Deelnemer ${i}`, role: 'network' })).token)
    // As a compaction leaves it: the whole board in the snapshot, the log empty.
    const id = await appendUpdate(db, conference.id, board)
    await compactBoard(db, conference.id, board, id)
    return { dir, conferenceId: conference.id, tokens }
  } finally {
    await db.destroy()
  }
}

const pause = (msToWait: number) => new Promise((resolve) => setTimeout(resolve, msToWait))

export const boardOpen: Benchmark = {
  name: 'board_open',
  async run(log) {
    const board = bigBoardUpdate(RECORDS)
    const seeded = await seedKring(board)
    const servers: ChildServer[] = []
    const clients: Client[] = []
    try {
      const kringServer = await startChildServer(KRING_ENTRY, { DATA_DIR: seeded.dir, AUTH_SECRET, ROOM_UNLOAD_DELAY_MS: '0' })
      servers.push(kringServer)
      const referenceServer = await startChildServer(REFERENCE_ENTRY, {})
      servers.push(referenceServer)
      const kringUrl = `ws://127.0.0.1:${kringServer.port}/sync`
      const referenceUrl = `ws://127.0.0.1:${referenceServer.port}/sync`

      // The bare server gets the board from a client that stays on it, so it holds it in memory.
      const holderDoc = new Y.Doc()
      Y.applyUpdate(holderDoc, board)
      const holder = await open(referenceUrl, seeded.conferenceId, null, holderDoc)
      clients.push(holder.client)
      log(`board_open: ${RECORDS} records, ${(board.byteLength / (1024 * 1024)).toFixed(1)} MB encoded`)

      const times = { stored: [] as number[], loaded: [] as number[], baseline: [] as number[] }
      for (let round = 0; round < WARMUP + ROUNDS; round++) {
        const measured = round >= WARMUP
        // Kring, room not in memory: loaded from the snapshot for this client.
        const first = await open(kringUrl, seeded.conferenceId, seeded.tokens[0]!)
        // Kring, room in memory (the first client keeps it loaded).
        const second = await open(kringUrl, seeded.conferenceId, seeded.tokens[1]!)
        first.client.destroy()
        second.client.destroy()
        const reference = await open(referenceUrl, seeded.conferenceId, null)
        reference.client.destroy()
        if (measured) {
          times.stored.push(first.ms)
          times.loaded.push(second.ms)
          times.baseline.push(reference.ms)
        }
        await pause(UNLOAD_GAP_MS)
      }
      const median = (values: number[]) => percentile(values, 50)
      const line = (label: string, values: number[]) => `board_open: ${label.padEnd(28)} median=${ms(median(values))} ms  min=${ms(Math.min(...values))} ms  max=${ms(Math.max(...values))} ms  (n=${values.length})`
      log(line('kring, loaded from storage', times.stored))
      log(line('kring, room already loaded', times.loaded))
      log(line('baseline (bare, in memory)', times.baseline))
      const kring = median(times.stored)
      const loaded = median(times.loaded)
      const baseline = median(times.baseline)
      return `board_open records=${RECORDS} kring_ms=${ms(kring)} kring_loaded_ms=${ms(loaded)} baseline_ms=${ms(baseline)} ratio=${ms(kring / baseline)} loaded_ratio=${ms(loaded / baseline)}`
    } finally {
      for (const client of clients) client.destroy()
      for (const server of servers) await server.stop()
      rmSync(seeded.dir, { recursive: true, force: true })
    }
  },
}
