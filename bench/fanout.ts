/**
 * Edit fan-out in a 40-client room with presence on, on the real thing: Kring's production server
 * (scripts/start.mjs, with Next, as `npm start` runs it) beside a bare @y/websocket-server
 * reference, both in their own processes on 127.0.0.1, both started in this run.
 *
 * Clients: 40 stock y-websocket providers per server, spread over load worker processes
 * (bench/lib/load-worker.ts), sending only their own presence with the compact presence Kring's
 * client sends, at the client's cursor rate (lib/sync/presence.ts, CURSOR_UPDATES_PER_SECOND).
 * One sender rewrites a card; the figure is the time from its edit until the LAST of the 39
 * receivers has it (the workers' clocks are checked against this one). The servers are measured
 * in alternating blocks, each with its own room's presence running, so drift in machine load
 * lands on both equally.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openDatabase } from '../lib/server/db/connect'
import { CURSOR_UPDATES_PER_SECOND } from '../lib/sync/presence'
import type { Benchmark } from './lib/benchmark'
import { startChildServer, type ChildServer } from './lib/child-server'
import { LoadPool, worstHealth } from './lib/load-generator'
import { busyBetween, coreCount, machineCpu } from './lib/machine-cpu'
import type { ClientSpec, GeneratorHealth } from './lib/load-protocol'
import { processCpuMs } from './lib/process-cpu'
import { seedRooms, startProductionKring, type ProductionKring } from './lib/production-kring'
import { ms, percentile } from './lib/stats'

const CLIENTS = 40
const WORKERS = 4
const PRESENCE_HZ = CURSOR_UPDATES_PER_SECOND
const WARMUP_EDITS = 100
const MEASURED_EDITS = 1000
const BLOCK = 25
// Edits start at least this far apart, so presence, not edits, is most of the room's traffic.
const EDIT_SPACING_MS = 20
const EDIT_TIMEOUT_MS = 10_000
// A block starts once the room's presence has been running this long.
const PRESENCE_SETTLE_MS = 500

const REFERENCE_ENTRY = fileURLToPath(new URL('./servers/reference-server.ts', import.meta.url))

type Side = 'kring' | 'baseline'
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

interface Pending {
  side: Side
  seq: number
  remaining: number
  lastAt: number
  resolve(lastAt: number): void
}

export const fanout: Benchmark = {
  name: 'fanout',
  // The production server may have to build the app first.
  extraTimeoutMs: 600_000,
  async run(log) {
    const dataDir = mkdtempSync(join(tmpdir(), 'kring-bench-fanout-'))
    let kring: ProductionKring | null = null
    let reference: ChildServer | null = null
    let pool: LoadPool | null = null
    let pending: Pending | null = null
    try {
      const db = await openDatabase(join(dataDir, 'kring.sqlite'))
      const [room] = await seedRooms(db, 1, CLIENTS)
      await db.destroy()
      kring = await startProductionKring({ DATA_DIR: dataDir })
      reference = await startChildServer(REFERENCE_ENTRY, {})

      pool = await LoadPool.start(WORKERS, (clientId, seq, at) => {
        if (!pending || !clientId.startsWith(`${pending.side}-`) || seq !== pending.seq) return
        pending.lastAt = Math.max(pending.lastAt, at)
        if (--pending.remaining === 0) {
          const done = pending
          pending = null
          done.resolve(done.lastAt)
        }
      })
      log(`fanout: ${WORKERS} load workers, clocks within ${pool.maxClockOffset().toFixed(3)} ms of this process`)

      const specs = (side: Side, serverUrl: string, docName: string) =>
        room!.people.map((person, index): ClientSpec => ({
          id: `${side}-${index}`,
          room: side,
          serverUrl,
          docName,
          token: side === 'kring' ? person.token : undefined,
          participantId: person.participantId,
          index,
        }))
      const byWorker = new Map<number, ClientSpec[]>()
      for (const spec of [...specs('kring', kring.syncUrl, room!.conferenceId), ...specs('baseline', `ws://127.0.0.1:${reference.port}/sync`, 'bench-room')]) {
        const worker = spec.index % WORKERS
        byWorker.set(worker, [...(byWorker.get(worker) ?? []), spec])
      }
      const failed = await pool.open(byWorker)
      if (failed.length > 0) throw new Error(`${failed.length} clients did not sync (${failed.slice(0, 3).join(', ')}…)`)
      await pool.all({ type: 'watch', room: 'kring' })
      await pool.all({ type: 'watch', room: 'baseline' })
      log(`fanout: ${CLIENTS} clients per room connected to both servers; presence at ${PRESENCE_HZ} Hz from each while its room is measured`)

      let nextSeq = 1
      const sendEdits = async (side: Side, count: number): Promise<number[]> => {
        const latencies: number[] = []
        for (let i = 0; i < count; i++) {
          const seq = nextSeq++
          const started = performance.now()
          let timer: NodeJS.Timeout | undefined
          const arrived = new Promise<number>((resolve, reject) => {
            pending = { side, seq, remaining: CLIENTS - 1, lastAt: 0, resolve }
            timer = setTimeout(() => reject(new Error(`edit ${seq} did not reach every receiver on ${side}`)), EDIT_TIMEOUT_MS)
          })
          const sentAt = await pool!.edit(0, `${side}-0`, seq)
          const lastAt = await arrived
          clearTimeout(timer)
          latencies.push(lastAt - sentAt)
          const wait = started + EDIT_SPACING_MS - performance.now()
          if (wait > 0) await sleep(wait)
        }
        return latencies
      }
      const pidOf = (side: Side) => (side === 'kring' ? kring!.serverPid() : reference!.pid)
      const cpu = { kring: { cpuMs: 0, wallMs: 0 }, baseline: { cpuMs: 0, wallMs: 0 } }
      const health: Record<Side, GeneratorHealth[]> = { kring: [], baseline: [] }
      const measureBlock = async (side: Side, count: number, record: boolean): Promise<number[]> => {
        const other: Side = side === 'kring' ? 'baseline' : 'kring'
        await pool!.setPresence(other, 0)
        await pool!.setPresence(side, PRESENCE_HZ)
        await sleep(PRESENCE_SETTLE_MS)
        await pool!.windowStart()
        const cpu0 = processCpuMs(pidOf(side) ?? -1)
        const t0 = performance.now()
        const latencies = await sendEdits(side, count)
        const cpu1 = processCpuMs(pidOf(side) ?? -1)
        const window = await pool!.windowEnd(0)
        if (record) {
          if (cpu0 !== null && cpu1 !== null) {
            cpu[side].cpuMs += cpu1 - cpu0
            cpu[side].wallMs += performance.now() - t0
          }
          health[side].push(...window.health)
        }
        return latencies
      }

      const machine0 = machineCpu()
      await measureBlock('kring', WARMUP_EDITS, false)
      await measureBlock('baseline', WARMUP_EDITS, false)
      // Alternate blocks, starting with the other server every round.
      const results: Record<Side, number[]> = { kring: [], baseline: [] }
      for (let round = 0; results.kring.length < MEASURED_EDITS; round++) {
        const order: Side[] = round % 2 === 0 ? ['kring', 'baseline'] : ['baseline', 'kring']
        for (const side of order) {
          const n = Math.min(BLOCK, MEASURED_EDITS - results[side].length)
          results[side].push(...(await measureBlock(side, n, true)))
        }
      }

      const summary = (name: string, values: number[], side: Side) => {
        const serverCpu = cpu[side].wallMs > 0 ? `${((cpu[side].cpuMs / cpu[side].wallMs) * 100).toFixed(0)}%` : 'n/a'
        const g = worstHealth(health[side])
        return `${name.padEnd(9)} p50=${ms(percentile(values, 50))} ms  p95=${ms(percentile(values, 95))} ms  p99=${ms(percentile(values, 99))} ms  max=${ms(Math.max(...values))} ms  (n=${values.length})  server CPU ${serverCpu} of a core; generator: worker CPU ≤ ${(g.cpu * 100).toFixed(0)}% of a core, event-loop delay p99 ≤ ${g.loopDelayP99Ms.toFixed(1)} ms`
      }
      log(summary('kring', results.kring, 'kring'))
      log(summary('baseline', results.baseline, 'baseline'))
      const kringP99 = percentile(results.kring, 99)
      const baselineP99 = percentile(results.baseline, 99)
      // The receivers time an arrival when their event loop gets to it: when a worker's loop ran
      // late by a good part of what is measured, or a worker had no CPU left, the figure is the generator's.
      const worst = worstHealth([...health.kring, ...health.baseline])
      const busy = busyBetween(machine0, machineCpu())
      log(`fanout: the machine (${coreCount()} cores) was ${(busy * 100).toFixed(0)}% busy over the run (everything on it, not only this benchmark)`)
      // A worker out of CPU is the generator's limit; a worker's loop late by half the p99 or more
      // is the generator's too, or the machine's when every core was taken (other processes included).
      const loopLate = worst.loopDelayP99Ms > Math.min(kringP99, baselineP99) / 2
      const boundBy = worst.cpu > 0.85 ? 'generator' : loopLate ? (busy >= 0.9 ? 'machine' : 'generator') : null
      if (boundBy === 'generator') log(`fanout: the load generator was the bottleneck (${worst.cpu > 0.85 ? 'a worker used all of a core' : `a worker's event loop ran ${worst.loopDelayP99Ms.toFixed(0)} ms late (p99)`}): the p99 figures are bound by the generator, not the servers`)
      if (boundBy === 'machine') log(`fanout: the machine was saturated (a worker's event loop waited up to ${worst.loopDelayP99Ms.toFixed(0)} ms (p99) for a core): the p99 figures are bound by the machine, not the servers; p50 says more`)
      const p50 = (values: number[]) => percentile(values, 50)
      return (
        `fanout clients=${CLIENTS} presence_hz=${PRESENCE_HZ} kring_p99_ms=${ms(kringP99)} baseline_p99_ms=${ms(baselineP99)} ratio=${ms(kringP99 / baselineP99)}` +
        ` kring_p50_ms=${ms(p50(results.kring))} baseline_p50_ms=${ms(p50(results.baseline))}${boundBy ? ` bound_by=${boundBy}` : ''}`
      )
    } finally {
      await pool?.stop()
      await kring?.stop()
      await reference?.stop()
      rmSync(dataDir, { recursive: true, force: true })
    }
  },
}
