import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { AutonomousLoad, ClientSpec, FromWorker, GeneratorHealth, ToWorker } from './load-protocol'

const WORKER = fileURLToPath(new URL('./load-worker.ts', import.meta.url))
const now = () => performance.timeOrigin + performance.now()

type Request = ToWorker extends infer T ? (T extends { requestId: number } ? Omit<T, 'requestId'> : never) : never

export interface Worker {
  index: number
  pid: number
  /** This worker's clock minus ours (ms), measured over IPC; subtract it from the worker's times. */
  clockOffset: number
  request<R extends FromWorker>(message: Request): Promise<R>
}

export interface WindowResult {
  latencies: number[]
  late: number
  /** One per worker. */
  health: GeneratorHealth[]
  /** Presence messages, and states in them, received per client per second (what the server relayed). */
  presencePerClientPerSecond: number
  presenceStatesPerClientPerSecond: number
}

/**
 * The load generator: `count` worker processes (bench/lib/load-worker.ts), each holding a share of
 * the clients, so the clients share no event loop with the benchmark or with each other's share.
 * `onArrived` hears every arrival a watched room reports (times already on our clock).
 */
export class LoadPool {
  private constructor(
    readonly workers: Worker[],
    private readonly children: ChildProcess[],
  ) {}

  static async start(count: number, onArrived?: (clientId: string, seq: number, at: number) => void): Promise<LoadPool> {
    const children: ChildProcess[] = []
    const workers = await Promise.all(
      Array.from({ length: count }, (_, index) => {
        const child = fork(WORKER, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
        children.push(child)
        // Never leave a worker behind, even when the benchmark exits early.
        const killOnExit = () => child.kill('SIGKILL')
        process.once('exit', killOnExit)
        child.once('exit', () => process.off('exit', killOnExit))
        return new Promise<Worker>((resolve, reject) => {
          let nextId = 1
          const waiting = new Map<number, (message: FromWorker) => void>()
          const worker: Worker = {
            index,
            pid: child.pid!,
            clockOffset: 0,
            request<R extends FromWorker>(message: Request) {
              const requestId = nextId++
              return new Promise<R>((done) => {
                waiting.set(requestId, done as (message: FromWorker) => void)
                child.send({ ...message, requestId } as ToWorker)
              })
            },
          }
          child.on('message', (message: FromWorker) => {
            if (message.type === 'ready') resolve(worker)
            else if (message.type === 'arrived') onArrived?.(message.clientId, message.seq, message.at - worker.clockOffset)
            else {
              const done = waiting.get(message.requestId)
              waiting.delete(message.requestId)
              done?.(message)
            }
          })
          child.once('exit', (code) => {
            reject(new Error(`load worker ${index} exited (${code})`))
            if (waiting.size > 0) console.error(`load worker ${index} exited (${code}) with requests open`)
          })
        })
      }),
    )
    const pool = new LoadPool(workers, children)
    await pool.calibrateClocks()
    return pool
  }

  /** Each worker's clock against ours: the reading of the round trip that was quickest, at its midpoint. */
  async calibrateClocks(): Promise<void> {
    for (const worker of this.workers) {
      let best = { rtt: Infinity, offset: 0 }
      for (let i = 0; i < 20; i++) {
        const sent = now()
        const reply = await worker.request<Extract<FromWorker, { type: 'clock' }>>({ type: 'clock' })
        const back = now()
        if (back - sent < best.rtt) best = { rtt: back - sent, offset: reply.now - (sent + back) / 2 }
      }
      worker.clockOffset = best.offset
    }
  }

  /** The largest clock offset found (ms), for the log. */
  maxClockOffset(): number {
    return Math.max(...this.workers.map((w) => Math.abs(w.clockOffset)))
  }

  /** Open clients, spread as given (worker index per client); resolves with those that did not sync. */
  async open(byWorker: Map<number, ClientSpec[]>): Promise<string[]> {
    const results = await Promise.all(
      [...byWorker].map(([index, clients]) => this.workers[index]!.request<Extract<FromWorker, { type: 'opened' }>>({ type: 'open', clients })),
    )
    return results.flatMap((r) => r.failed)
  }

  async all(message: Request): Promise<void> {
    await Promise.all(this.workers.map((w) => w.request(message)))
  }

  async closeRoom(room: string): Promise<void> {
    await this.all({ type: 'close-room', room })
  }

  async setPresence(room: string, hz: number): Promise<void> {
    await this.all({ type: 'presence', room, hz })
  }

  async setAutonomous(load: AutonomousLoad | null): Promise<void> {
    await this.all({ type: 'autonomous', load })
  }

  async windowStart(): Promise<void> {
    await this.all({ type: 'window-start' })
  }

  async windowEnd(graceMs: number): Promise<WindowResult> {
    const results = await Promise.all(this.workers.map((w) => w.request<Extract<FromWorker, { type: 'window' }>>({ type: 'window-end', graceMs })))
    const clients = results.reduce((n, r) => n + r.clients, 0)
    return {
      latencies: results.flatMap((r) => r.latencies),
      late: results.reduce((n, r) => n + r.late, 0),
      health: results.map((r) => r.health),
      presencePerClientPerSecond: clients > 0 ? results.reduce((n, r) => n + r.presencePerSecond, 0) / clients : 0,
      presenceStatesPerClientPerSecond: clients > 0 ? results.reduce((n, r) => n + r.presenceStatesPerSecond, 0) / clients : 0,
    }
  }

  /** Time an edit: the client's worker makes it and answers when (on our clock). */
  async edit(workerIndex: number, clientId: string, seq: number): Promise<number> {
    const worker = this.workers[workerIndex]!
    const reply = await worker.request<Extract<FromWorker, { type: 'sent' }>>({ type: 'edit', clientId, seq })
    return reply.at - worker.clockOffset
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve()
            child.once('exit', () => resolve())
            child.send({ type: 'exit' } satisfies ToWorker)
            setTimeout(() => child.kill('SIGKILL'), 5_000).unref()
          }),
      ),
    )
  }
}

/** The worst generator health over the workers, for one line of output. */
export function worstHealth(health: GeneratorHealth[]): GeneratorHealth {
  return {
    cpu: Math.max(...health.map((h) => h.cpu)),
    loopDelayP99Ms: Math.max(...health.map((h) => h.loopDelayP99Ms)),
    loopDelayMaxMs: Math.max(...health.map((h) => h.loopDelayMaxMs)),
  }
}
