import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { TEST_SECRET } from '../helpers/test-server'

const CHILD = fileURLToPath(new URL('../helpers/lean-start-child.ts', import.meta.url))

/** The packages a fresh server process has loaded once it listens (tests/helpers/lean-start-child.ts). */
async function packagesLoadedAtStart(env: Record<string, string>): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  expect(code).toBe(0)
  return JSON.parse(out.trim().split('\n').at(-1)!) as string[]
}

/**
 * One Kring on its embedded default (SQLite, no REDIS_URL, no mail) starts without loading the
 * clients for PostgreSQL, Redis and SMTP: they cost memory and start-up time it never uses
 * (README, Benchmarks: idle).
 */
describe('a fresh single server loads only what it uses', () => {
  const dirs: string[] = []
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  it('SQLite, one instance, no SMTP: no pg, ioredis, socket.io Redis adapter or nodemailer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kring-lean-'))
    dirs.push(dir)
    const loaded = await packagesLoadedAtStart({ DATA_DIR: dir, AUTH_SECRET: TEST_SECRET })
    // What it does use is seen, so the list is real.
    expect(loaded).toContain('better-sqlite3')
    expect(loaded).toContain('socket.io')
    for (const unused of ['pg', 'ioredis', '@socket.io/redis-adapter', 'nodemailer']) expect(loaded, unused).not.toContain(unused)
  }, 60_000)
})
