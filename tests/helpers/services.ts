/**
 * PostgreSQL and Redis for tests, from Debian's packages on 127.0.0.1 (or the servers named by
 * KRING_TEST_DATABASE_URL / KRING_TEST_REDIS_URL). Each started server gets a throwaway data dir
 * and a free port and is stopped (and its dir removed) by `stop()`.
 *
 * PostgreSQL refuses to run as root (CI runs as root): then initdb and postgres run as the
 * `postgres` system user (Debian's package creates it) through setpriv, on a dir it owns.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface RunningService {
  url: string
  stop(): Promise<void>
}

/** Where Debian puts PostgreSQL's server binaries (the newest major installed), or null. */
export function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return null
  const majors = readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a))
  for (const major of majors) {
    const bin = join(root, major, 'bin')
    if (existsSync(join(bin, 'postgres')) && existsSync(join(bin, 'initdb'))) return bin
  }
  return null
}

export function redisServerPath(): string | null {
  for (const path of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) if (existsSync(path)) return path
  return null
}

/** Why PostgreSQL tests cannot run here, or null when they can. */
export function postgresUnavailable(): string | null {
  if (process.env.KRING_TEST_DATABASE_URL) return null
  if (!postgresBinDir()) return 'PostgreSQL is not installed (apt-get install postgresql) and KRING_TEST_DATABASE_URL is not set'
  if (isRoot() && !systemUserId('postgres')) return 'running as root without a postgres system user to run PostgreSQL as'
  return null
}

export function redisUnavailable(): string | null {
  if (process.env.KRING_TEST_REDIS_URL) return null
  if (!redisServerPath()) return 'redis-server is not installed (apt-get install redis-server) and KRING_TEST_REDIS_URL is not set'
  return null
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0
}

function systemUserId(name: string): { uid: number; gid: number } | null {
  const result = spawnSync('id', ['-u', name], { encoding: 'utf8' })
  const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' })
  if (result.status !== 0 || gid.status !== 0) return null
  return { uid: Number(result.stdout.trim()), gid: Number(gid.stdout.trim()) }
}

/** The command line, run as the postgres user when we are root. */
function asPostgresUser(command: string, args: string[]): [string, string[]] {
  if (!isRoot()) return [command, args]
  return ['setpriv', ['--reuid=postgres', '--regid=postgres', '--clear-groups', '--', command, ...args]]
}

async function waitForLine(child: ChildProcess, pattern: RegExp, what: string, timeoutMs = 20_000): Promise<void> {
  let output = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (pattern.test(output)) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${what} exited (${code}) before it was ready:\n${output}`))
    })
  })
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill(signal)
  })
}

/**
 * A PostgreSQL server for the test file: the given one (KRING_TEST_DATABASE_URL) or a throwaway
 * cluster. Tests make their own databases in it with `freshDatabase`.
 */
export async function startPostgres(): Promise<RunningService> {
  const given = process.env.KRING_TEST_DATABASE_URL
  if (given) return { url: given, stop: async () => {} }
  const bin = postgresBinDir()
  if (!bin) throw new Error('PostgreSQL is not installed')
  const dir = mkdtempSync(join(tmpdir(), 'kring-pg-'))
  const dataDir = join(dir, 'data')
  if (isRoot()) {
    const user = systemUserId('postgres')
    if (!user) throw new Error('no postgres system user')
    chownSync(dir, user.uid, user.gid)
    chmodSync(dir, 0o700)
  }
  const [initCmd, initArgs] = asPostgresUser(join(bin, 'initdb'), ['-D', dataDir, '-U', 'kring', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C'])
  const init = spawnSync(initCmd, initArgs, { encoding: 'utf8' })
  if (init.status !== 0) throw new Error(`initdb failed:\n${init.stdout}\n${init.stderr}`)
  const port = await freePort()
  const [cmd, args] = asPostgresUser(join(bin, 'postgres'), [
    '-D', dataDir, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1',
    '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200',
  ])
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  await waitForLine(child, /ready to accept connections/, 'PostgreSQL')
  return {
    url: `postgres://kring@127.0.0.1:${port}/postgres`,
    async stop() {
      await stopChild(child, 'SIGINT')
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A new, empty database on the server: each test gets its own. Returns its URL. */
export async function freshDatabase(serverUrl: string, prefix = 'kring_test'): Promise<string> {
  const { default: pg } = await import('pg')
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE "${name}"`)
  } finally {
    await client.end()
  }
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return url.toString()
}

export interface RunningRedis extends RunningService {
  /** Stop the server and start it again on the same port (empty: no persistence). */
  restart(): Promise<void>
}

/** A Redis server: the given one (KRING_TEST_REDIS_URL) or a throwaway one without persistence. */
export async function startRedis(): Promise<RunningRedis> {
  const given = process.env.KRING_TEST_REDIS_URL
  if (given) {
    return {
      url: given,
      stop: async () => {},
      restart: async () => {
        throw new Error('cannot restart a Redis given by KRING_TEST_REDIS_URL')
      },
    }
  }
  const path = redisServerPath()
  if (!path) throw new Error('redis-server is not installed')
  const dir = mkdtempSync(join(tmpdir(), 'kring-redis-'))
  const port = await freePort()
  let child: ChildProcess | null = null
  const start = async () => {
    child = spawn(path, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--protected-mode', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    await waitForLine(child, /Ready to accept connections/, 'Redis')
  }
  await start()
  return {
    url: `redis://127.0.0.1:${port}`,
    async restart() {
      if (child) await stopChild(child, 'SIGKILL')
      await start()
    },
    async stop() {
      if (child) await stopChild(child)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
