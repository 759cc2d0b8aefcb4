import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { join, resolve } from 'node:path'
import { openDatabase } from '../../lib/server/db/connect'
import { seedUser } from '../../lib/server/db/seed'
import { startConference } from '../../lib/server/conference/start-conference'
import { inviteToConference } from '../../lib/server/conference/invitations'
import { setConferencePhase } from '../../lib/server/db/repositories/conferences'

export interface SeededKring {
  baseUrl: string
  conferenceId: string
  /** Join links of network members (one per phone that joins: a ticket per person). */
  joinUrls: string[]
  stop(): Promise<void>
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))))
    })
  })
}

/**
 * Kring's production build, as `npm start` runs it (scripts/start.mjs builds when sources changed),
 * on a fresh data dir with one conference in the information phase and `phones` invited network
 * members. KRING_NEXT_DIST_DIR chooses the build folder, as for the e2e server.
 */
export async function startSeededKring(phones: number): Promise<SeededKring> {
  const root = resolve(import.meta.dirname, '..', '..')
  const dataDir = join(root, 'data', `bench-phone-${process.pid}`)
  rmSync(dataDir, { recursive: true, force: true })
  const port = await freePort()
  const baseUrl = `http://localhost:${port}`

  const db = await openDatabase(join(dataDir, 'kring.sqlite'))
  const user = await seedUser(db, { email: 'bench@example.org', name: 'Fenna', role: 'facilitator', password: 'bench-password-not-secret' })
  const conference = await startConference(db, { title: 'Familie El Amrani', kind: 'familiegroepsplan', user })
  await setConferencePhase(db, { conferenceId: conference.id, phase: 'informatie' })
  const joinUrls: string[] = []
  for (let i = 0; i < phones; i++) {
    const invitation = await inviteToConference(db, { conferenceId: conference.id, displayName: `Tante Fatima ${i + 1}`, role: 'network', actor: 'bench', publicUrl: baseUrl })
    joinUrls.push(invitation.joinUrl)
  }
  await db.destroy()

  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseUrl,
      DATA_DIR: dataDir,
      AUTH_SECRET: 'bench-secret-not-for-production-0123456789abcdef',
      LOG_LEVEL: 'warn',
    },
  })
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
      await exited
      clearTimeout(timer)
    }
    process.off('exit', killOnExit)
    rmSync(dataDir, { recursive: true, force: true })
  }
  // The first start may build the app: wait as long as a build takes.
  const deadline = Date.now() + 600_000
  for (;;) {
    if (child.exitCode !== null) throw new Error('the server exited before it answered')
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error('the server did not answer within 10 minutes')
    }
    await new Promise((done) => setTimeout(done, 500))
  }
  return { baseUrl, conferenceId: conference.id, joinUrls, stop }
}
