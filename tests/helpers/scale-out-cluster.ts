/**
 * Several Kring instances as an operator runs them behind a load balancer: child processes
 * (tests/helpers/server-child.ts, so one can be killed with -9) on one fresh PostgreSQL database
 * and one Redis. The scale-out test files share this: `useScaleOutCluster()` inside a `describe`
 * starts PostgreSQL and Redis for the file (tests/helpers/services.ts) and, after each test, closes
 * what the test opened, kills its instances and drops its database connection.
 *
 *   const fixture = useScaleOutCluster({ env: { MEETING_PRESENCE_TTL_MS: '2000' } })
 *   const { instances: [a, b], conference, mother } = await fixture.cluster(2)
 *   await a.kill()     // kill -9
 *   await a.restart()  // a new process on the same port, database and Redis
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { openDatabase, type Db } from '../../lib/server/db/connect'
import { startServerProcess, type ServerProcess } from './server-process'
import { freshDatabase, postgresUnavailable, redisUnavailable, startPostgres, startRedis, type RunningRedis, type RunningService } from './services'
import { seedMeeting, type TestServer } from './test-server'

/** Why the scale-out tests cannot run here (PostgreSQL or Redis missing), or null. */
export function scaleOutUnavailable(): string | null {
  return postgresUnavailable() ?? redisUnavailable()
}

/** One Kring instance of the cluster. Its process changes on restart; its port does not. */
export class ClusterInstance {
  private current: ServerProcess

  constructor(
    private readonly dataDir: string,
    private readonly env: Record<string, string>,
    first: ServerProcess,
  ) {
    this.current = first
  }

  get port(): number {
    return this.current.port
  }
  get syncUrl(): string {
    return this.current.syncUrl
  }
  get httpUrl(): string {
    return `http://127.0.0.1:${this.current.port}`
  }
  /** The running process (for a test that needs the child itself). */
  get process(): ServerProcess {
    return this.current
  }
  get running(): boolean {
    return this.current.child.exitCode === null && this.current.child.signalCode === null
  }

  /** kill -9: no shutdown, nothing cleaned up in Redis (heartbeats and places expire). */
  kill(): Promise<void> {
    return this.current.kill('SIGKILL')
  }

  /** A clean shutdown (SIGTERM): the instance takes its presence out of Redis before it exits. */
  stop(): Promise<void> {
    return this.current.kill('SIGTERM')
  }

  /** Start it again (killed or stopped first if it still runs), on the same port, database and Redis. */
  async restart(): Promise<void> {
    if (this.running) await this.stop()
    this.current = await startServerProcess(this.dataDir, { ...this.env, PORT: String(this.current.port) })
  }
}

export interface ScaleOutCluster extends Awaited<ReturnType<typeof seedMeeting>> {
  /** The cluster's database (its own connection, for the test's reads and seeds). */
  db: Db
  /** DATABASE_URL of the cluster (for the CLI, or another instance). */
  url: string
  redisUrl: string
  instances: ClusterInstance[]
  /** One more instance on the same database and Redis. */
  add(env?: Record<string, string>): Promise<ClusterInstance>
  /** What the meeting helpers take as a server: this instance's HTTP URL, with the cluster's database. */
  server(instance: ClusterInstance): TestServer
}

export interface ScaleOutFixture {
  readonly redis: RunningRedis
  readonly postgres: RunningService
  /** `count` instances on a fresh database (with a seeded meeting: tests/helpers/test-server.ts seedMeeting) and the file's Redis. */
  cluster(count: number, env?: Record<string, string>): Promise<ScaleOutCluster>
  /** Run after this test, before its instances are killed (clients close first). */
  defer(cleanup: () => unknown): void
}

/** Register the file's services and the per-test cleanup; call inside `describe`. `env`: every instance's defaults. */
export function useScaleOutCluster({ env: defaults = {} }: { env?: Record<string, string> } = {}): ScaleOutFixture {
  let postgres: RunningService | undefined
  let redis: RunningRedis | undefined
  const cleanups: (() => unknown)[] = []
  const instances: ClusterInstance[] = []
  const dbs: Db[] = []
  const dirs: string[] = []

  beforeAll(async () => {
    ;[postgres, redis] = await Promise.all([startPostgres(), startRedis()])
  }, 60_000)
  afterAll(async () => {
    await Promise.all([postgres?.stop(), redis?.stop()])
  })
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
    await Promise.all(instances.splice(0).map((instance) => instance.kill()))
    for (const db of dbs.splice(0)) await db.destroy()
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  const fixture: ScaleOutFixture = {
    get redis() {
      if (!redis) throw new Error('Redis is not running (used outside a test?)')
      return redis
    },
    get postgres() {
      if (!postgres) throw new Error('PostgreSQL is not running (used outside a test?)')
      return postgres
    },
    async cluster(count, env = {}) {
      const url = await freshDatabase(fixture.postgres.url)
      const db = await openDatabase(url)
      dbs.push(db)
      const seeded = await seedMeeting(db)
      const redisUrl = fixture.redis.url
      const add = async (extra: Record<string, string> = {}) => {
        const dataDir = mkdtempSync(join(tmpdir(), 'kring-scale-'))
        dirs.push(dataDir)
        const instanceEnv = { ...defaults, ...env, ...extra, DATABASE_URL: url, REDIS_URL: redisUrl }
        const instance = new ClusterInstance(dataDir, instanceEnv, await startServerProcess(dataDir, instanceEnv))
        instances.push(instance)
        return instance
      }
      const started = await Promise.all(Array.from({ length: count }, () => add()))
      return {
        ...seeded,
        db,
        url,
        redisUrl,
        instances: started,
        add,
        server: (instance) => ({ httpUrl: instance.httpUrl, syncUrl: instance.syncUrl, port: instance.port, db }) as TestServer,
      }
    },
    defer(cleanup) {
      cleanups.push(cleanup)
    },
  }
  return fixture
}
