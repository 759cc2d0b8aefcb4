import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseConfig, type KringConfig } from '../../lib/server/config/env'
import { openDatabase, type Db } from '../../lib/server/db/connect'
import { seedConference, seedInvitation, seedUser } from '../../lib/server/db/seed'
import { createLogger } from '../../lib/server/log/logger'
import { createKringServer, type KringServer, type KringServerOptions } from '../../server/app'
import { seedBaseBoard } from './board-records'

export const TEST_SECRET = 'test-secret-0123456789-0123456789-abcdef'

export interface TestServer {
  server: KringServer
  db: Db
  config: KringConfig
  port: number
  dataDir: string
  /** ws://127.0.0.1:<port>/sync, the serverUrl for WebsocketProvider. */
  syncUrl: string
  httpUrl: string
  stop(): Promise<void>
}

/** A real Kring server (without Next) on port 0, with its own SQLite file. */
export async function startTestServer(
  env: Record<string, string> = {},
  dataDir?: string,
  options: KringServerOptions & { now?: () => Date } = {},
): Promise<TestServer> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'kring-test-'))
  const config = parseConfig({
    NODE_ENV: 'test',
    AUTH_SECRET: TEST_SECRET,
    DATA_DIR: dir,
    LOG_LEVEL: process.env.KRING_TEST_LOG_LEVEL ?? 'silent',
    REVOCATION_POLL_MS: '200',
    ...env,
  })
  const db = await openDatabase(config.database)
  const logger = createLogger(config.logLevel)
  const { now, ...serverOptions } = options
  const server = createKringServer({ config, db, logger, ...(now ? { now } : {}) }, undefined, serverOptions)
  const port = await server.listen(0, '127.0.0.1')
  return {
    server,
    db,
    config,
    port,
    dataDir: dir,
    syncUrl: `ws://127.0.0.1:${port}/sync`,
    httpUrl: `http://127.0.0.1:${port}`,
    async stop() {
      await server.close()
      await db.destroy()
      if (!dataDir) rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A facilitator, a conference and invitations for a family member and a network member. */
export async function seedMeeting(db: Db) {
  const facilitatorUser = await seedUser(db, { email: `f-${Math.random()}@example.org`, name: 'Fenna Facilitator' })
  const { conference, facilitator } = await seedConference(db, { facilitator: facilitatorUser })
  const mother = await seedInvitation(db, { conferenceId: conference.id, displayName: 'Mama Sanne', role: 'family' })
  const aunt = await seedInvitation(db, { conferenceId: conference.id, displayName: 'Tante Amira', role: 'network' })
  const professional = await seedInvitation(db, { conferenceId: conference.id, displayName: 'Jeugdbeschermer Jan', role: 'professional' })
  // The board a conference starts with (its page): shapes written in tests go on it.
  await seedBaseBoard(db, conference.id)
  return { facilitatorUser, conference, facilitator, mother, aunt, professional }
}

/** Wait until `check` returns true (polling; never a fixed sleep). */
export async function waitFor(check: () => boolean | Promise<boolean>, { timeoutMs = 10_000, intervalMs = 10, message = 'condition' } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (await check()) return
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${message}`)
    await new Promise((r) => setTimeout(r, intervalMs))
  }
}
