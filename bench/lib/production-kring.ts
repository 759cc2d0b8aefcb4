import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Db } from '../../lib/server/db/connect'
import { seedInvitation, seedUser } from '../../lib/server/db/seed'
import { startConference } from '../../lib/server/conference/start-conference'
import { setConferencePhase } from '../../lib/server/db/repositories/conferences'
import { freePort } from '../../tests/helpers/services'

const ROOT = resolve(import.meta.dirname, '..', '..')
export const BENCH_AUTH_SECRET = 'bench-secret-not-for-production-0123456789abcdef'

export interface ProductionKring {
  port: number
  syncUrl: string
  /** The server process itself (server/index.ts under scripts/start.mjs), for its CPU time. */
  serverPid(): number | null
  stop(): Promise<void>
}

/**
 * Kring as `npm start` runs it: scripts/start.mjs (which builds the app first when sources changed;
 * KRING_NEXT_DIST_DIR chooses the build folder) starting server/index.ts with Next, in production
 * mode, on 127.0.0.1. `env` says where it stores (DATA_DIR or DATABASE_URL) and REDIS_URL for
 * several instances. The load generator's sockets all come from 127.0.0.1, so the per-address
 * socket cap (which stands for one household's machines) is lifted.
 */
export async function startProductionKring(env: Record<string, string>): Promise<ProductionKring> {
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  // Its own process group, so stopping it stops the server start.mjs started too.
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseUrl,
      AUTH_SECRET: BENCH_AUTH_SECRET,
      LOG_LEVEL: 'warn',
      MAX_SOCKETS_PER_ADDRESS: '100000',
      // KRING_BENCH_CPU_PROF_DIR: each server writes a V8 CPU profile there when it stops (open it in Chrome's devtools).
      ...(process.env.KRING_BENCH_CPU_PROF_DIR ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${resolve(process.env.KRING_BENCH_CPU_PROF_DIR)}` } : {}),
      ...env,
    },
  })
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal)
    } catch {
      // already gone
    }
  }
  const killOnExit = () => signalGroup('SIGKILL')
  process.once('exit', killOnExit)
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      signalGroup('SIGTERM')
      const timer = setTimeout(() => signalGroup('SIGKILL'), 5_000)
      await exited
      clearTimeout(timer)
    }
    process.off('exit', killOnExit)
  }
  // The first start may build the app: wait as long as a build takes.
  const deadline = Date.now() + 600_000
  for (;;) {
    if (child.exitCode !== null) throw new Error('the production server exited before it answered')
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error('the production server did not answer within 10 minutes')
    }
    await new Promise((done) => setTimeout(done, 250))
  }
  return {
    port,
    syncUrl: `ws://127.0.0.1:${port}/sync`,
    serverPid: () => {
      try {
        const children = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/)
        // Where Node can, start.mjs becomes the server itself (process.execve) and has no child.
        return children[0] ? Number(children[0]) : (child.exitCode === null ? child.pid! : null)
      } catch {
        return null
      }
    },
    stop,
  }
}

export interface SeededRoom {
  conferenceId: string
  people: { token: string; participantId: string }[]
}

/**
 * `rooms` conferences started from the template, in the information phase (everyone writes), each
 * with `people` invited network members: one invitation per simulated person.
 */
export async function seedRooms(db: Db, rooms: number, people: number): Promise<SeededRoom[]> {
  const user = await seedUser(db, { email: 'bench@example.org', name: 'Fenna', role: 'facilitator' })
  const seeded: SeededRoom[] = []
  for (let r = 0; r < rooms; r++) {
    const conference = await startConference(db, { title: `Familie ${r + 1}`, kind: 'familiegroepsplan', user })
    await setConferencePhase(db, { conferenceId: conference.id, phase: 'informatie' })
    const invited: SeededRoom['people'] = []
    for (let i = 0; i < people; i++) {
      const { token, participant } = await seedInvitation(db, { conferenceId: conference.id, displayName: `Deelnemer ${i + 1}`, role: 'network', actor: 'bench' })
      invited.push({ token, participantId: participant.id })
    }
    seeded.push({ conferenceId: conference.id, people: invited })
  }
  return seeded
}
